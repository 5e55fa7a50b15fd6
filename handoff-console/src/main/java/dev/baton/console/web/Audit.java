package dev.baton.console.web;

import dev.baton.console.AccessLog;
import io.javalin.http.Context;
import java.time.Clock;

/** Writes access-log lines: who did what, to which handoff, from where. Never any message text. */
public final class Audit {

    private static final int MAX_NAME = 64;

    private final AccessLog log;
    private final Clock clock;

    public Audit(AccessLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void record(Context ctx, String username, String what, Long handoffId) {
        log.record(new AccessLog.Entry(clock.instant(), clip(username), what, handoffId, ctx.ip()));
    }

    public void record(Context ctx, String username, String what) {
        record(ctx, username, what, null);
    }

    /** A user name as typed at login may be anything; keep the log readable. */
    private static String clip(String username) {
        if (username == null) {
            return "";
        }
        return username.length() <= MAX_NAME ? username : username.substring(0, MAX_NAME) + "…";
    }
}
