package dev.baton.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.bridge.SqliteAccessLog;
import dev.baton.bridge.SqliteAccounts;
import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.PlaceKind;
import dev.baton.feedback.FeedbackStore;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.reload.RuleChangeLog;
import dev.baton.repeats.RepeatCheckStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying a stopped Baton's SQLite file into an empty PostgreSQL database, and checking the copy. */
class DatabaseCopyTest {

    @TempDir
    Path dir;

    @Test
    void theTablesComeFromTheDatabaseItselfParentsBeforeChildrenWithoutFlywaysHistory() {
        try (Database db = Database.open(dir.resolve("baton.db"))) {
            List<String> tables = DatabaseCopy.tables(db);

            assertEquals(List.of("aftercare", "console_access", "console_accounts", "console_sessions",
                    "console_setup_links", "conversations", "customers",
                    "decisions", "feedback", "handoff_events", "handoffs", "message_edits", "messages",
                    "repeat_checks", "rule_changes", "shard_leases"), tables.stream().sorted().toList());
            assertBefore(tables, "customers", "conversations");
            assertBefore(tables, "conversations", "messages");
            assertBefore(tables, "messages", "message_edits");
            assertBefore(tables, "handoffs", "handoff_events");
            assertBefore(tables, "handoffs", "aftercare");
            assertBefore(tables, "messages", "repeat_checks");
            assertBefore(tables, "handoffs", "feedback");
        }
    }

    @Test
    void everyTableIsCopiedWithItsIdsAndMatchesRowForRowOnBothSides() {
        Path file = dir.resolve("baton.db");
        EveryTable.write(file);
        DatabaseLocation.Postgres target = TestDatabases.freshPostgres();
        try (Database source = Database.openReadOnly(file); Database into = Database.open(target)) {
            // A table a later migration adds without rows here would be copied unseen: fill it in EveryTable.
            for (String table : DatabaseCopy.tables(source)) {
                assertTrue(count(source, table) > 0, table + " has no rows in the test's source: write one in"
                        + " EveryTable so the copy of that table is tested");
            }
            List<String> progress = new ArrayList<>();
            DatabaseCopy.Copied copied = DatabaseCopy.copy(source, into, (table, rows) -> progress.add(table));

            assertEquals(DatabaseCopy.tables(source), progress);
            List<DatabaseCopy.Check> checks = DatabaseCopy.verify(source, into);
            assertEquals(DatabaseCopy.tables(source), checks.stream().map(DatabaseCopy.Check::table).toList());
            for (DatabaseCopy.Check check : checks) {
                assertTrue(check.matches(), check.toString());
                assertEquals(copied.rows().get(check.table()), check.targetRows(), check.table());
            }
            assertEquals(ids(source, "messages"), ids(into, "messages"), "ids are kept");
            assertEquals(ids(source, "handoffs"), ids(into, "handoffs"));
        }
    }

    @Test
    void theCopyReadsBackThroughBatonsOwnStoresAndNewRowsGetFreshIds() {
        Path file = dir.resolve("baton.db");
        EveryTable.Written written = EveryTable.write(file);
        DatabaseLocation.Postgres target = TestDatabases.freshPostgres();
        try (Database source = Database.openReadOnly(file); Database into = Database.open(target)) {
            DatabaseCopy.Copied copied = DatabaseCopy.copy(source, into, (table, rows) -> { });
            HandoffStore before = new HandoffStore(source);
            HandoffStore after = new HandoffStore(into);
            ConversationStore conversationsBefore = new ConversationStore(source);
            ConversationStore conversationsAfter = new ConversationStore(into);

            assertEquals(before.events(written.resolvedHandoff()), after.events(written.resolvedHandoff()));
            assertEquals(before.handoff(written.resolvedHandoff()), after.handoff(written.resolvedHandoff()));
            assertEquals(before.open().stream().map(HandoffRecord::id).toList(),
                    after.open().stream().map(HandoffRecord::id).toList());
            assertEquals(List.of(written.openHandoff()), after.open().stream().map(HandoffRecord::id).toList());
            assertEquals(conversationsBefore.transcript(written.conversation()),
                    conversationsAfter.transcript(written.conversation()));
            assertEquals(conversationsBefore.earlierVersions(written.editedMessage()),
                    conversationsAfter.earlierVersions(written.editedMessage()));
            assertEquals(new SqliteAccounts(source).find("alex"), new SqliteAccounts(into).find("alex"));
            assertEquals(new SqliteAccessLog(source).recent(10), new SqliteAccessLog(into).recent(10));
            assertEquals(new RuleChangeLog(source).recent(10), new RuleChangeLog(into).recent(10));
            assertEquals(new RepeatCheckStore(source, before).forHandoff(written.resolvedHandoff()),
                    new RepeatCheckStore(into, after).forHandoff(written.resolvedHandoff()));
            assertEquals(feedback(source, written.conversation()), feedback(into, written.conversation()));
            java.time.Clock clock = java.time.Clock.systemUTC();
            assertEquals(EveryTable.aftercare(source, clock).asked(written.resolvedHandoff()),
                    EveryTable.aftercare(into, clock).asked(written.resolvedHandoff()));
            assertTrue(EveryTable.aftercare(into, clock).asked(written.resolvedHandoff()).isPresent());
            assertEquals(conversationsBefore.customer(conversationsBefore.conversation(written.conversation())
                    .orElseThrow().customerId()), conversationsAfter.customer(conversationsAfter.conversation(
                    written.conversation()).orElseThrow().customerId()));
            assertEquals(EveryTable.HASH, new SqliteAccounts(into).find("alex").orElseThrow().passwordHash());

            long lastConversation = max(source, "conversations");
            assertEquals(lastConversation + 1, copied.nextIds().get("conversations"));
            conversationsAfter.rememberCustomer(new dev.baton.conversation.Incoming.Person("800000000000000001",
                    "New", List.of(), null), Instant.parse("2026-12-01T00:00:00Z"));
            ConversationRecord fresh = conversationsAfter.start("800000000000000001", PlaceKind.CHANNEL, "support",
                    null, Instant.parse("2026-12-01T00:00:00Z"));
            assertEquals(lastConversation + 1, fresh.id(), "a new row continues after the copied ids");
        }
    }

    @Test
    void aTargetWithRowsIsRefusedAndLeftAsItWas() {
        Path file = dir.resolve("baton.db");
        EveryTable.write(file);
        DatabaseLocation.Postgres target = TestDatabases.freshPostgres();
        try (Database into = Database.open(target)) {
            into.write(c -> c.createStatement().executeUpdate("INSERT INTO rule_changes (at, actor, file, status,"
                    + " diff) VALUES (1, 'sam', 'rules.yaml', 'applied', 'x')"));
        }
        try (Database source = Database.openReadOnly(file); Database into = Database.open(target)) {
            Map<String, Long> counts = counts(into);

            StoreException refused = assertThrows(StoreException.class,
                    () -> DatabaseCopy.copy(source, into, (table, rows) -> { }));

            assertTrue(refused.getMessage().contains("is not empty (table rule_changes has rows)"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("changed nothing"), refused.getMessage());
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
            assertEquals(counts, counts(into));
            assertEquals(1L, counts.get("rule_changes"));
        }
    }

    @Test
    void aRowPostgresqlCannotHoldStopsTheCopyNamingTableAndRowAndNothingOfTheCopyRemains() {
        Path file = dir.resolve("baton.db");
        EveryTable.Written written = EveryTable.write(file);
        long zeroByte;
        try (Database writer = Database.open(file)) {
            ConversationStore conversations = new ConversationStore(writer);
            ConversationRecord conversation = conversations.conversation(written.conversation()).orElseThrow();
            zeroByte = conversations.insert(new ConversationStore.NewMessage(null, conversation.id(),
                    conversation.replyChannelId(), conversation.customerId(), "Zoë", AuthorKind.CUSTOMER,
                    "pasted from a binary file: \u0000", List.of(), null, null, Instant.parse("2026-11-03T00:00:00Z")))
                    .orElseThrow();
        }
        try (Database source = Database.openReadOnly(file); Database into = Database.open(TestDatabases.freshPostgres())) {
            StoreException failed = assertThrows(StoreException.class,
                    () -> DatabaseCopy.copy(source, into, (table, rows) -> { }));

            assertTrue(failed.getMessage().startsWith("cannot copy table messages (the row"), failed.getMessage());
            assertTrue(failed.getMessage().contains(Long.toString(zeroByte)), failed.getMessage());
            assertFalse(failed.getMessage().contains("\n"), failed.getMessage());
            counts(into).forEach((table, rows) -> assertEquals(0L, rows, table + " after a failed copy"));
        }
    }

    @Test
    void aRowChangedAfterTheCopyIsFoundByItsChecksumEvenWhenOnlyTheLastBitOfADoubleDiffers() {
        Path file = dir.resolve("baton.db");
        EveryTable.write(file);
        try (Database source = Database.openReadOnly(file); Database into = Database.open(TestDatabases.freshPostgres())) {
            DatabaseCopy.copy(source, into, (table, rows) -> { });
            into.write(c -> c.createStatement().executeUpdate("UPDATE decisions SET confidence = 0.3"
                    + " WHERE confidence > 0.3 AND confidence < 0.31")); // 0.1 + 0.2 is 0.30000000000000004

            List<String> differ = DatabaseCopy.verify(source, into).stream().filter(c -> !c.matches())
                    .map(DatabaseCopy.Check::table).toList();

            assertEquals(List.of("decisions"), differ);
        }
    }

    @Test
    void aFileWithAnUncheckpointedWriteAheadLogSeemsInUseAndACleanOneDoesNot() throws Exception {
        Path file = dir.resolve("baton.db");
        EveryTable.write(file);
        assertTrue(DatabaseCopy.seemsInUse(file).isEmpty(), "a Baton that stopped removes its write-ahead log");
        try (Database running = Database.open(file)) {
            new ConversationStore(running).rememberCustomer(new dev.baton.conversation.Incoming.Person(
                    "800000000000000002", "Late", List.of(), null), Instant.parse("2026-12-01T00:00:00Z"));
            assertTrue(Files.size(dir.resolve("baton.db-wal")) > 0);
            String why = DatabaseCopy.seemsInUse(file).orElseThrow();
            assertTrue(why.contains("stop Baton first"), why);
        }
    }

    private static List<dev.baton.feedback.Feedback> feedback(Database db, long conversation) {
        ConversationStore conversations = new ConversationStore(db);
        HandoffStore handoffs = new HandoffStore(db);
        return new FeedbackStore(db, conversations, handoffs, java.time.Clock.systemUTC()).forConversation(conversation);
    }

    private static void assertBefore(List<String> tables, String parent, String child) {
        assertTrue(tables.indexOf(parent) < tables.indexOf(child), parent + " before " + child + ": " + tables);
    }

    private static long count(Database db, String table) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static long max(Database db, String table) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<Long> ids(Database db, String table) {
        return db.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    private static Map<String, Long> counts(Database db) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : DatabaseCopy.tables(db)) {
            counts.put(table, count(db, table));
        }
        return counts;
    }
}
