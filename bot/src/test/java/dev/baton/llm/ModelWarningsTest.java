package dev.baton.llm;

import static dev.baton.llm.FakeModelServer.completion;
import static dev.baton.llm.FakeModelServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.desk.TestClock;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.metrics.BatonMetrics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the operator is told (at WARN in a running Baton) when the model fails: the first failure of a run,
 * each change of the circuit breaker, at most once per {@link ModelAlarms#QUIET} for each kind on the
 * injected clock, and never the key or more of the endpoint than its host. Collected here through the
 * {@link ModelWarnings} sink, so the test does not depend on the logging backend.
 */
class ModelWarningsTest {

    private static final KnowledgeEntry REFUNDS = new KnowledgeEntry("refunds", "billing",
            List.of("Can I get a refund?"), "You can ask for a refund within 30 days of paying.",
            "https://example.org/help/refunds");
    private static final ModelTuning TUNING = ModelTuning.DEFAULTS.withTimeout(Duration.ofSeconds(3))
            .withBreaker(3, Duration.ofSeconds(60));

    private final FakeModelServer server = new FakeModelServer();
    private final TestClock clock = new TestClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final List<String> warnings = new ArrayList<>();
    private LanguageModelAssistant assistant;

    @AfterEach
    void stop() {
        if (assistant != null) {
            assistant.close();
        }
        server.close();
    }

    private LanguageModelAssistant assistant(ModelSettings settings) {
        return LanguageModelAssistant.of(settings, BatonMetrics.standalone(), clock, warnings::add);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnreachableModelIsReportedAtItsFirstFailureWithTheHostOnly() throws IOException {
        int port = closedPort();
        assistant = assistant(new ModelSettings(URI.create("http://ops:hunter2@127.0.0.1:" + port + "/v1/secret-path"),
                "test-model", Optional.of("sk-test-secret"), TUNING));

        assistant.phrase(REFUNDS, "refund?");

        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.get(0);
        assertTrue(warning.contains("127.0.0.1:" + port), warning);
        assertTrue(warning.contains("unreachable"), warning);
        for (String secret : List.of("sk-test-secret", "hunter2", "ops", "secret-path")) {
            assertFalse(warning.contains(secret), secret + " in " + warning);
        }
    }

    @Test
    void laterFailuresOfTheSameRunAreNotReportedAgainButTheBreakerOpeningIs() {
        assistant = assistant(server.settings(TUNING));
        server.replies(status(401)); // not retried: one failure per request

        assistant.phrase(REFUNDS, "refund?");
        assistant.phrase(REFUNDS, "refund?");
        assertEquals(1, warnings.size(), warnings.toString());
        assistant.phrase(REFUNDS, "refund?");

        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("not_authorised"), warnings.get(0));
        assertTrue(warnings.get(1).contains("breaker open"), warnings.get(1));
        assertTrue(warnings.get(1).contains("60 s"), warnings.get(1));
        assertFalse(String.join("\n", warnings).contains("sk-test-secret"));
    }

    @Test
    void eachChangeOfTheBreakerIsReported() {
        assistant = assistant(server.settings(TUNING));
        server.replies(status(401));
        for (int i = 0; i < 3; i++) {
            assistant.phrase(REFUNDS, "refund?");
        }
        server.replies(completion("You can ask for a refund within 30 days of paying."));
        clock.advance(Duration.ofSeconds(60));

        assertInstanceOf(Attempt.Got.class, assistant.phrase(REFUNDS, "refund?"));

        assertEquals(4, warnings.size(), warnings.toString());
        assertTrue(warnings.get(2).contains("half-open"), warnings.get(2));
        assertTrue(warnings.get(3).contains("closed"), warnings.get(3));
        assertTrue(warnings.get(3).contains("answered again"), warnings.get(3));
    }

    @Test
    void warningsOfOneKindAreRateLimitedOnTheClockAndSaySoWhenTheyResume() {
        assistant = assistant(server.settings(TUNING.withBreaker(100, Duration.ofSeconds(60))));
        server.repliesInTurn(status(401), completion("You can ask for a refund within 30 days of paying."));
        assistant.phrase(REFUNDS, "refund?"); // fails: reported
        assistant.phrase(REFUNDS, "refund?"); // succeeds: the run of failures ends
        server.replies(status(401));
        clock.advance(ModelAlarms.QUIET.minusSeconds(1));

        assistant.phrase(REFUNDS, "refund?"); // a new run, but too soon after the last warning
        assertEquals(1, warnings.size(), warnings.toString());

        server.repliesInTurn(completion("You can ask for a refund within 30 days of paying."), status(401));
        assistant.phrase(REFUNDS, "refund?");
        clock.advance(Duration.ofSeconds(1));
        assistant.phrase(REFUNDS, "refund?"); // a third run, once the quiet time has passed: reported

        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(1).contains("1 more"), warnings.get(1));
    }

    @Test
    void aHealthyModelIsNeverReported() {
        assistant = assistant(server.settings(TUNING));
        server.replies(completion("You can ask for a refund within 30 days of paying."));

        for (int i = 0; i < 3; i++) {
            assertInstanceOf(Attempt.Got.class, assistant.phrase(REFUNDS, "refund?"));
        }

        assertEquals(List.of(), warnings);
    }
}
