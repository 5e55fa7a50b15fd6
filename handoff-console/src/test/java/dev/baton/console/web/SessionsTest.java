package dev.baton.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final Sessions sessions = new Sessions(clock, Duration.ofHours(12));

    @Test
    void aSessionHasLongRandomIdAndItsOwnCsrfToken() {
        Sessions.Session a = sessions.create("alice");
        Sessions.Session b = sessions.create("alice");
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), a.id());
        assertTrue(a.id().length() >= 22, "at least 128 bits, base64");
        assertEquals("alice", sessions.find(a.id()).orElseThrow().username());
    }

    @Test
    void aSessionExpiresAfterTwelveIdleHours() {
        Sessions.Session session = sessions.create("alice");
        clock.advance(Duration.ofHours(11));
        assertTrue(sessions.find(session.id()).isPresent());
        clock.advance(Duration.ofHours(11));
        assertTrue(sessions.find(session.id()).isPresent(), "use resets the idle time");
        clock.advance(Duration.ofHours(12));
        assertTrue(sessions.find(session.id()).isEmpty());
        assertFalse(sessions.isLive(session.id()));
    }

    @Test
    void checkingLivenessDoesNotCountAsUse() {
        Sessions.Session session = sessions.create("alice");
        clock.advance(Duration.ofHours(11));
        assertTrue(sessions.isLive(session.id()));
        clock.advance(Duration.ofHours(2));
        assertFalse(sessions.isLive(session.id()));
    }

    @Test
    void invalidatingEndsTheSession() {
        Sessions.Session session = sessions.create("alice");
        sessions.invalidate(session.id());
        assertTrue(sessions.find(session.id()).isEmpty());
    }

    @Test
    void invalidatingAUserKeepsOnlyTheNamedSession() {
        Sessions.Session keep = sessions.create("alice");
        Sessions.Session other = sessions.create("alice");
        Sessions.Session bob = sessions.create("bob");
        sessions.invalidateUser("alice", keep.id());
        assertTrue(sessions.find(keep.id()).isPresent());
        assertTrue(sessions.find(other.id()).isEmpty());
        assertTrue(sessions.find(bob.id()).isPresent());
    }

    @Test
    void unknownOrMissingIdsFindNothing() {
        assertTrue(sessions.find(null).isEmpty());
        assertTrue(sessions.find("").isEmpty());
        assertTrue(sessions.find("made-up").isEmpty());
    }
}
