package dev.baton.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.api.SessionStore;
import dev.baton.console.api.SetupLinkStore;
import dev.baton.store.Database;
import dev.baton.store.TestDatabases;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Console sessions and setup links in the database, on this run's backend. */
@Tag("database")
class StoredSessionsTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private final Database database = TestDatabases.fresh();
    private final StoredSessions sessions = new StoredSessions(database);
    private final StoredSetupLinks links = new StoredSetupLinks(database);

    @AfterEach
    void close() {
        database.close();
    }

    private static SessionStore.Stored session(String digest, String user, Instant at) {
        return new SessionStore.Stored(digest, user, "csrf-" + digest, at, at);
    }

    @Test
    void aSessionIsFoundByItsDigestWithItsTokenAndTimes() {
        sessions.put(session("d1", "alice", T0));

        assertEquals(session("d1", "alice", T0), sessions.find("d1").orElseThrow());
        assertTrue(sessions.find("d2").isEmpty());
        assertEquals(1, sessions.size());
    }

    @Test
    void useMovesLastUseForwardButNeverBack() {
        sessions.put(session("d1", "alice", T0));

        sessions.touch("d1", T0.plusSeconds(120));
        sessions.touch("d1", T0.plusSeconds(60)); // another instance's older write arrives late

        assertEquals(T0.plusSeconds(120), sessions.find("d1").orElseThrow().lastUsed());
    }

    @Test
    void endingAUsersSessionsKeepsTheNamedOneAndOtherUsers() {
        sessions.put(session("keep", "alice", T0));
        sessions.put(session("other", "alice", T0));
        sessions.put(session("bob", "bob", T0));

        sessions.removeUser("alice", "keep");

        assertTrue(sessions.find("keep").isPresent());
        assertTrue(sessions.find("other").isEmpty());
        assertTrue(sessions.find("bob").isPresent());
        sessions.removeUser("alice", null);
        assertTrue(sessions.find("keep").isEmpty());
    }

    @Test
    void expiredSessionsAreRemovedByIdleTimeOrByAge() {
        sessions.put(session("idle", "alice", T0));
        sessions.put(new SessionStore.Stored("old", "bob", "c", T0.minusSeconds(3600), T0.plusSeconds(500)));
        sessions.put(session("fresh", "carol", T0.plusSeconds(500)));

        sessions.removeExpired(T0.plusSeconds(100), T0.minusSeconds(10));

        assertEquals(List.of(false, false, true), List.of(sessions.find("idle").isPresent(),
                sessions.find("old").isPresent(), sessions.find("fresh").isPresent()));
        sessions.remove("fresh");
        assertEquals(0, sessions.size());
    }

    @Test
    void aNewSetupLinkForAPersonReplacesTheirOldOneAndIsTakenOnlyOnce() {
        links.replaceFor(new SetupLinkStore.Stored("l1", "sam", T0));
        links.replaceFor(new SetupLinkStore.Stored("l2", "sam", T0.plusSeconds(1)));
        links.replaceFor(new SetupLinkStore.Stored("m1", "mei", T0));

        assertTrue(links.find("l1").isEmpty());
        assertEquals("sam", links.find("l2").orElseThrow().username());
        assertEquals(2, links.all().size());
        assertTrue(links.take("l2"));
        assertFalse(links.take("l2"));
        links.removeFor("mei");
        assertTrue(links.all().isEmpty());
    }
}
