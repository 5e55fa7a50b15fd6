package dev.baton.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
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
            db.read(c -> c.createStatement().executeUpdate("INSERT INTO customers (id, name, first_seen, last_seen)"
                    + " VALUES ('1', 'Ann', 0, 0)"));
        }
        try (Database db = Database.open(file)) {
            assertEquals(1, (int) db.read(c -> count(c.createStatement(), "SELECT COUNT(*) FROM customers")));
            assertEquals(1, (int) db.read(c -> count(c.createStatement(),
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version = '1'")));
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Database db = Database.inMemory()) {
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
