package dev.baton.llm;

import dev.baton.handoff.Summary;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.triage.Cue;
import dev.baton.triage.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What Baton may ask a language model, when one is configured. Every method never throws: a failure is an
 * {@link Attempt.Failed} and the caller carries on offline. What a customer's reply asks (a second opinion,
 * then the phrasing) shares one {@link Deadline} from {@link #reply()}: together they return within the
 * configured time limit, the later request getting only what the earlier left. A summary, which nobody
 * waits for, has the time limit for each request (twice it, with the one retry). {@link #off()} is Baton
 * without a model.
 */
public interface Assistant {

    /** Whether a model is configured and may be used for this. */
    boolean uses(Use use);

    /** How close to a threshold counts as unsure (see {@link Band}). */
    double band();

    /** Starts one customer reply's wait on the model: the time limit, for all its requests together. */
    Deadline reply();

    /** A checked second opinion on a decision the engine is unsure of, within the time limit of its own. */
    default Attempt<Opinion.Applied> secondOpinion(Band.Question question) {
        return secondOpinion(question, Deadline.none());
    }

    /** A checked second opinion, within what is left of {@code deadline}. */
    Attempt<Opinion.Applied> secondOpinion(Band.Question question, Deadline deadline);

    /** {@link #phrase(KnowledgeEntry, String, Deadline)} within the time limit of its own. */
    default Attempt<String> phrase(KnowledgeEntry entry, String question) {
        return phrase(entry, question, Deadline.none());
    }

    /**
     * The entry's answer in conversational words, fitted to the customer's question, within what is left of
     * {@code deadline}; rejected (a {@link Failure#REJECTED} failure) if it adds a fact, claims an action or
     * repeats Baton's instructions.
     */
    Attempt<String> phrase(KnowledgeEntry entry, String question, Deadline deadline);

    /**
     * The model's three lines, each kept only if the transcript supports it; a dropped line keeps the
     * offline summary's part.
     */
    Attempt<Refined> summarize(List<Message> transcript, List<Cue> cues, Summary offline);

    /** Where work that waits on the model runs, so that no Discord or console thread waits on it. */
    Executor background();

    /** One line for the startup log: the endpoint, model and uses, never the key. */
    String describe();

    /**
     * @param kept    the parts the model wrote that were kept (wants, tried, feels)
     * @param dropped why each other part was dropped
     */
    record Refined(Summary summary, List<String> kept, List<String> dropped) {
        public Refined {
            kept = List.copyOf(kept);
            dropped = List.copyOf(dropped);
        }
    }

    static Assistant off() {
        return Off.INSTANCE;
    }

    /** No model: nothing is ever asked. */
    final class Off implements Assistant {

        private static final Off INSTANCE = new Off();

        private Off() {
        }

        @Override
        public boolean uses(Use use) {
            return false;
        }

        @Override
        public double band() {
            return 0;
        }

        @Override
        public Deadline reply() {
            return Deadline.after(Duration.ZERO);
        }

        @Override
        public Attempt<Opinion.Applied> secondOpinion(Band.Question question, Deadline deadline) {
            return Attempt.off();
        }

        @Override
        public Attempt<String> phrase(KnowledgeEntry entry, String question, Deadline deadline) {
            return Attempt.off();
        }

        @Override
        public Attempt<Refined> summarize(List<Message> transcript, List<Cue> cues, Summary offline) {
            return Attempt.off();
        }

        @Override
        public Executor background() {
            return Runnable::run;
        }

        @Override
        public String describe() {
            return "no language model (set BATON_LLM_BASE_URL and BATON_LLM_MODEL to use one)";
        }
    }
}
