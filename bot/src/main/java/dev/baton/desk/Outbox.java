package dev.baton.desk;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.NewMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Baton's own messages: stored before they are sent, so a customer's quick reply is read after them,
 * then confirmed with what Discord made of them, or dropped when they never arrived.
 */
record Outbox(ConversationStore conversations, Clock clock) {

    /** Author id of Baton's own messages (its Discord id may differ per deployment; the role does not). */
    static final String BATON = "baton";
    static final String BATON_NAME = "Baton";

    /** Stores what Baton is about to say; returns its row (see {@link Reaction.Answer}). */
    long pending(ConversationRecord conversation, String text, String kbId) {
        Instant at = clock.instant();
        long row = conversations.insert(new NewMessage(null, conversation.id(), conversation.replyChannelId(), BATON,
                BATON_NAME, AuthorKind.BOT, text, List.of(), null, kbId, at)).orElseThrow();
        conversations.touch(conversation.id(), at);
        return row;
    }

    /** Discord confirmed the message: its id, where it landed and its final text. */
    void sent(long pendingRow, String discordId, String channelId, String text) {
        conversations.confirmSent(pendingRow, discordId, channelId, text);
    }

    /** The message never reached the customer; it must not stay in the transcript as if it had. */
    void notSent(long pendingRow) {
        conversations.forget(pendingRow);
    }
}
