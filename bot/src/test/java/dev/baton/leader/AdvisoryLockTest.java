package dev.baton.leader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.PostgresSessions;
import dev.baton.store.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances' leaders on one PostgreSQL schema (skipped without a test server). */
class AdvisoryLockTest {

    private static final Duration QUICK = Duration.ofMillis(200);

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private record Instance(AdvisoryLock lock, JobsLeader leader) {
    }

    private Instance instance(DatabaseLocation location, String id) {
        Database database = Database.open(location);
        opened.add(database);
        AdvisoryLock lock = new AdvisoryLock(database, AdvisoryLock.JOBS);
        JobsLeader leader = JobsLeader.start(lock, id, QUICK);
        opened.add(leader);
        return new Instance(lock, leader);
    }

    @Test
    void ofTwoInstancesOnOneDatabaseExactlyOneRunsTheJobs() {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Instance a = instance(location, "a");
        Instance b = instance(location, "b");

        assertTrue(a.leader().leads());
        assertFalse(b.leader().leads());
    }

    @Test
    void whenTheLeadersConnectionIsKilledItStopsAndTheOtherTakesOver() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Instance a = instance(location, "a");
        Instance b = instance(location, "b");
        assertTrue(a.leader().leads());

        PostgresSessions.terminate(a.lock().pid().getAsInt());

        assertTrue(within(Duration.ofSeconds(2), () -> !a.leader().leads()),
                "the old leader still runs jobs on a dead connection");
        assertTrue(within(Duration.ofSeconds(5), () -> b.leader().leads()), "nobody took over");
        assertFalse(a.leader().leads(), "two leaders");
    }

    @Test
    void aLeaderThatStopsHandsTheJobsOn() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Instance a = instance(location, "a");
        Instance b = instance(location, "b");

        a.leader().close();

        assertTrue(within(Duration.ofSeconds(5), () -> b.leader().leads()));
    }

    @Test
    void aHolderCutOffByTheNetworkLosesTheLockOnceItsSessionHasBeenSilentForAWhile() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Database forA = Database.open(location);
        Database forB = Database.open(location);
        opened.add(forA);
        opened.add(forB);
        // A takes the lock, then says nothing more, as a holder behind a broken network would.
        AdvisoryLock silent = new AdvisoryLock(forA, AdvisoryLock.JOBS, 1);
        AdvisoryLock other = new AdvisoryLock(forB, AdvisoryLock.JOBS);
        opened.add(silent::release);
        opened.add(other::release);
        assertTrue(silent.tryTake());
        assertFalse(other.tryTake());

        assertTrue(within(Duration.ofSeconds(5), other::tryTake), "the silent holder kept the lock");
    }

    @Test
    void leadersOfBatonsInOtherSchemasDoNotCompete() {
        Instance a = instance(TestDatabases.freshPostgres(), "a");
        Instance elsewhere = instance(TestDatabases.freshPostgres(), "b");

        assertTrue(a.leader().leads());
        assertTrue(elsewhere.leader().leads());
    }

    static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
