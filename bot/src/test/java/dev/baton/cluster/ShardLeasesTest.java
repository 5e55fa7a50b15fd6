package dev.baton.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.desk.TestClock;
import dev.baton.store.Database;
import dev.baton.store.TestDatabases;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two instances' lease loops over one database, on a clock the test moves (SQLite in memory and PostgreSQL). */
class ShardLeasesTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    private Database database(boolean postgres) {
        Database db = postgres ? Database.open(TestDatabases.freshPostgres()) : Database.inMemory();
        opened.add(db);
        return db;
    }

    /** What the holder was told, in order: "+0@1" gained shard 0 with token 1, "-0" lost shard 0. */
    private static final class Told implements ShardLeases.Holder {
        final List<String> events = new ArrayList<>();

        @Override
        public void gained(int shard, long token) {
            events.add("+" + shard + "@" + token);
        }

        @Override
        public void lost(int shard, String why) {
            events.add("-" + shard);
        }
    }

    private ShardLeases leases(Database db, String range, String me, Told told) {
        ShardLeases leases = new ShardLeases(new LeaseStore(db), ShardRange.parse(range), me, LeaseTerms.DEFAULT, clock);
        leases.start(told, java.util.concurrent.Executors.newScheduledThreadPool(2));
        return leases;
    }

    @ParameterizedTest(name = "postgres={0}")
    @ValueSource(booleans = {false, true})
    void whenTheHolderStopsRenewingTheStandbyTakesTheShardWithTheNextTokenAfterTheHolderLetGo(boolean postgres) {
        Database db = database(postgres);
        Told toldA = new Told();
        Told toldB = new Told();
        ShardLeases a = leases(db, "0/1", "a", toldA);
        ShardLeases b = leases(db, "0/1", "b", toldB);
        assertEquals(List.of("+0@1"), toldA.events);
        assertEquals(Set.of(), b.held(), "b stands by while a holds the shard");

        for (int second = 1; second <= 20; second++) { // a renews, b keeps looking: nothing moves
            clock.advance(Duration.ofSeconds(1));
            a.tick();
            b.tick();
        }
        assertEquals(List.of("+0@1"), toldA.events);
        assertEquals(List.of(), toldB.events);

        // a is killed: only b ticks now.
        int tookAfter = -1;
        for (int second = 1; second <= 15 && tookAfter < 0; second++) {
            clock.advance(Duration.ofSeconds(1));
            b.tick();
            if (!b.held().isEmpty()) {
                tookAfter = second;
            }
        }
        assertTrue(tookAfter > 0 && tookAfter <= 11, "taken " + tookAfter + " s after a was killed");
        assertEquals(List.of("+0@2"), toldB.events, "the takeover carries the next fencing token");
        assertEquals("b", new LeaseStore(db).rows(1).get(0).holder());

        // a comes back: its renewal names a token the row no longer carries, so it stays standing by.
        clock.advance(Duration.ofSeconds(1));
        a.tick();
        assertEquals(Set.of(), a.held());
        assertEquals(Set.of(0), b.held());
        b.close();
        a.close();
    }

    @ParameterizedTest(name = "postgres={0}")
    @ValueSource(booleans = {false, true})
    void twoInstancesWithOneShardEachHoldTheirOwnAndAStoppedOneReleasesAtOnce(boolean postgres) {
        Database db = database(postgres);
        Told toldA = new Told();
        Told toldB = new Told();
        Told toldC = new Told();
        ShardLeases a = leases(db, "0/2", "a", toldA);
        ShardLeases b = leases(db, "1/2", "b", toldB);
        ShardLeases standby = leases(db, "0-1/2", "c", toldC);
        assertEquals(Set.of(0), a.held());
        assertEquals(Set.of(1), b.held());
        assertEquals(Set.of(), standby.held());

        a.close(); // a clean stop releases the lease: the standby need not wait for it to run out
        assertEquals(List.of("+0@1", "-0"), toldA.events);
        standby.tick();
        assertEquals(Set.of(0), standby.held());
        assertEquals(List.of("+0@2"), toldC.events);
        b.close();
        standby.close();
    }

    @Test
    void twoInstancesTakingOneFreeShardAtOnceCannotBothWin() {
        Database db = database(false);
        LeaseStore store = new LeaseStore(db);
        Lease first = new Lease(0, 1, "a", 1, clock.instant().plusSeconds(10));
        Lease second = new Lease(0, 1, "b", 1, clock.instant().plusSeconds(10));
        assertTrue(store.apply(new LeasePlan.Step.Take(0, 1, java.util.Optional.empty(), first), clock.instant()));
        assertFalse(store.apply(new LeasePlan.Step.Take(0, 1, java.util.Optional.empty(), second), clock.instant()));
        Instant later = clock.instant().plusSeconds(11);
        Lease byB = new Lease(0, 1, "b", 2, later.plusSeconds(10));
        Lease byC = new Lease(0, 1, "c", 2, later.plusSeconds(10));
        assertTrue(store.apply(new LeasePlan.Step.Take(0, 1, java.util.Optional.of(first), byB), later));
        assertFalse(store.apply(new LeasePlan.Step.Take(0, 1, java.util.Optional.of(first), byC), later),
                "the second taker names a token the row no longer has");
        assertFalse(store.apply(new LeasePlan.Step.Renew(first, later.plusSeconds(10)), later),
                "the old holder cannot renew what was taken over");
        assertEquals("b", store.rows(1).get(0).holder());
    }

    @Test
    void aHolderWhoseDatabaseHangsLetsGoOnItsClockWhileTheRenewalWaits() throws Exception {
        Database db = database(false);
        Told told = new Told();
        ShardLeases a = leases(db, "0/1", "a", told);
        java.util.concurrent.CountDownLatch hanging = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread split = new Thread(() -> db.transaction(c -> { // one connection: everyone else waits behind it
            hanging.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        split.start();
        hanging.await();
        clock.advance(Duration.ofSeconds(3));
        Thread renewal = new Thread(a::tick); // due for renewal, and stuck behind the hung connection
        renewal.start();
        clock.advance(Duration.ofSeconds(5));
        a.watch();
        assertEquals(List.of("+0@1", "-0"), told.events, "let go 2 s before the lease ends, the renewal still waiting");
        assertTrue(renewal.isAlive(), "the renewal is still waiting on the database");
        release.countDown();
        renewal.join(5_000);
        split.join(5_000);
        a.close();
    }

    @Test
    void theDatabaseGoingAwayMakesTheHolderLetGoOnItsClockAlone() throws Exception {
        Database db = database(false);
        Told told = new Told();
        ShardLeases a = leases(db, "0/1", "a", told);
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("ALTER TABLE shard_leases RENAME TO shard_leases_gone");
            }
        });
        for (int second = 1; second <= 7; second++) {
            clock.advance(Duration.ofSeconds(1));
            a.tick();
        }
        assertEquals(List.of("+0@1"), told.events, "still inside the lease, minus the margin");
        clock.advance(Duration.ofSeconds(1));
        a.tick();
        assertEquals(List.of("+0@1", "-0"), told.events, "let go 2 s before the lease ends, renewals failing");
    }
}
