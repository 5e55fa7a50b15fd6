package dev.baton.leader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The leader's decisions over a lock the test holds in its hand. */
class JobsLeaderTest {

    /** A lock free or taken by someone else, whose holder's connection the test can break. */
    private static final class HandLock implements LockHolder {
        boolean free = true;
        boolean held;
        boolean connectionAlive = true;
        int releases;

        @Override
        public boolean tryTake() {
            if (free) {
                free = false;
                held = true;
                connectionAlive = true;
                return true;
            }
            return false;
        }

        @Override
        public boolean stillHeld() {
            return held && connectionAlive;
        }

        @Override
        public void release() {
            releases++;
            if (held) {
                held = false;
                free = true;
            }
        }
    }

    @Test
    void anInstanceThatTakesTheFreeLockRunsTheJobs() {
        HandLock lock = new HandLock();
        JobsLeader leader = new JobsLeader(lock, "a");

        leader.attempt();

        assertTrue(leader.leads());
    }

    @Test
    void anInstanceThatFindsTheLockTakenDoesNotRunThemAndTriesAgainLater() {
        HandLock lock = new HandLock();
        lock.free = false;
        JobsLeader leader = new JobsLeader(lock, "a");

        leader.attempt();
        assertFalse(leader.leads());

        lock.free = true; // the holder died and the database let the lock go
        leader.attempt();
        assertTrue(leader.leads());
    }

    @Test
    void aLeaderWhoseConnectionBrokeStopsAtItsNextJobWithoutWaitingForTheNextAttempt() {
        HandLock lock = new HandLock();
        JobsLeader leader = new JobsLeader(lock, "a");
        leader.attempt();

        lock.connectionAlive = false;

        assertFalse(leader.leads());
        assertEquals(1, lock.releases, "the broken connection is let go, so the next attempt starts afresh");
    }

    @Test
    void aLeaderThatLostItsHoldLetsTheOthersTryFirstBeforeTryingAgain() {
        HandLock lock = new HandLock();
        JobsLeader leader = new JobsLeader(lock, "a");
        leader.attempt();
        lock.connectionAlive = false;
        assertFalse(leader.leads());

        for (int i = 0; i < JobsLeader.COOL_DOWN; i++) {
            leader.attempt();
            assertFalse(leader.leads(), "took the lock back at attempt " + (i + 1));
        }
        leader.attempt();
        assertTrue(leader.leads(), "nobody else took it, so it runs the jobs again");
    }

    @Test
    void closingLetsTheLockGoForAnotherInstance() {
        HandLock lock = new HandLock();
        JobsLeader leader = new JobsLeader(lock, "a");
        leader.attempt();

        leader.close();

        assertFalse(leader.leads());
        assertTrue(lock.free);
    }
}
