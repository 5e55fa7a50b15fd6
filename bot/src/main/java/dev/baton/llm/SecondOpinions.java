package dev.baton.llm;

import dev.baton.triage.Conversation;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.TriageEngine;
import java.util.Objects;
import java.util.Optional;

/**
 * How a second opinion changes a decision, in one place so that the desk and the bench cannot differ: the
 * model is asked only when it is used for second opinions and the engine is unsure ({@link Band}); its
 * checked decision ({@link Opinion}) replaces the offline one only when asking gave one, and any failure
 * leaves the offline decision. Pure but for the call to the model.
 */
public final class SecondOpinions {

    /**
     * @param decision the decision to act on
     * @param attempt  what asking the model gave; empty when it was not asked
     */
    public record Outcome(Decision decision, Optional<Attempt<Opinion.Applied>> attempt) {
        public Outcome {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(attempt, "attempt");
        }
    }

    private SecondOpinions() {
    }

    /** What to ask the model about this assessment, if anything: empty when no model is used for it or the engine is sure. */
    public static Optional<Band.Question> question(Assistant assistant, Conversation conversation,
                                                   TriageEngine.Assessment assessment, CueSettings settings,
                                                   double answerConfidence) {
        if (!assistant.uses(Use.SECOND_OPINION)) {
            return Optional.empty();
        }
        return Band.of(conversation, assessment.decision(), assessment.nearest(), settings, answerConfidence,
                assistant.band());
    }

    /** Asks the model: its decision when it gave a usable one, else the offline decision. */
    public static Outcome ask(Assistant assistant, Band.Question question) {
        return ask(assistant, question, Deadline.none());
    }

    /** {@link #ask(Assistant, Band.Question)} within what is left of a customer reply's {@code deadline}. */
    public static Outcome ask(Assistant assistant, Band.Question question, Deadline deadline) {
        Attempt<Opinion.Applied> attempt = assistant.secondOpinion(question, deadline);
        Decision decision = attempt instanceof Attempt.Got<Opinion.Applied> got ? got.value().decision()
                : question.offline();
        return new Outcome(decision, Optional.of(attempt));
    }

    /** The decision Baton acts on: {@link #question} then, if there is one, {@link #ask}. */
    public static Outcome decide(Assistant assistant, TriageEngine.Assessment assessment, Conversation conversation,
                                 CueSettings settings, double answerConfidence) {
        return question(assistant, conversation, assessment, settings, answerConfidence)
                .map(question -> ask(assistant, question))
                .orElseGet(() -> new Outcome(assessment.decision(), Optional.empty()));
    }
}
