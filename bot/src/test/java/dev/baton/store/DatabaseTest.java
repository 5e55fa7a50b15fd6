package dev.baton.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

@Tag("database")
class DatabaseTest {

    /**
     * The SQLite file tests run in the SQLite pass, PostgreSQL's own in the PostgreSQL pass (both passes run in
     * {@code mvn test}); the backend-neutral ones (on {@link TestDatabases#fresh()}) run in both.
     */
    private static final String BACKEND = "baton.test.database";
    private static final String SQLITE_PASS = "about the SQLite file: runs in the SQLite pass";
    private static final String POSTGRESQL_PASS = "about the PostgreSQL server: runs in the PostgreSQL pass";

    /**
     * How many migrations SQLite has: counted from the folder, so a new migration needs no edit here.
     */
    private static final int MIGRATIONS = migrationFiles();

    private static int migrationFiles() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(
                DatabaseTest.class.getResource("/db/sqlite").toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisabledIfSystemProperty(named = BACKEND, matches = "postgresql", disabledReason = SQLITE_PASS)
    void aFileDatabaseUsesWalForeignKeysAndABusyTimeout(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("nested/baton.db"))) {
            assertEquals("wal", db.journalMode());
            assertEquals(1, (int) pragma(db, "foreign_keys"));
            assertEquals(5000, (int) pragma(db, "busy_timeout"));
        }
    }

    @Test
    @DisabledIfSystemProperty(named = BACKEND, matches = "postgresql", disabledReason = SQLITE_PASS)
    void migrationsRunOnceAndReopeningKeepsTheData(@TempDir Path dir) {
        Path file = dir.resolve("baton.db");
        try (Database db = Database.open(file)) {
            db.write(c -> c.createStatement().executeUpdate("INSERT INTO customers (id, name, first_seen, last_seen)"
                    + " VALUES ('1', 'Ann', 0, 0)"));
        }
        try (Database db = Database.open(file)) {
            assertEquals(1, (int) db.read(c -> count(c.createStatement(), "SELECT COUNT(*) FROM customers")));
            assertEquals(1, (int) db.read(c -> count(c.createStatement(),
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version = '1'")));
        }
    }

    @Test
    @DisabledIfSystemProperty(named = BACKEND, matches = "postgresql", disabledReason = SQLITE_PASS)
    void aReadOnlyDatabaseReadsWhatBatonWroteAndRefusesToWrite(@TempDir Path dir) {
        Path file = dir.resolve("baton.db");
        try (Database writer = Database.open(file)) {
            writer.write(c -> c.createStatement().executeUpdate("INSERT INTO customers (id, name, first_seen, last_seen)"
                    + " VALUES ('1', 'Ann', 0, 0)"));
            try (Database reader = Database.openReadOnly(file)) {
                assertEquals(1, (int) reader.read(c -> count(c.createStatement(), "SELECT COUNT(*) FROM customers")));
                StoreException refused = assertThrows(StoreException.class, () -> reader.read(c ->
                        c.createStatement().executeUpdate("DELETE FROM customers")));
                assertTrue(refused.getMessage().contains("readonly"), refused.getMessage());
            }
        }
    }

    @Test
    @DisabledIfSystemProperty(named = BACKEND, matches = "postgresql", disabledReason = SQLITE_PASS)
    void aReadOnlyDatabaseIsNeverCreated(@TempDir Path dir) {
        StoreException missing = assertThrows(StoreException.class, () -> Database.openReadOnly(dir.resolve("none.db")));

        assertEquals("no database at " + dir.resolve("none.db").toAbsolutePath(), missing.getMessage());
        assertFalse(Files.exists(dir.resolve("none.db")));
    }

    @Test
    @DisabledIfSystemProperty(named = BACKEND, matches = "postgresql", disabledReason = SQLITE_PASS)
    void aReadOnlyDatabaseWithAnOlderSchemaIsRefusedNotMigrated(@TempDir Path dir) {
        Path file = dir.resolve("baton.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations(Dialect.SQLITE.migrations())
                .target("3").load().migrate();

        StoreException older = assertThrows(StoreException.class, () -> Database.openReadOnly(file));

        assertTrue(older.getMessage().contains("has schema version 3, older than this version of Baton needs: start"
                + " Baton once to bring it up to date"), older.getMessage());
    }

    @Test
    @DisabledIfSystemProperty(named = BACKEND, matches = "postgresql", disabledReason = SQLITE_PASS)
    void theLaterMigrationsApplyToADatabaseMadeByTheFirst(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("baton.db");
        // A database as Baton 0.1 left it: schema version 1, with a conversation in it.
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations(Dialect.SQLITE.migrations())
                .target("1").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO customers (id, name, first_seen, last_seen) VALUES ('1', 'Ann', 0, 0)");
            s.executeUpdate("INSERT INTO conversations (customer_id, place, channel_id, state, started_at,"
                    + " last_message_at) VALUES ('1', 'channel', 'support', 'bot', 0, 0)");
            s.executeUpdate("INSERT INTO messages (conversation_id, channel_id, author_id, author_name, author_kind, text,"
                    + " created_at) VALUES (1, 'support', '1', 'Ann', 'customer', 'how much is plus?', 0)");
            s.executeUpdate("INSERT INTO decisions (conversation_id, message_id, verdict, kb_id, confidence, decided_at,"
                    + " latency_micros) VALUES (1, 1, 'answer', 'plus-price', 0.9, 0, 1500)");
        }

        try (Database db = Database.open(file)) {
            assertEquals(MIGRATIONS, (int) db.read(c -> count(c.createStatement(),
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")));
            ConversationRecord old = new ConversationStore(db).conversation(1).orElseThrow();
            assertFalse(old.practice(), "conversations from before are Discord's");
            assertNull(old.parentId(), "no parent was kept before V4");
            assertEquals(0, (int) db.read(c -> count(c.createStatement(), "SELECT COUNT(*) FROM console_accounts")));
            // V6 rebuilt the decisions table: the old row is kept, and a small-talk verdict is now allowed.
            assertEquals(1, (int) db.read(c -> count(c.createStatement(),
                    "SELECT COUNT(*) FROM decisions WHERE verdict = 'answer' AND kb_id = 'plus-price'"
                            + " AND small_talk IS NULL")));
            db.transaction(c -> c.createStatement().executeUpdate("INSERT INTO decisions (conversation_id, message_id,"
                    + " verdict, confidence, decided_at, latency_micros, small_talk) VALUES (1, 1, 'smalltalk', 0.8, 0,"
                    + " 900, 0.8)"));
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Database db = TestDatabases.fresh()) {
            assertThrows(StoreException.class, () -> db.transaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO customers (id, name, first_seen, last_seen)"
                        + " VALUES ('1', 'Ann', 0, 0)");
                // a conversation for a customer who does not exist violates the foreign key
                return c.createStatement().executeUpdate("INSERT INTO conversations (customer_id, place, channel_id,"
                        + " state, started_at, last_message_at) VALUES ('nobody', 'dm', 'c', 'bot', 0, 0)");
            }));
            assertEquals(0, (int) db.read(c -> count(c.createStatement(), "SELECT COUNT(*) FROM customers")));
        }
    }

    @Test
    void aReadRefusesToWriteEvenAfterANestedReadAndWritesGoThroughWrite() {
        String insert = "INSERT INTO customers (id, name, first_seen, last_seen) VALUES ('1', 'Ann', 0, 0)";
        try (Database db = TestDatabases.fresh()) {
            StoreException refused = assertThrows(StoreException.class,
                    () -> db.read(c -> c.createStatement().executeUpdate(insert)));
            assertTrue(refused.getMessage().startsWith("the database " + db.location() + " refused a write: it was"
                    + " reading only"), refused.getMessage());
            StoreException nested = assertThrows(StoreException.class, () -> db.read(c -> {
                db.read(inner -> count(inner.createStatement(), "SELECT COUNT(*) FROM customers"));
                return db.write(inner -> inner.createStatement().executeUpdate(insert));
            }));
            assertTrue(nested.getMessage().contains("refused a write"), nested.getMessage());

            assertEquals(1, (int) db.write(c -> c.createStatement().executeUpdate(insert)));
            assertEquals(1, (int) db.read(c -> count(c.createStatement(), "SELECT COUNT(*) FROM customers")));
            assertEquals(1, (int) db.transaction(c -> c.createStatement().executeUpdate("DELETE FROM customers")));
        }
    }

    /**
     * PostgreSQL itself (skipped without a server): what the SQLite tests above check of the file, checked of
     * the server.
     */
    @Nested
    @EnabledIfSystemProperty(named = BACKEND, matches = "postgresql", disabledReason = POSTGRESQL_PASS)
    class OnPostgresql {

        @Test
        void migrationsApplyOnceAndReopeningKeepsTheData() {
            DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
            try (Database db = Database.open(location)) {
                assertEquals("postgresql", db.journalMode());
                db.write(c -> c.createStatement().executeUpdate("INSERT INTO customers (id, name, first_seen,"
                        + " last_seen) VALUES ('1', 'Ann', 0, 0)"));
            }
            try (Database db = Database.open(location)) {
                assertEquals(1, (int) db.read(c -> count(c.createStatement(), "SELECT COUNT(*) FROM customers")));
                assertEquals(MigrationParityTest.versions(Dialect.POSTGRESQL).size(), (int) db.read(c -> count(
                        c.createStatement(), "SELECT COUNT(*) FROM flyway_schema_history WHERE success")));
            }
        }

        @Test
        void aReadOnlyDatabaseReadsWhatBatonWroteAndRefusesToWriteEvenThroughWrite() {
            DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
            try (Database writer = Database.open(location)) {
                writer.write(c -> c.createStatement().executeUpdate("INSERT INTO customers (id, name, first_seen,"
                        + " last_seen) VALUES ('1', 'Ann', 0, 0)"));
                try (Database reader = Database.openReadOnly(location)) {
                    assertEquals(1, (int) reader.read(c -> count(c.createStatement(), "SELECT COUNT(*) FROM customers")));
                    for (Database.Work<Integer> delete : List.<Database.Work<Integer>>of(
                            c -> c.createStatement().executeUpdate("DELETE FROM customers"))) {
                        StoreException refused = assertThrows(StoreException.class, () -> reader.write(delete));
                        assertTrue(refused.getMessage().contains("refused a write"), refused.getMessage());
                        assertThrows(StoreException.class, () -> reader.transaction(delete));
                        assertThrows(StoreException.class, () -> reader.read(delete));
                    }
                }
                assertEquals(1, (int) writer.read(c -> count(c.createStatement(), "SELECT COUNT(*) FROM customers")));
            }
        }

        @Test
        void aReadOnlyDatabaseWithAnOlderSchemaIsRefusedNotMigrated() {
            DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
            Flyway.configure().dataSource(location.url(), null, null).locations(Dialect.POSTGRESQL.migrations())
                    .target("3").load().migrate();

            StoreException older = assertThrows(StoreException.class, () -> Database.openReadOnly(location));

            assertTrue(older.getMessage().contains("has schema version 3, older than this version of Baton needs"),
                    older.getMessage());
        }

        @Test
        void aFailedTransactionLeavesNothingBehind() {
            try (Database db = Database.open(TestDatabases.freshPostgres())) {
                assertThrows(StoreException.class, () -> db.transaction(c -> {
                    c.createStatement().executeUpdate("INSERT INTO customers (id, name, first_seen, last_seen)"
                            + " VALUES ('1', 'Ann', 0, 0)");
                    return c.createStatement().executeUpdate("INSERT INTO conversations (customer_id, place,"
                            + " channel_id, state, started_at, last_message_at) VALUES ('nobody', 'dm', 'c', 'bot', 0, 0)");
                }));
                assertEquals(0, (int) db.read(c -> count(c.createStatement(), "SELECT COUNT(*) FROM customers")));
            }
        }

        @Test
        void twoCheckThenInsertTransactionsAtOnceLeaveOneRowTheLoserIsRetriedAndSeesTheWinner() throws Exception {
            try (Database db = Database.open(TestDatabases.freshPostgres())) {
                // Both read "no Ann yet" before either writes (the latch), then both insert: SERIALIZABLE refuses
                // one commit, and Database runs that transaction again, which now sees Ann and inserts nothing.
                CountDownLatch bothRead = new CountDownLatch(2);
                AtomicInteger runs = new AtomicInteger();
                ExecutorService threads = Executors.newFixedThreadPool(2);
                try {
                    List<Future<Integer>> inserted = new ArrayList<>();
                    for (String id : List.of("1", "2")) {
                        inserted.add(threads.submit(() -> db.transaction(c -> {
                            runs.incrementAndGet();
                            int already = count(c.createStatement(), "SELECT COUNT(*) FROM customers WHERE name = 'Ann'");
                            bothRead.countDown();
                            awaitQuietly(bothRead);
                            return already > 0 ? 0 : c.createStatement().executeUpdate("INSERT INTO customers (id,"
                                    + " name, first_seen, last_seen) VALUES ('" + id + "', 'Ann', 0, 0)");
                        })));
                    }
                    int total = 0;
                    for (Future<Integer> f : inserted) {
                        total += f.get(30, TimeUnit.SECONDS);
                    }
                    assertEquals(1, total, "one of the two inserted");
                } finally {
                    threads.shutdownNow();
                }
                assertEquals(1, (int) db.read(c -> count(c.createStatement(),
                        "SELECT COUNT(*) FROM customers WHERE name = 'Ann'")));
                assertTrue(runs.get() >= 3, "the refused transaction ran again: " + runs.get() + " runs");
            }
        }

        @Test
        void anUnreachableServerIsOneLineNamingTheLocationAndNeverThePassword() {
            DatabaseLocation.Postgres nowhere = new DatabaseLocation.Postgres("jdbc:postgresql://127.0.0.1:1/baton",
                    "baton", Optional.of("s3cret-pass"));

            StoreException refused = assertThrows(StoreException.class, () -> Database.open(nowhere));

            assertTrue(refused.getMessage().startsWith("cannot open the database jdbc:postgresql://127.0.0.1:1/baton"
                    + " as baton (password ****): "), refused.getMessage());
            assertFalse(refused.getMessage().contains("s3cret"), refused.getMessage());
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Integer pragma(Database db, String name) {
        return db.read(c -> count(c.createStatement(), "PRAGMA " + name));
    }

    private static int count(Statement statement, String sql) throws java.sql.SQLException {
        try (statement; ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
