package dev.baton.llm;

import dev.baton.handoff.Summary;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.metrics.BatonMetrics;
import dev.baton.triage.Cue;
import dev.baton.triage.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Assistant} over a configured model: every request through the {@link ModelGuard}, every reply
 * through Baton's own checks ({@link Opinion}, {@link Grounding}, {@link Support}, {@link Leaks}), a summary
 * line or a phrasing after its markup is dropped ({@link Markup}).
 */
public final class LanguageModelAssistant implements Assistant, AutoCloseable {

    private final ModelSettings settings;
    private final ModelServices services;
    private final BatonMetrics metrics;
    private final ModelGuard guard;
    private final ExecutorService requests;
    private final ExecutorService background;

    /** Over an OpenAI-compatible endpoint. */
    public static LanguageModelAssistant of(ModelSettings settings, BatonMetrics metrics, Clock clock) {
        return of(settings, metrics, clock, ModelWarnings.log());
    }

    /** Over an OpenAI-compatible endpoint, telling {@code warnings} when the model fails (see {@link ModelWarnings}). */
    public static LanguageModelAssistant of(ModelSettings settings, BatonMetrics metrics, Clock clock,
                                            ModelWarnings warnings) {
        return new LanguageModelAssistant(settings, new OpenAiServices(settings), metrics, clock, warnings);
    }

    public LanguageModelAssistant(ModelSettings settings, ModelServices services, BatonMetrics metrics, Clock clock) {
        this(settings, services, metrics, clock, ModelWarnings.log());
    }

    public LanguageModelAssistant(ModelSettings settings, ModelServices services, BatonMetrics metrics, Clock clock,
                                  ModelWarnings warnings) {
        this.settings = settings;
        this.services = services;
        this.metrics = metrics;
        ModelTuning tuning = settings.tuning();
        this.requests = Executors.newCachedThreadPool(daemons("baton-model-request"));
        // Not a fixed pool: queued work would wait for a thread before its time limit even starts. Every task
        // reaches the guard at once, and beyond `concurrent` requests the guard says busy and Baton decides offline.
        this.background = Executors.newCachedThreadPool(daemons("baton-model-wait"));
        ModelAlarms alarms = new ModelAlarms(settings.baseUrl(), tuning, warnings, clock);
        this.guard = new ModelGuard(tuning,
                new CircuitBreaker(tuning.breakerFailures(), tuning.breakerOpenFor(), clock, alarms::changed),
                requests, metrics, alarms);
    }

    @Override
    public boolean uses(Use use) {
        return settings.tuning().uses(use);
    }

    @Override
    public double band() {
        return settings.tuning().band();
    }

    public CircuitBreaker.State breaker() {
        return guard.breaker();
    }

    /** The time limit, for all the requests of one customer reply together. */
    @Override
    public Deadline reply() {
        return Deadline.after(settings.tuning().timeout());
    }

    @Override
    public Attempt<Opinion.Applied> secondOpinion(Band.Question question, Deadline deadline) {
        if (!uses(Use.SECOND_OPINION)) {
            return Attempt.off();
        }
        String data = Prompts.judgeData(question.conversation().messages(), question.nearest().entry(),
                question.unsureCues());
        return counted(Use.SECOND_OPINION, guard.call(Use.SECOND_OPINION, deadline, () -> services.judge(data)).then(verdict -> {
            Opinion.Applied applied = Opinion.apply(question, verdict);
            return applied.outcome().equals("implausible") ? rejected(applied.detail())
                    : new Attempt.Got<>(applied, 1, Duration.ZERO);
        }));
    }

    @Override
    public Attempt<String> phrase(KnowledgeEntry entry, String question, Deadline deadline) {
        if (!uses(Use.PHRASING)) {
            return Attempt.off();
        }
        String data = Prompts.phraseData(question, entry);
        return counted(Use.PHRASING, guard.call(Use.PHRASING, deadline, () -> services.phrase(data)).then(text -> {
            String phrased = Markup.drop(text).strip();
            if (phrased.isEmpty()) {
                return rejected("nothing was left once its markup was dropped");
            }
            if (Leaks.reveals(phrased, Prompts.ALL)) {
                return rejected("it repeats Baton's instructions");
            }
            List<String> problems = Grounding.problems(phrased, entry);
            return problems.isEmpty() ? new Attempt.Got<>(phrased, 1, Duration.ZERO)
                    : rejected(String.join("; ", problems));
        }));
    }

    @Override
    public Attempt<Refined> summarize(List<Message> transcript, List<Cue> cues, Summary offline) {
        if (!uses(Use.SUMMARY) || transcript.isEmpty()) {
            return Attempt.off();
        }
        String data = Prompts.briefData(transcript);
        return counted(Use.SUMMARY, guard.call(Use.SUMMARY, () -> services.brief(data)).then(brief -> {
            List<String> kept = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            String wants = part("wants", brief.wants(), Support.Slot.WANTS, offline.wants(), transcript, cues, kept, dropped);
            String tried = part("tried", brief.tried(), Support.Slot.TRIED, offline.tried(), transcript, cues, kept, dropped);
            String feels = part("feels", brief.feels(), Support.Slot.FEELS, offline.feels(), transcript, cues, kept, dropped);
            if (kept.isEmpty()) {
                return rejected("no line was supported by the transcript: " + String.join("; ", dropped));
            }
            return new Attempt.Got<>(new Refined(new Summary(wants, tried, feels), kept, dropped), 1,
                    Duration.ZERO);
        }));
    }

    /** The model's line if the transcript supports it (and it repeats no instruction), else the offline one. */
    private static String part(String name, String line, Support.Slot slot, String offline, List<Message> transcript,
                               List<Cue> cues, List<String> kept, List<String> dropped) {
        String text = line == null ? "" : Markup.drop(line).strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return offline;
        }
        Optional<String> unsupported = Leaks.reveals(text, Prompts.ALL) ? Optional.of("it repeats Baton's instructions")
                : Support.unsupported(text, slot, transcript, cues);
        if (unsupported.isPresent()) {
            dropped.add(name + ": " + unsupported.get());
            return offline;
        }
        kept.add(name);
        return text;
    }

    private <T> Attempt<T> counted(Use use, Attempt<T> attempt) {
        if (attempt instanceof Attempt.Failed<T> failed && failed.failure() == Failure.REJECTED) {
            metrics.modelRejected(use.wireName());
        }
        return attempt;
    }

    private static <T> Attempt<T> rejected(String why) {
        return new Attempt.Failed<>(Failure.REJECTED, why, 1, Duration.ZERO);
    }

    @Override
    public Executor background() {
        return background;
    }

    @Override
    public String describe() {
        return "language model " + settings.model() + " at " + ModelSettings.shown(settings.baseUrl()) + " ("
                + (settings.apiKey().isPresent() ? "API key set" : "no API key") + "), used for "
                + (settings.tuning().uses().isEmpty() ? "nothing" : String.join(", ", settings.tuning().uses().stream()
                .sorted().map(Use::wireName).toList())) + "; each request at most "
                + settings.tuning().timeout().toMillis() + " ms";
    }

    @Override
    public void close() {
        background.shutdownNow();
        requests.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
