package dev.baton.console.api;

import java.time.Instant;
import java.util.List;

/**
 * One handoff as a queue row.
 *
 * @param state    waiting, claimed, transferred or resolved
 * @param reason   the main reason (a cue such as {@code crisis}, {@code grief}, {@code human_request})
 * @param reasons  every reason, main first
 * @param practice true for a playground practice handoff, which never reaches Discord
 * @param priority urgent, high, normal or low, from the routing rule that matched
 * @param rule     the name of that rule in {@code rules.yaml} ({@code default} for the default route)
 */
public record QueueEntry(long id, String state, String reason, List<String> reasons, String customerName,
                         String assigneeId, String assigneeName, String summary, Instant createdAt,
                         Instant updatedAt, boolean practice, long conversationId, String priority, String rule) {
    public QueueEntry {
        reasons = List.copyOf(reasons);
    }
}
