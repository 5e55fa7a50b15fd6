package dev.baton.console.web;

import dev.baton.console.api.Account;
import dev.baton.console.api.AccountStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every route: security headers on every response, then who may call the route
 * ({@link Access}), the origin of state changes and their CSRF token.
 *
 * <p>CSRF: a logged-in session has its own token (from {@code GET /api/me}); every POST, PUT and
 * DELETE must carry it in {@code X-CSRF-Token}. Before login there is no session, so login and setup
 * use a double-submit token: {@code GET /api/csrf} sets it in an HttpOnly {@code __Host-} cookie and
 * returns it, and the form request must echo it in the header. On top, a state change whose
 * {@code Origin} or {@code Sec-Fetch-Site} says it comes from another site is refused.
 */
public final class Guard {

    public static final String SESSION_COOKIE = "__Host-baton_session";
    public static final String FORM_COOKIE = "__Host-baton_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Sessions sessions;
    private final AccountStore accounts;
    private final Optional<String> publicOrigin;

    public Guard(Sessions sessions, AccountStore accounts, Optional<String> publicUrl) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.publicOrigin = publicUrl.map(Guard::originOf);
    }

    /** Headers a client may use to turn one method into another; the console takes none of them. */
    private static final java.util.List<String> METHOD_OVERRIDES = java.util.List.of("X-HTTP-Method-Override",
            "X-HTTP-Method", "X-Method-Override");

    /** Headers every response carries, whatever happens next; a method override is refused. */
    public static void headers(Context ctx) {
        addHeaders(ctx.path(), ctx::header);
        for (String override : METHOD_OVERRIDES) {
            if (ctx.header(override) != null) {
                throw ApiError.badRequest(override + " is not accepted: send the method itself");
            }
        }
    }

    /** The security headers, for Javalin's responses and Jetty's own error pages alike. */
    static void addHeaders(String path, java.util.function.BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CSP);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Cross-Origin-Opener-Policy", "same-origin");
        if (path == null || (!path.startsWith("/assets/") && !path.equals("/api/events"))) {
            header.accept("Cache-Control", "no-store");
        }
    }

    /** Access check for the matched route. */
    public void check(Context ctx) {
        Access access = accessOf(ctx);
        boolean changes = !SAFE.contains(ctx.method());
        if (changes) {
            checkOrigin(ctx);
        }
        switch (access) {
            case PUBLIC -> {
            }
            case FORM -> {
                if (!Secrets.same(ctx.cookie(FORM_COOKIE), ctx.header(CSRF_HEADER))) {
                    throw ApiError.forbidden("missing or wrong CSRF token: reload the page and try again");
                }
            }
            case SIGNED_IN, MANAGER -> {
                Optional<Caller> found = caller(ctx);
                if (found.isEmpty()) {
                    if (isPage(ctx)) {
                        throw new PageRedirect("/login");
                    }
                    throw ApiError.unauthorized();
                }
                Caller caller = found.get();
                if (changes && !Secrets.same(caller.session().csrfToken(), ctx.header(CSRF_HEADER))) {
                    throw ApiError.forbidden("missing or wrong CSRF token: reload the page and try again");
                }
                if (access == Access.MANAGER && !caller.isManager()) {
                    throw ApiError.forbidden("only managers may do this");
                }
                caller.attach(ctx);
            }
        }
    }

    /** The logged-in caller, if the session cookie names a live session of an existing account. */
    public Optional<Caller> caller(Context ctx) {
        String id = ctx.cookie(SESSION_COOKIE);
        Optional<Sessions.Session> session = sessions.find(id);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(session.get().username());
        if (account.isEmpty()) {
            sessions.invalidate(id);
            return Optional.empty();
        }
        return Optional.of(new Caller(account.get().username(), account.get().role(), session.get()));
    }

    /** Pages (not the JSON API) answer a missing login with a redirect. */
    static boolean isPage(Context ctx) {
        String path = ctx.path();
        return ctx.method() == HandlerType.GET && !path.startsWith("/api/") && !path.equals("/metrics");
    }

    private void checkOrigin(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            throw ApiError.forbidden("cross-site request refused");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String normalized = origin.toLowerCase(Locale.ROOT);
        String host = ctx.header("Host");
        boolean sameHost = host != null
                && (normalized.equals("http://" + host.toLowerCase(Locale.ROOT))
                || normalized.equals("https://" + host.toLowerCase(Locale.ROOT)));
        boolean published = publicOrigin.map(normalized::equals).orElse(false);
        if (!sameHost && !published) {
            throw ApiError.forbidden("cross-origin request refused");
        }
    }

    private static Access accessOf(Context ctx) {
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof Access access) {
                return access;
            }
        }
        // Every route names its access; one that does not is treated as the strictest.
        return Access.MANAGER;
    }

    private static String originOf(String url) {
        URI uri = URI.create(url.trim());
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /** Sets a {@code __Host-} cookie: Secure, HttpOnly, SameSite=Strict, whole site, ends with the browser. */
    public static void setCookie(Context ctx, String name, String value) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Strict");
    }

    public static void clearCookie(Context ctx, String name) {
        ctx.res().addHeader("Set-Cookie", name + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
    }

    /** A page request without a login goes to the login page. */
    public static final class PageRedirect extends RuntimeException {
        private final String location;

        PageRedirect(String location) {
            super(location, null, false, false);
            this.location = location;
        }

        public String location() {
            return location;
        }
    }
}
