package dev.baton.desk;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.handoff.HandoffStore;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.live.RulesInForce;
import dev.baton.llm.Assistant;
import dev.baton.llm.Band;
import dev.baton.llm.Deadline;
import dev.baton.llm.SecondOpinions;
import dev.baton.llm.Use;
import dev.baton.metrics.BatonMetrics;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.TriageEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision on a customer's message and carrying it out: the engine decides; the language model,
 * where one is configured, gives a second opinion on an unsure decision or words an answer, off the
 * caller's thread and within one wait for the whole reply; then the decision is recorded and acted on. An
 * answer is stored before it is sent, a handoff before the customer is told.
 */
final class Decider {

    private static final Logger LOG = LoggerFactory.getLogger(Decider.class);

    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final Handoffs handOffs;
    private final Outbox outbox;
    private final BatonMetrics metrics;
    private final Assistant assistant;
    private final Clock clock;

    Decider(ConversationStore conversations, HandoffStore handoffs, Handoffs handOffs, Outbox outbox,
            BatonMetrics metrics, Assistant assistant, Clock clock) {
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.handOffs = handOffs;
        this.outbox = outbox;
        this.metrics = metrics;
        this.assistant = assistant;
        this.clock = clock;
    }

    /**
     * Decides the conversation as it stands after the customer's message in row {@code messageRow}.
     *
     * @param lane the lock of the message's lane, held by the caller: a decision settled after asking the model
     *             takes it again, so it does not interleave with the customer's next message
     */
    Reaction decide(ConversationRecord conversation, long messageRow, RulesInForce rules, Object lane) {
        Reading reading = Reading.of(conversations.transcript(conversation.id()));
        CueSettings settings = Handoffs.settingsFor(conversation, rules);
        long started = System.nanoTime();
        TriageEngine.Assessment assessment = rules.engine().assess(reading.conversation(), settings,
                rules.book().answerConfidence());
        long micros = (System.nanoTime() - started) / 1_000;
        Decision decision = assessment.decision();
        Optional<Band.Question> question = SecondOpinions.question(assistant, reading.conversation(), assessment,
                settings, rules.book().answerConfidence());
        boolean phrase = assistant.uses(Use.PHRASING) && (decision instanceof Decision.Answer || question.isPresent());
        if (question.isEmpty() && !phrase) {
            return act(conversation, messageRow, reading, rules, assessment, decision, micros, null, null);
        }
        // A handoff never gets here (see Band): the model is asked only while Baton may still answer.
        // One wait for the whole reply, from now: the second opinion and the phrasing share it.
        Asked asked = new Asked(conversation.id(), messageRow, reading, rules, assessment, micros, question,
                assistant.reply(), lane);
        try {
            CompletableFuture<Reaction> later = CompletableFuture.supplyAsync(() -> consult(asked), assistant.background());
            return new Reaction.Deferred(later, question.isPresent() ? "asking the language model for a second opinion"
                    : "asking the language model to word the answer");
        } catch (RejectedExecutionException e) {
            Consultation refused = Consultation.failed(decision, "the model's queue refused the work: " + e.getMessage());
            return act(conversation, messageRow, reading, rules, assessment, decision, micros, refused.note(), null);
        }
    }

    /** A decision that waits on the model: everything needed to act on it once the model has answered. */
    private record Asked(long conversationId, long messageRow, Reading reading, RulesInForce rules,
                         TriageEngine.Assessment assessment, long micros, Optional<Band.Question> question,
                         Deadline deadline, Object lane) {
    }

    /** Runs off the lane's lock and the caller's thread: asks the model, then acts under the lane's lock. */
    private Reaction consult(Asked asked) {
        Consultation consultation;
        try {
            consultation = Consultation.ask(assistant, asked.assessment().decision(), asked.question(),
                    asked.rules().knowledge(), asked.reading().conversation().focusMessage().text(), asked.deadline());
        } catch (RuntimeException e) {
            LOG.warn("asking the language model failed unexpectedly; deciding offline", e);
            consultation = Consultation.failed(asked.assessment().decision(), "unexpected: " + e);
        }
        try {
            synchronized (asked.lane()) {
                return settle(asked, consultation);
            }
        } catch (RuntimeException e) {
            LOG.error("could not act on conversation {} after asking the language model", asked.conversationId(), e);
            return new Reaction.Silence("could not act after asking the language model: " + e);
        }
    }

    /**
     * Acts on a decision made while the desk was free for others, unless the conversation moved on meanwhile:
     * the customer wrote again (that message is decided on its own, with this one in view), or a person took
     * over.
     */
    private Reaction settle(Asked asked, Consultation consultation) {
        ConversationRecord conversation = conversations.conversation(asked.conversationId()).orElseThrow();
        if (conversation.isQuiet() || handoffs.openFor(conversation.id()).isPresent()) {
            return new Reaction.Silence("a person took over while Baton was asking the language model");
        }
        Reading reading = Reading.of(conversations.transcript(conversation.id()));
        if (reading.conversation() == null
                || reading.conversation().size() != asked.reading().conversation().size()) {
            return new Reaction.Silence("the conversation moved on while Baton was asking the language model");
        }
        return act(conversation, asked.messageRow(), reading, asked.rules(), asked.assessment(),
                consultation.decision(), asked.micros(), consultation.note(), consultation.words());
    }

    /**
     * Records the decision and carries it out.
     *
     * @param decision the engine's, or the model's second opinion on it
     * @param note     what the language model added (for the decision row), or null
     * @param text     the answer in the model's checked words, or null for the entry's own
     */
    private Reaction act(ConversationRecord conversation, long messageRow, Reading reading, RulesInForce rules,
                         TriageEngine.Assessment assessment, Decision decision, long micros, Map<String, Object> note,
                         String text) {
        Match nearest = assessment.nearest();
        DecisionLog.record(conversations.database(), conversation.id(), messageRow, decision, nearest,
                assessment.smallTalk(), micros, clock.instant(), note);
        metrics.decided(decision, Duration.ofNanos(micros * 1_000));
        if (decision instanceof Decision.Answer answer) {
            KnowledgeEntry entry = rules.knowledge().find(answer.entry()).orElseThrow();
            String words = text == null ? entry.answer() : text;
            return new Reaction.Answer(conversation, entry, outbox.pending(conversation, words, entry.id()), words);
        }
        if (decision instanceof Decision.SmallTalk) {
            String words = rules.wording().smallTalk();
            return new Reaction.Reply(conversation, outbox.pending(conversation, words, null), words);
        }
        return handOffs.handOffOnce(conversation, (Decision.Handoff) decision, reading, rules, nearest);
    }
}
