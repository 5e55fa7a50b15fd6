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
    /** Per (address, what) of a failed or refused login: the minute being counted and how many went unlogged. */
    private final Map<String, long[]> bursts = new java.util.HashMap<>();

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

    /**
     * A failed or refused login. Only the first per address, kind and minute gets its own row; the rest
     * of that minute become one row saying how many there were, written when the minute is over (by
     * {@link #flush} or the address's next attempt). Guessing cannot bury the log under one row per try.
     */
    public void loginAttempt(Context ctx, String username, String what) {
        String address = ctx.ip();
        Instant now = clock.instant();
        long minute = now.getEpochSecond() / 60;
        String key = address + "\n" + what;
        synchronized (bursts) {
            long[] burst = bursts.get(key);
            if (burst != null && burst[0] == minute) {
                burst[1]++;
                return;
            }
            if (burst != null && burst[1] > 0) {
                summarise(address, what, burst);
            }
            if (bursts.size() > 10_000) {
                flush();
            }
            bursts.put(key, new long[] {minute, 0});
        }
        record(ctx, username, what);
    }

    /** Writes the count rows of minutes that are over. */
    public void flush() {
        long minute = clock.instant().getEpochSecond() / 60;
        synchronized (bursts) {
            bursts.entrySet().removeIf(e -> {
                if (e.getValue()[0] >= minute) {
                    return false;
                }
                if (e.getValue()[1] > 0) {
                    String[] parts = e.getKey().split("\n", 2);
                    summarise(parts[0], parts[1], e.getValue());
                }
                return true;
            });
        }
    }

    private void summarise(String address, String what, long[] burst) {
        Instant start = Instant.ofEpochSecond(burst[0] * 60);
        log.record(new AccessLog.Entry(start.plusSeconds(59), "", what + ": " + burst[1]
                + " more from this address in the minute from " + start + " (counted, not logged one by one)",
                null, address));
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
