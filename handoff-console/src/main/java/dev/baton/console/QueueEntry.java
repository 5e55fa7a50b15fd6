package dev.baton.console;

import java.time.Instant;
import java.util.List;

/**
 * One handoff as a queue row.
 *
 * @param state    waiting, claimed, transferred or resolved
 * @param reason   the main reason (a cue such as {@code crisis}, {@code grief}, {@code human_request})
 * @param reasons  every reason, main first
 * @param practice true for a playground practice handoff, which never reaches Discord
 */
public record QueueEntry(long id, String state, String reason, List<String> reasons, String customerName,
                         String assigneeId, String assigneeName, String summary, Instant createdAt,
                         Instant updatedAt, boolean practice) {
    public QueueEntry {
        reasons = List.copyOf(reasons);
    }
}
