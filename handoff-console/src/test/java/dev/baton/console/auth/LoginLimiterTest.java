package dev.baton.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final LoginLimiter limiter = new LoginLimiter(clock, 5, 20, Duration.ofMinutes(15), Duration.ofSeconds(30));

    @Test
    void fourFailuresStillAllowAnotherTry() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("alice", "10.0.0.1");
        }
        assertEquals(Optional.empty(), limiter.retryAfter("alice", "10.0.0.1"));
    }

    @Test
    void theFifthFailureStopsThatAddressForThatUserName() {
        for (int i = 0; i < 5; i++) {
            limiter.failed("alice", "10.0.0.1");
        }
        assertTrue(limiter.retryAfter("alice", "10.0.0.1").isPresent());
        assertTrue(limiter.retryAfter("ALICE", "10.0.0.1").isPresent(), "user names are counted case-blind");
        assertEquals(Optional.empty(), limiter.retryAfter("bob", "10.0.0.1"));
    }

    @Test
    void failuresFromManyAddressesNeverStopACleanAddress() {
        for (int i = 0; i < 50; i++) {
            limiter.failed("alice", "10.0.0." + i);
        }
        assertEquals(Optional.empty(), limiter.retryAfter("alice", "192.168.1.1"));
    }

    @Test
    void aUserUnderAttackIsSlowedDownFromAddressesThatFailed() {
        for (int i = 0; i < 5; i++) {
            limiter.failed("alice", "10.0.0." + i);
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), limiter.retryAfter("alice", "10.0.0.1"));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), limiter.retryAfter("alice", "10.0.0.1"));
    }

    @Test
    void twentyFailuresFromOneAddressStopThatAddressForEveryUserName() {
        for (int i = 0; i < 20; i++) {
            limiter.failed("guess" + i, "10.0.0.9");
        }
        assertTrue(limiter.retryAfter("alice", "10.0.0.9").isPresent());
        assertEquals(Optional.empty(), limiter.retryAfter("alice", "10.0.0.10"));
    }

    @Test
    void theLockLiftsWhenTheOldestFailureLeavesTheWindow() {
        limiter.failed("alice", "a");
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 4; i++) {
            limiter.failed("alice", "a");
        }
        assertEquals(Optional.of(Duration.ofMinutes(10)), limiter.retryAfter("alice", "a"));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Optional.empty(), limiter.retryAfter("alice", "a"));
    }

    @Test
    void aSuccessfulLoginForgetsThatAddresssFailuresForTheUser() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("alice", "a");
        }
        limiter.succeeded("alice", "a");
        limiter.failed("alice", "a");
        assertEquals(Optional.empty(), limiter.retryAfter("bob", "a"));
        clock.advance(Duration.ofSeconds(31));
        assertEquals(Optional.empty(), limiter.retryAfter("alice", "a"));
    }
}
