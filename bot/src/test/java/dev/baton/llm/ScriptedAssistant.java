package dev.baton.llm;

import dev.baton.handoff.Summary;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.triage.Cue;
import dev.baton.triage.Message;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * An {@link Assistant} whose answers a test scripts, and whose background work waits until the test runs
 * it ({@link #runPending()}), so a test can change the conversation while Baton is "asking the model".
 */
public final class ScriptedAssistant implements Assistant {

    private final Set<Use> uses;
    private final double band;
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final List<Band.Question> questions = new ArrayList<>();
    private Function<Band.Question, Attempt<Opinion.Applied>> secondOpinion = q -> failed(Failure.TIMEOUT);
    private Attempt<String> phrasing = failed(Failure.TIMEOUT);
    private Attempt<Refined> summary = failed(Failure.TIMEOUT);

    public ScriptedAssistant(Set<Use> uses, double band) {
        this.uses = uses.isEmpty() ? Set.of() : EnumSet.copyOf(uses);
        this.band = band;
    }

    /** Gives this verdict to every second opinion, applied with Baton's real checks. */
    public ScriptedAssistant judging(Verdict verdict) {
        return judging(question -> verdict);
    }

    /** Gives each question its own verdict, applied with Baton's real checks. */
    public ScriptedAssistant judging(Function<Band.Question, Verdict> verdicts) {
        this.secondOpinion = question -> {
            Opinion.Applied applied = Opinion.apply(question, verdicts.apply(question));
            return applied.outcome().equals("implausible") ? failed(Failure.REJECTED)
                    : new Attempt.Got<>(applied, 1, Duration.ofMillis(120));
        };
        return this;
    }

    public ScriptedAssistant failingWith(Failure failure) {
        this.secondOpinion = question -> failed(failure);
        this.phrasing = failed(failure);
        this.summary = failed(failure);
        return this;
    }

    public ScriptedAssistant phrasing(String text) {
        this.phrasing = new Attempt.Got<>(text, 1, Duration.ofMillis(80));
        return this;
    }

    public ScriptedAssistant summarising(Refined refined) {
        this.summary = new Attempt.Got<>(refined, 1, Duration.ofMillis(90));
        return this;
    }

    /** Runs every piece of background work queued so far (and any it queues), in order. */
    public void runPending() {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Every question a second opinion was asked about. */
    public List<Band.Question> questions() {
        return List.copyOf(questions);
    }

    @Override
    public boolean uses(Use use) {
        return uses.contains(use);
    }

    @Override
    public double band() {
        return band;
    }

    @Override
    public Deadline reply() {
        return Deadline.after(Duration.ofSeconds(4));
    }

    @Override
    public Attempt<Opinion.Applied> secondOpinion(Band.Question question, Deadline deadline) {
        questions.add(question);
        return secondOpinion.apply(question);
    }

    @Override
    public Attempt<String> phrase(KnowledgeEntry entry, String question, Deadline deadline) {
        return phrasing;
    }

    @Override
    public Attempt<Refined> summarize(List<Message> transcript, List<Cue> cues, Summary offline) {
        return summary;
    }

    @Override
    public Executor background() {
        return pending::add;
    }

    @Override
    public String describe() {
        return "scripted language model";
    }

    private static <T> Attempt<T> failed(Failure failure) {
        return new Attempt.Failed<>(failure, "scripted " + failure.wireName(), 1, Duration.ofMillis(300));
    }
}
