package dev.baton.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SetupTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SetupTokens tokens = new SetupTokens(clock, Duration.ofHours(24));

    @Test
    void aTokenWorksOnceAndNotTwice() {
        String token = tokens.issue("bob");
        assertEquals("bob", tokens.redeem(token).orElseThrow().username());
        assertTrue(tokens.redeem(token).isEmpty());
    }

    @Test
    void aTokenExpiresAfterADay() {
        String token = tokens.issue("bob");
        clock.advance(Duration.ofHours(23));
        assertTrue(tokens.peek(token).isPresent());
        clock.advance(Duration.ofHours(1));
        assertTrue(tokens.redeem(token).isEmpty());
        assertTrue(tokens.pending().isEmpty());
    }

    @Test
    void aNewerTokenForTheSamePersonReplacesTheOlder() {
        String first = tokens.issue("bob");
        String second = tokens.issue("bob");
        assertTrue(tokens.peek(first).isEmpty());
        assertEquals("bob", tokens.peek(second).orElseThrow().username());
        assertEquals(1, tokens.pending().size());
    }

    @Test
    void withdrawingEndsTheToken() {
        String token = tokens.issue("bob");
        tokens.withdraw("bob");
        assertTrue(tokens.peek(token).isEmpty());
    }

    @Test
    void madeUpTokensGrantNothing() {
        assertTrue(tokens.peek(null).isEmpty());
        assertTrue(tokens.peek("").isEmpty());
        assertTrue(tokens.redeem("nope").isEmpty());
    }
}
