package dev.baton.feedback;

import dev.baton.console.api.FeedbackView;
import java.time.Instant;

/**
 * One stored click of feedback.
 *
 * @param handoffId null for feedback on a conversation Baton answered
 * @param actor     the roster id (or {@code admin}) of who gave it
 * @param note      what they added in words; empty when nothing
 */
public record Feedback(long id, long conversationId, Long handoffId, FeedbackKind kind, String actor, Instant at,
                       String note) {

    /** As the console shows it, with the actor's display name (the caller knows the roster). */
    public FeedbackView view(String actorName) {
        return new FeedbackView(kind.wireName(), actor, actorName, at, note, handoffId);
    }
}
