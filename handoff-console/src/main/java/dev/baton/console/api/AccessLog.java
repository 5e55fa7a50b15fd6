package dev.baton.console.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Who opened which conversation, and when; kept by the bot, shown to managers. */
public interface AccessLog {

    void record(Entry entry);

    /** Newest first. */
    List<Entry> recent(int limit);

    /** The entries matching {@code query}, newest first, one page of them. */
    List<Entry> search(Query query);

    /** Deletes every entry from before {@code cutoff} (retention); returns how many went. */
    int deleteBefore(Instant cutoff);

    /**
     * @param what      what was looked at or done, e.g. {@code opened handoff 12}, {@code logged in}
     * @param handoffId the handoff concerned, or null
     */
    record Entry(Instant at, String username, String what, Long handoffId, String remoteAddress) {
    }

    /**
     * A filter and a page; every filter may be null.
     *
     * @param username  exactly this user name
     * @param handoffId exactly this handoff
     * @param action    {@code what} contains this, case-blind
     * @param from      at or after
     * @param to        before
     * @param offset    entries to skip (newest first)
     */
    record Query(String username, Long handoffId, String action, Instant from, Instant to, int limit, int offset) {

        public Query {
            if (limit < 0 || offset < 0) {
                throw new IllegalArgumentException("limit and offset must not be negative");
            }
        }

        /** Whether {@code entry} passes the filters (not the page); for in-memory logs. */
        public boolean matches(Entry entry) {
            return (username == null || username.equals(entry.username()))
                    && (handoffId == null || handoffId.equals(entry.handoffId()))
                    && (action == null || entry.what().toLowerCase(Locale.ROOT).contains(action.toLowerCase(Locale.ROOT)))
                    && (from == null || !entry.at().isBefore(from))
                    && (to == null || entry.at().isBefore(to));
        }
    }
}
