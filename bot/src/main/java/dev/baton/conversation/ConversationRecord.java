package dev.baton.conversation;

import java.time.Instant;

/** A stored conversation: one customer, one place, a run of messages without a long quiet gap. */
public record ConversationRecord(long id, String customerId, PlaceKind place, String channelId, String threadId,
                                 ConversationState state, Instant startedAt, Instant lastMessageAt) {

    /** The channel Baton speaks in: its thread when it has one, else where it started. */
    public String replyChannelId() {
        return threadId != null ? threadId : channelId;
    }

    public boolean isQuiet() {
        return state == ConversationState.HANDED_OFF;
    }
}
