package dev.baton.conversation;

import java.time.Instant;

/**
 * A stored conversation: one customer, one place, a run of messages without a long quiet gap.
 *
 * @param practice a playground practice conversation from the console: stored, never sent to Discord
 */
public record ConversationRecord(long id, String customerId, PlaceKind place, String channelId, String threadId,
                                 ConversationState state, Instant startedAt, Instant lastMessageAt, boolean practice) {

    /** A conversation from Discord. */
    public ConversationRecord(long id, String customerId, PlaceKind place, String channelId, String threadId,
                              ConversationState state, Instant startedAt, Instant lastMessageAt) {
        this(id, customerId, place, channelId, threadId, state, startedAt, lastMessageAt, false);
    }

    /** The channel Baton speaks in: its thread when it has one, else where it started. */
    public String replyChannelId() {
        return threadId != null ? threadId : channelId;
    }

    public boolean isQuiet() {
        return state == ConversationState.HANDED_OFF;
    }
}
