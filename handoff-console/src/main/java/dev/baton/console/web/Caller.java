package dev.baton.console.web;

import dev.baton.console.api.Account;
import io.javalin.http.Context;

/** The logged-in person making a request, as the guard found them. */
public record Caller(String username, Account.Role role, Sessions.Session session) {

    private static final String ATTRIBUTE = "baton.caller";

    public boolean isManager() {
        return role == Account.Role.MANAGER;
    }

    void attach(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The caller of a route that needs one ({@link Access#SIGNED_IN} or {@link Access#MANAGER}). */
    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw ApiError.unauthorized();
        }
        return caller;
    }
}
