package dev.baton.console.web;

import io.javalin.http.Context;

/** The {@code ?limit=N} of a request for the newest entries of a list: how many to answer with. */
public final class Limit {

    private Limit() {
    }

    /** {@code fallback} when the request names no limit; 400 unless it is a whole number from 1 to {@code max}. */
    public static int of(Context ctx, int fallback, int max) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return fallback;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("\"limit\" must be a whole number");
        }
        if (limit < 1 || limit > max) {
            throw ApiError.badRequest("\"limit\" must be between 1 and " + max);
        }
        return limit;
    }
}
