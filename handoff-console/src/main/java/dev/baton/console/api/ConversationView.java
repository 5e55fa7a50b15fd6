package dev.baton.console.api;

import java.time.Instant;
import java.util.List;

/**
 * A stored conversation, whether Baton answered it or handed it off.
 *
 * @param state      bot, handed_off or closed
 * @param handoffIds its handoffs, oldest first (empty when Baton answered everything)
 */
public record ConversationView(Summary summary, List<HandoffDetail.Line> transcript, List<Long> handoffIds,
                               List<FeedbackView> feedback) {

    public ConversationView {
        transcript = List.copyOf(transcript);
        handoffIds = List.copyOf(handoffIds);
        feedback = List.copyOf(feedback);
    }

    /** @param answers how many times Baton answered from the knowledge base */
    public record Summary(long id, String customerName, String channelId, Instant startedAt,
                          Instant lastMessageAt, String state, int answers, String firstMessage) {
    }
}
