package dev.baton.desk;

import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.Summary;
import dev.baton.llm.Assistant;
import dev.baton.llm.Attempt;
import dev.baton.llm.Use;
import dev.baton.triage.Cue;
import dev.baton.triage.Message;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The person is told at once with Baton's own summary; the model's three lines, if it gives any the
 * transcript supports, replace it a moment later (the console shows the change and keeps the old line
 * in the timeline). Nobody waits for it.
 */
final class SummaryRefiner {

    private static final Logger LOG = LoggerFactory.getLogger(SummaryRefiner.class);

    private final HandoffStore handoffs;
    private final Assistant assistant;
    private final Clock clock;

    SummaryRefiner(HandoffStore handoffs, Assistant assistant, Clock clock) {
        this.handoffs = handoffs;
        this.assistant = assistant;
        this.clock = clock;
    }

    void refineLater(long handoffId, List<Message> transcript, List<Cue> cues, Summary offline) {
        if (!assistant.uses(Use.SUMMARY) || transcript.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.runAsync(() -> refine(handoffId, transcript, cues, offline), assistant.background())
                    .exceptionally(e -> {
                        LOG.warn("could not refine the summary of handoff {}; it keeps Baton's", handoffId, e);
                        return null;
                    });
        } catch (RejectedExecutionException e) {
            LOG.debug("handoff {} keeps Baton's summary: the model's queue refused the work", handoffId);
        }
    }

    private void refine(long handoffId, List<Message> transcript, List<Cue> cues, Summary offline) {
        Attempt<Assistant.Refined> refined = assistant.summarize(transcript, cues, offline);
        if (refined instanceof Attempt.Got<Assistant.Refined> got) {
            String detail = "by the language model (kept " + String.join(", ", got.value().kept())
                    + (got.value().dropped().isEmpty() ? "" : "; dropped " + String.join("; ", got.value().dropped()))
                    + "); Baton's summary was: " + offline.line();
            handoffs.refineSummary(handoffId, got.value().summary().line(), detail, clock.instant());
        } else if (refined instanceof Attempt.Failed<Assistant.Refined> failed) {
            LOG.debug("handoff {} keeps Baton's summary: {} ({})", handoffId, failed.failure().wireName(),
                    failed.detail());
        }
    }
}
