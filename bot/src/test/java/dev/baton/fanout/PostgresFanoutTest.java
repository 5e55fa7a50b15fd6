package dev.baton.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.PostgresSessions;
import dev.baton.store.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances' fanouts on one PostgreSQL schema (skipped without a test server). */
class PostgresFanoutTest {

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), Duration.ofMillis(400));

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    /** One instance: its fanout, with what it heard and how often it was told to refresh. */
    private final class Instance {
        final PostgresFanout fanout;
        final BlockingQueue<Change> heard = new LinkedBlockingQueue<>();
        final AtomicInteger refreshes = new AtomicInteger();

        Instance(DatabaseLocation location, String id) {
            Database database = open(Database.open(location));
            fanout = open(new PostgresFanout(database, id, QUICK));
            fanout.start(heard::add, refreshes::incrementAndGet);
        }

        void awaitListening() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (fanout.listeningPid().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(fanout.listeningPid().isPresent(), "never listened");
        }
    }

    @Test
    void aChangeMadeOnOneInstanceIsHeardOnTheOtherAndNotBackWhereItWasMade() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Instance a = new Instance(location, "a");
        Instance b = new Instance(location, "b");
        a.awaitListening();
        b.awaitListening();

        a.fanout.send(new Change("created", 41));
        a.fanout.send(new Change("message", 41));

        assertEquals(new Change("created", 41), b.heard.poll(2, TimeUnit.SECONDS));
        assertEquals(new Change("message", 41), b.heard.poll(2, TimeUnit.SECONDS));
        assertNull(a.heard.poll(300, TimeUnit.MILLISECONDS), "an instance hears its own change back");
        assertEquals(0, b.refreshes.get());
    }

    @Test
    void batonsInAnotherSchemaOfTheSameServerHearNothing() throws Exception {
        Instance a = new Instance(TestDatabases.freshPostgres(), "a");
        Instance elsewhere = new Instance(TestDatabases.freshPostgres(), "b");
        a.awaitListening();
        elsewhere.awaitListening();
        assertNotEquals(a.fanout.channel(), elsewhere.fanout.channel());

        a.fanout.send(new Change("created", 1));

        assertNull(elsewhere.heard.poll(500, TimeUnit.MILLISECONDS));
    }

    @Test
    void aKilledListeningConnectionIsMadeAgainTheConsolesRefreshAndLaterChangesStillArrive() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Instance a = new Instance(location, "a");
        Instance b = new Instance(location, "b");
        a.awaitListening();
        b.awaitListening();
        int killed = b.fanout.listeningPid().getAsInt();

        PostgresSessions.terminate(killed);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (b.refreshes.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, b.refreshes.get(), "a refresh after reconnecting");
        assertNotEquals(killed, b.fanout.listeningPid().orElse(killed));
        a.fanout.send(new Change("changed", 7));
        assertEquals(new Change("changed", 7), b.heard.poll(2, TimeUnit.SECONDS));
    }

    @Test
    void theOtherInstanceSendsOnWhileItsOwnListenerIsDown() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Instance a = new Instance(location, "a");
        Instance b = new Instance(location, "b");
        a.awaitListening();
        b.awaitListening();

        PostgresSessions.terminate(a.fanout.listeningPid().getAsInt());
        a.fanout.send(new Change("created", 3));

        assertNotNull(b.heard.poll(2, TimeUnit.SECONDS));
    }
}
