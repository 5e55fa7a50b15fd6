package dev.baton.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.store.Database;
import dev.baton.store.DatabaseCopy;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.EveryTable;
import dev.baton.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton migrate --to URL} end to end through the command line, with both outputs kept. */
class MigrateCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
    private static final String PASSWORD = "not-to-be-printed-7c1f";

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void aStoppedBatonsFileIsCopiedAndEveryTableIsShownMatching() {
        EveryTable.write(dir.resolve("baton.db"));
        DatabaseLocation.Postgres target = TestDatabases.freshPostgres();

        int exit = cli.run(environment(), CLOCK, "migrate", "--to", target.url());

        assertEquals(0, exit, cli.err() + cli.out());
        assertEquals("", cli.err());
        String out = cli.out();
        assertTrue(out.contains("Copying " + dir.resolve("baton.db").toAbsolutePath() + " into " + target.url()),
                out);
        try (Database source = Database.openReadOnly(dir.resolve("baton.db"))) {
            for (String table : DatabaseCopy.tables(source)) {
                assertTrue(out.lines().anyMatch(l -> l.startsWith("  " + table + " ") && l.endsWith(" ok")),
                        table + " in\n" + out);
            }
            assertTrue(out.contains("All " + DatabaseCopy.tables(source).size() + " tables match"), out);
        }
        assertFalse(out.contains(PASSWORD), "the password is never printed");
        assertTrue(out.contains("(password ****)"), out);
    }

    @Test
    void aSecondRunIntoTheSameDatabaseIsRefusedInOneLine() {
        EveryTable.write(dir.resolve("baton.db"));
        DatabaseLocation.Postgres target = TestDatabases.freshPostgres();
        assertEquals(0, cli.run(environment(), CLOCK, "migrate", "--to", target.url()), cli.err());
        cli.reset();

        int exit = cli.run(environment(), CLOCK, "migrate", "--to", target.url());

        assertEquals(1, exit);
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("baton: migrate: the target " + target.url()), cli.err());
        assertTrue(cli.err().contains("is not empty (table "), cli.err());
        assertFalse(cli.out().contains("copying"), "nothing is said to be copied: " + cli.out());
        assertFalse(cli.err().contains(PASSWORD));
    }

    @Test
    void aToThatIsNotAPostgresqlUrlIsOneClearLine() {
        int exit = cli.run(environment(), CLOCK, "migrate", "--to", "postgres://db.example.org/baton");

        assertEquals(2, exit);
        assertEquals(List.of("baton: migrate: --to must start with jdbc:postgresql:// (for example"
                + " jdbc:postgresql://db.example.org:5432/baton), but is \"postgres://db.example.org/baton\""),
                cli.err().lines().toList());
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutPrintingIt() {
        int exit = cli.run(environment(), CLOCK, "migrate", "--to",
                "jdbc:postgresql://db.example.org/baton?password=" + PASSWORD);

        assertEquals(2, exit);
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().contains("BATON_DATABASE_PASSWORD"), cli.err());
        assertFalse(cli.err().contains(PASSWORD), cli.err());
    }

    @Test
    void withoutToItIsAUsageError() {
        int exit = cli.run(environment(), CLOCK, "migrate");

        assertEquals(2, exit);
        assertTrue(cli.err().startsWith("baton: --to is required"), cli.err());
        assertTrue(cli.err().contains("usage: java -jar baton.jar"), cli.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        int exit = cli.run(environment(), CLOCK, "migrate", "--to", "jdbc:postgresql://h/db", "--force", "yes");

        assertEquals(2, exit);
        assertTrue(cli.err().startsWith("baton: unknown option --force"), cli.err());
    }

    @Test
    void anEmptyDataDirectoryIsOneLineSayingWhereItLooked() {
        int exit = cli.run(environment(), CLOCK, "migrate", "--to", "jdbc:postgresql://127.0.0.1:1/baton",
                "--data", dir.resolve("elsewhere").toString());

        assertEquals(1, exit);
        assertEquals(List.of("baton: migrate: no database at " + dir.resolve("elsewhere/baton.db").toAbsolutePath()
                + " (BATON_DATA_DIR or --data says where Baton keeps its data)"), cli.err().lines().toList());
        assertEquals("", cli.out());
    }

    @Test
    void aFileFromAnOlderBatonIsRefusedUntilBatonHasStartedOnIt() throws Exception {
        Path file = dir.resolve("baton.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/sqlite")
                    .target("3").load().migrate();
        }

        int exit = cli.run(environment(), CLOCK, "migrate", "--to", "jdbc:postgresql://127.0.0.1:1/baton");

        assertEquals(1, exit);
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().contains("has schema version 3") && cli.err().contains("start Baton once"), cli.err());
    }

    @Test
    void aFileBatonIsStillWritingIsRefusedWithStopBatonFirst() {
        Path file = dir.resolve("baton.db");
        EveryTable.write(file);
        try (Database running = Database.open(file)) {
            running.write(c -> c.createStatement().executeUpdate("UPDATE customers SET name = name || '.'"));
            assertTrue(Files.exists(dir.resolve("baton.db-wal")));

            int exit = cli.run(environment(), CLOCK, "migrate", "--to", "jdbc:postgresql://127.0.0.1:1/baton");

            assertEquals(1, exit);
            assertEquals(1, cli.err().lines().count(), cli.err());
            assertTrue(cli.err().contains("Baton seems to be running on it; stop Baton first"), cli.err());
        }
    }

    private Map<String, String> environment() {
        return Map.of("BATON_DATA_DIR", dir.toString(), "BATON_DATABASE_PASSWORD", PASSWORD,
                "BATON_CONSOLE_PORT", "off");
    }
}
