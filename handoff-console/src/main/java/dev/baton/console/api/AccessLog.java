package dev.baton.console.api;

import java.time.Instant;
import java.util.List;

/** Who opened which conversation, and when; kept by the bot, shown to managers. */
public interface AccessLog {

    void record(Entry entry);

    /** Newest first. */
    List<Entry> recent(int limit);

    /**
     * @param what      what was looked at or done, e.g. {@code opened handoff 12}, {@code logged in}
     * @param handoffId the handoff concerned, or null
     */
    record Entry(Instant at, String username, String what, Long handoffId, String remoteAddress) {
    }
}
