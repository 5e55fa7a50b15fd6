package dev.baton.handoff;

import java.time.Instant;

/** A stored handoff without its packet: what queues and lists need. */
public record HandoffRecord(long id, long conversationId, HandoffState state, String reason, String assigneeId,
                            Outcome outcome, Instant createdAt, Instant updatedAt) {
}
