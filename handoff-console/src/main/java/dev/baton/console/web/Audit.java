package dev.baton.console.web;

import dev.baton.console.api.AccessLog;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes access-log lines: who did what, to which handoff, from where. Never any message text. */
public final class Audit {

    private static final int MAX_NAME = 64;
    /** A page that refreshes itself on every change would log an "opened" line per change; once per this is enough. */
    static final Duration REOPEN_QUIET = Duration.ofMinutes(30);

    private final AccessLog log;
    private final Clock clock;
    private final Map<String, Instant> lastOpened = new ConcurrentHashMap<>();

    public Audit(AccessLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * Records that the caller opened a handoff: the first time in this session, and again once
     * {@link #REOPEN_QUIET} has passed, so live refreshes do not flood the log.
     */
    public void opened(Context ctx, Caller caller, long handoffId) {
        if (firstInAWhile(caller, "h" + handoffId)) {
            record(ctx, caller.username(), "opened handoff " + handoffId, handoffId);
        }
    }

    /** As {@link #opened}, for a stored conversation (one Baton answered, or from a replay). */
    public void openedConversation(Context ctx, Caller caller, long conversationId) {
        if (firstInAWhile(caller, "c" + conversationId)) {
            record(ctx, caller.username(), "opened conversation " + conversationId);
        }
    }

    private boolean firstInAWhile(Caller caller, String what) {
        Instant now = clock.instant();
        if (lastOpened.size() > 10_000) {
            lastOpened.values().removeIf(at -> !now.isBefore(at.plus(REOPEN_QUIET)));
        }
        String key = Secrets.digest(caller.session().id()) + ":" + what;
        Instant last = lastOpened.get(key);
        if (last != null && now.isBefore(last.plus(REOPEN_QUIET))) {
            return false;
        }
        lastOpened.put(key, now);
        return true;
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
