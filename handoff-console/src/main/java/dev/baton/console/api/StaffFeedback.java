package dev.baton.console.api;

import java.util.List;
import java.util.Optional;

/**
 * Staff's one-click feedback on handoffs and on conversations Baton answered alone, and the stored
 * conversations it is given on.
 */
public interface StaffFeedback {

    /**
     * Staff feedback on a handoff. {@code kind} is {@code needed_person}, {@code bot_could_answer},
     * {@code should_have_come_sooner} or {@code asked_again} (staff asked the customer for something
     * already in the transcript). Clicking the same kind again changes nothing.
     *
     * @return all feedback on the handoff's conversation, oldest first
     */
    List<FeedbackView> feedbackOnHandoff(long handoffId, String actorId, String kind, String note);

    /** Feedback on a conversation Baton answered: only {@code should_have_come_sooner}. */
    List<FeedbackView> feedbackOnConversation(long conversationId, String actorId, String kind, String note);

    /** Feedback given on a conversation, oldest first. */
    List<FeedbackView> feedback(long conversationId);

    /** Any stored conversation, answered or handed off, for replay's list of changed conversations. */
    Optional<ConversationView> conversation(long id);

    /** Recent conversations Baton answered without a person, newest first, for "should have come sooner". */
    List<ConversationView.Summary> recentlyAnswered(int limit);
}
