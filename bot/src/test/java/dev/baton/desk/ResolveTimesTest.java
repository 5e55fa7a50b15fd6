package dev.baton.desk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.Outcome;
import dev.baton.health.History;
import dev.baton.metrics.BatonMetrics;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("database")
class ResolveTimesTest {

    private final History history = new History();
    private final BatonMetrics metrics = BatonMetrics.standalone();
    private final ResolveTimes times = new ResolveTimes(history.conversations, history.handoffs, metrics);

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void theFirstResolveObservesTheTimeToTheFirstReplyAndToResolve() {
        HandoffRecord handoff = history.handoff().create();
        history.after(Duration.ofMinutes(4)).staffReply(handoff.conversationId(), "alex");
        history.after(Duration.ofMinutes(6));

        times.resolved(history.lifecycle.resolve(handoff.id(), "alex", Outcome.SOLVED, null), "alex");

        String scraped = metrics.scrape();
        assertTrue(scraped.contains("baton_handoff_first_reply_seconds_sum 240.0"), scraped);
        assertTrue(scraped.contains("baton_handoff_resolve_seconds_sum 600.0"), scraped);
    }

    @Test
    void aSecondResolveAfterAReopenIsNotObservedAgain() {
        HandoffRecord handoff = history.handoff().create();
        history.after(Duration.ofMinutes(10));
        times.resolved(history.lifecycle.resolve(handoff.id(), "alex", Outcome.SOLVED, null), "alex");
        history.lifecycle.reopen(handoff.id(), "alex", "not sorted after all");
        history.after(Duration.ofMinutes(10));

        times.resolved(history.lifecycle.resolve(handoff.id(), "alex", Outcome.SOLVED, null), "alex");

        String scraped = metrics.scrape();
        assertTrue(scraped.contains("baton_handoff_resolve_seconds_sum 600.0"), scraped);
    }

    @Test
    void practiceIsNeverObserved() {
        HandoffRecord handoff = history.handoff().practice().create();
        history.after(Duration.ofMinutes(10));

        times.resolved(history.lifecycle.resolve(handoff.id(), "alex", Outcome.SOLVED, null), "alex");

        assertFalse(metrics.scrape().contains("baton_handoff_resolve_seconds_count"));
    }
}
