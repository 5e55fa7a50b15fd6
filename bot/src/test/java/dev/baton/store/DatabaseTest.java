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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    void aFileDatabaseUsesWalForeignKeysAndABusyTimeout(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("nested/baton.db"))) {
            assertEquals("wal", db.journalMode());
            assertEquals(1, (int) pragma(db, "foreign_keys"));
            assertEquals(5000, (int) pragma(db, "busy_timeout"));
        }
    }

    @Test
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
    void aReadOnlyDatabaseIsNeverCreated(@TempDir Path dir) {
        StoreException missing = assertThrows(StoreException.class, () -> Database.openReadOnly(dir.resolve("none.db")));

        assertEquals("no database at " + dir.resolve("none.db").toAbsolutePath(), missing.getMessage());
        assertFalse(Files.exists(dir.resolve("none.db")));
    }

    @Test
    void aReadOnlyDatabaseWithAnOlderSchemaIsRefusedNotMigrated(@TempDir Path dir) {
        Path file = dir.resolve("baton.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration")
                .target("3").load().migrate();

        StoreException older = assertThrows(StoreException.class, () -> Database.openReadOnly(file));

        assertTrue(older.getMessage().contains("has schema version 3, older than this version of Baton needs: start"
                + " Baton once to bring it up to date"), older.getMessage());
    }

    @Test
    void theLaterMigrationsApplyToADatabaseMadeByTheFirst(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("baton.db");
        // A database as Baton 0.1 left it: schema version 1, with a conversation in it.
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration")
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
            assertEquals(9, (int) db.read(c -> count(c.createStatement(),
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
            assertTrue(refused.getMessage().contains("readonly"), refused.getMessage());
            assertThrows(StoreException.class, () -> db.read(c -> {
                db.read(inner -> count(inner.createStatement(), "SELECT COUNT(*) FROM customers"));
                return db.write(inner -> inner.createStatement().executeUpdate(insert));
            }));

            assertEquals(1, (int) db.write(c -> c.createStatement().executeUpdate(insert)));
            assertEquals(1, (int) db.read(c -> count(c.createStatement(), "SELECT COUNT(*) FROM customers")));
            assertEquals(1, (int) db.transaction(c -> c.createStatement().executeUpdate("DELETE FROM customers")));
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
