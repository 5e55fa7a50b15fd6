package dev.baton.handoff;

import dev.baton.rules.Priority;
import java.time.Instant;

/**
 * A stored handoff without its packet: what queues and lists need.
 *
 * @param rule          the routing rule that matched ({@code default} for the default route)
 * @param privateThread whether the conversation was moved to a private thread
 * @param dueFrom       when pickup deadlines start counting: at once when the person was on shift or
 *                      the handoff is urgent, else when their next shift starts
 */
public record HandoffRecord(long id, long conversationId, HandoffState state, String reason, String assigneeId,
                            Outcome outcome, Instant createdAt, Instant updatedAt, String rule, Priority priority,
                            boolean privateThread, Instant dueFrom) {
}
