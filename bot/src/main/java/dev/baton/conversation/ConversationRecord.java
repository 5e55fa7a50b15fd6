package dev.baton.conversation;

import java.time.Instant;

/**
 * A stored conversation: one customer, one place, a run of messages without a long quiet gap.
 *
 * @param practice a playground practice conversation from the console: stored, never sent to Discord
 * @param parentId the parent channel when it started in a thread or forum post (so the parent's rules
 *                 apply in it); null otherwise, and for conversations stored before parents were kept
 */
public record ConversationRecord(long id, String customerId, PlaceKind place, String channelId, String threadId,
                                 ConversationState state, Instant startedAt, Instant lastMessageAt, boolean practice,
                                 String parentId) {

    /** A conversation from Discord that did not start in a thread. */
    public ConversationRecord(long id, String customerId, PlaceKind place, String channelId, String threadId,
                              ConversationState state, Instant startedAt, Instant lastMessageAt) {
        this(id, customerId, place, channelId, threadId, state, startedAt, lastMessageAt, false, null);
    }

    public ConversationRecord(long id, String customerId, PlaceKind place, String channelId, String threadId,
                              ConversationState state, Instant startedAt, Instant lastMessageAt, boolean practice) {
        this(id, customerId, place, channelId, threadId, state, startedAt, lastMessageAt, practice, null);
    }

    /** The channel Baton speaks in: its thread when it has one, else where it started. */
    public String replyChannelId() {
        return threadId != null ? threadId : channelId;
    }

    public boolean isQuiet() {
        return state == ConversationState.HANDED_OFF;
    }
}
