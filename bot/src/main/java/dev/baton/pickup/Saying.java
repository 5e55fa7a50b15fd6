package dev.baton.pickup;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.handoff.HandoffEvent;
import dev.baton.pickup.PickupNotices.Posted;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Baton says in a conversation about who has it (pickup steps, transfers), in two halves: stored in the
 * transcript first, as the desk does, so a customer's quick answer is read after it; then sent, and kept when
 * it landed in the conversation, else taken back out. The halves may run on different threads.
 */
final class Saying {

    private static final Logger LOG = LoggerFactory.getLogger(Saying.class);
    private static final String BATON_NAME = "Baton";

    private final ConversationStore conversations;

    Saying(ConversationStore conversations) {
        this.conversations = conversations;
    }

    /** Stores {@code text} as Baton's message in the conversation; the row to {@link #sent} it by. */
    long stored(ConversationRecord conversation, String text, Instant at) {
        long row = conversations.insert(new NewMessage(null, conversation.id(), conversation.replyChannelId(),
                HandoffEvent.BATON, BATON_NAME, AuthorKind.BOT, text, List.of(), null, null, at)).orElseThrow();
        conversations.touch(conversation.id(), at);
        return row;
    }

    /** Sends the stored {@code row} through {@code send}; never throws for Discord's trouble. */
    Posted sent(ConversationRecord conversation, long row, String text, Supplier<Posted> send) {
        Posted posted;
        try {
            posted = send.get();
        } catch (RuntimeException e) {
            LOG.error("posting a notice in conversation {} failed", conversation.id(), e);
            posted = Posted.failed("not posted: " + e);
        }
        if (posted == null) {
            posted = Posted.failed("not posted: Discord gave no answer");
        }
        if (posted.delivered() && conversation.replyChannelId().equals(posted.channelId())) {
            conversations.confirmSent(row, posted.discordId(), posted.channelId(),
                    posted.text() == null ? text : posted.text());
        } else {
            conversations.forget(row); // not in the conversation, so not in its transcript
        }
        return posted;
    }

    /** Takes a stored message back out: it will not be sent after all. */
    void withdrawn(long row) {
        conversations.forget(row);
    }

    /** What became of a post, in words for the timeline. */
    static String outcome(Posted posted) {
        String detail = posted.detail() == null || posted.detail().isBlank() ? "" : posted.detail();
        if (posted.delivered()) {
            return detail.isEmpty() ? "posted" : detail;
        }
        return detail.isEmpty() ? "not posted" : detail;
    }
}
