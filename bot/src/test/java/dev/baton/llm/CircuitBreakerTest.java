package dev.baton.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.desk.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(60), clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.allows());
            breaker.failed();
        }
    }

    @Test
    void failuresBelowTheLimitKeepItClosedAndASuccessResetsTheCount() {
        fail(2);
        breaker.succeeded();
        fail(2);

        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.allows());
    }

    @Test
    void theLimitOfConsecutiveFailuresOpensItForTheWholeOpenTime() {
        fail(3);

        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.allows());
        clock.advance(Duration.ofSeconds(59));
        assertFalse(breaker.allows());
    }

    @Test
    void afterTheOpenTimeExactlyOneTrialIsLetThrough() {
        fail(3);
        clock.advance(Duration.ofSeconds(60));

        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(breaker.allows());
        assertFalse(breaker.allows(), "a second request waits for the trial's outcome");
    }

    @Test
    void aSuccessfulTrialClosesIt() {
        fail(3);
        clock.advance(Duration.ofSeconds(60));
        assertTrue(breaker.allows());

        breaker.succeeded();

        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.allows());
        assertTrue(breaker.allows());
    }

    @Test
    void aFailedTrialOpensItForAnotherOpenTime() {
        fail(3);
        clock.advance(Duration.ofSeconds(60));
        assertTrue(breaker.allows());

        breaker.failed();

        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        clock.advance(Duration.ofSeconds(59));
        assertFalse(breaker.allows());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(breaker.allows());
    }

    @Test
    void aListenerIsToldOfEachChangeOfStateOnce() {
        java.util.List<String> changes = new java.util.ArrayList<>();
        CircuitBreaker told = new CircuitBreaker(2, Duration.ofSeconds(60), clock,
                (from, to) -> changes.add(from + "->" + to));
        for (int i = 0; i < 3; i++) {
            told.failed(); // the third, while open, changes nothing
        }
        clock.advance(Duration.ofSeconds(60));
        assertTrue(told.allows());
        told.failed();
        clock.advance(Duration.ofSeconds(60));
        assertTrue(told.allows());
        told.succeeded();
        told.succeeded();

        assertEquals(java.util.List.of("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN", "OPEN->HALF_OPEN",
                "HALF_OPEN->CLOSED"), changes);
    }
}
