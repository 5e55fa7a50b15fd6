package dev.baton.desk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.PlaceKind;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.TestDatabases;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.Decision;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baton's hot write path, SQLite against PostgreSQL: per customer message, what the desk writes before it
 * answers (the customer seen, the message, the conversation touched, the decision row), each statement
 * committed on its own as the desk commits it. Counted as whole messages per second, with 1 and with 4
 * threads writing at once (4 conversations, as busy channels would).
 *
 * <p>SQLite is a file in a temp dir (WAL, synchronous NORMAL: Baton's settings); PostgreSQL is a fresh schema
 * on {@code BATON_TEST_POSTGRES_URL}, whose durability settings are printed beside the numbers (a throwaway test
 * server often runs with fsync off, which is not what a community's server does). Without a server the
 * PostgreSQL half is skipped.
 *
 * <pre>{@code mvn -B -o test -pl bot -am -Dtest=StoreWriteBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbaton.excludedGroups= -Dbaton.writes.seconds=10}</pre>
 */
@Tag("benchmark")
class StoreWriteBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("baton.writes.seconds", 10));
    private static final Match NEAREST = new Match(new KnowledgeEntry("plus-price", "billing",
            List.of("How much is Plus?"), "Plus is 5 a month.", null), 0.91, "How much is Plus?");
    private static final Decision ANSWER = new Decision.Answer("plus-price", 0.91, "How much is Plus?",
            List.of(new Cue(CueKind.FRUSTRATION, 0.12, 0, "")));

    @Test
    void sqliteFile(@TempDir Path dir) throws Exception {
        run("SQLite file", new DatabaseLocation.SqliteFile(dir.resolve("baton.db")));
    }

    @Test
    void postgresql() throws Exception {
        run("PostgreSQL", TestDatabases.freshPostgres());
    }

    private static void run(String backend, DatabaseLocation location) throws Exception {
        try (Database database = Database.open(location)) {
            ConversationStore store = new ConversationStore(database);
            String settings = settings(database);
            for (int threads : new int[] {1, 4}) {
                double perSecond = messagesPerSecond(store, threads);
                System.out.printf(Locale.ROOT, "%-12s %d thread%s: %,8.0f messages+decisions/s  (%s)%n", backend,
                        threads, threads == 1 ? " " : "s", perSecond, settings);
                assertTrue(perSecond > 0);
            }
        }
    }

    /** Writes from {@code threads} threads at once, each in its own conversation; whole messages per second. */
    private static double messagesPerSecond(ConversationStore store, int threads) throws Exception {
        List<ConversationRecord> conversations = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String customer = "bench-" + System.nanoTime() + "-" + t;
            store.rememberCustomer(new Incoming.Person(customer, "Customer " + t, List.of(), null), Instant.now());
            conversations.add(store.start(customer, PlaceKind.CHANNEL, "support", null, Instant.now()));
        }
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (ConversationRecord conversation : conversations) {
                running.add(pool.submit(() -> {
                    while (!stop.get()) {
                        writeOneMessage(store, conversation);
                        if (counting.get()) {
                            written.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(WARM_UP.toMillis());
            counting.set(true);
            long started = System.nanoTime();
            Thread.sleep(MEASURE.toMillis());
            counting.set(false);
            long elapsed = System.nanoTime() - started;
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            return written.get() * 1e9 / elapsed;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the desk writes for one customer message it answers, statement by statement. */
    private static void writeOneMessage(ConversationStore store, ConversationRecord conversation) {
        Instant at = Instant.now();
        store.rememberCustomer(new Incoming.Person(conversation.customerId(), "Customer", List.of(), null), at);
        long row = store.insert(new ConversationStore.NewMessage(null, conversation.id(), "support",
                conversation.customerId(), "Customer", AuthorKind.CUSTOMER, "How much is Plus these days?",
                List.of(), null, null, at)).orElseThrow();
        store.touch(conversation.id(), at);
        DecisionLog.record(store.database(), conversation.id(), row, ANSWER, NEAREST, 0.02, 1_500, at);
    }

    /** The settings that decide what a commit costs. */
    private static String settings(Database database) {
        return database.read(c -> {
            if (database.dialect() == dev.baton.store.Dialect.SQLITE) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
                    rs.next();
                    return "journal " + database.journalMode() + ", synchronous " + List.of("OFF", "NORMAL", "FULL",
                            "EXTRA").get(rs.getInt(1));
                }
            }
            StringBuilder shown = new StringBuilder();
            for (String name : List.of("fsync", "synchronous_commit", "wal_sync_method")) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    shown.append(shown.length() == 0 ? "" : ", ").append(name).append(' ').append(rs.getString(1));
                }
            }
            return shown.toString();
        });
    }
}
