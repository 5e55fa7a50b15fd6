package dev.baton.store;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.TestAbortedException;

/**
 * Databases for tests, on the backend the run asks for: SQLite by default, PostgreSQL when the system property
 * {@code baton.test.database} is {@code postgresql} (the suite's second pass in {@code mvn test}).
 *
 * <p>The PostgreSQL server is {@code BATON_TEST_POSTGRES_URL} (e.g. {@code
 * jdbc:postgresql://127.0.0.1:55432/postgres?user=baton}); {@code .ci/run} starts a throwaway one. Without it
 * PostgreSQL tests are skipped, unless {@code BATON_REQUIRE_POSTGRES=1} (CI), where they fail. Each fresh
 * database is a new schema on that server: as private as a new SQLite file, and made in milliseconds.
 *
 * <p>The rule for a new test: if it stores anything (directly, or through a helper such as {@code History},
 * {@code BatonOnFakeDiscord} or {@code LiveBaton}), it takes its database from here ({@link #fresh()}, or
 * {@link #freshLocation} with {@code Settings.withDatabase} for a whole Baton) and its class carries
 * {@code @Tag("database")}: only tagged classes run in the PostgreSQL pass (the {@code postgresql} execution of
 * surefire in {@code bot/pom.xml}). Tests about SQLite itself (WAL, the file, read-only opening) open a file
 * directly; tests about PostgreSQL itself use {@link #freshPostgres()}.
 */
public final class TestDatabases {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    /** Tells this JVM's schemas apart from another run's on the same server. */
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    private TestDatabases() {
    }

    /** True when this run's tests use PostgreSQL. */
    public static boolean postgres() {
        return System.getProperty("baton.test.database", "sqlite").toLowerCase(Locale.ROOT).equals("postgresql");
    }

    /** A new, empty, migrated database on this run's backend (SQLite in memory, or a new PostgreSQL schema). */
    public static Database fresh() {
        return postgres() ? Database.open(migratedPostgres()) : Database.inMemory();
    }

    /**
     * Where a new database goes on this run's backend: {@code dir/baton.db}, or a new PostgreSQL schema that
     * already has Baton's tables (opening it finds nothing to migrate).
     */
    public static DatabaseLocation freshLocation(Path dir) {
        return postgres() ? migratedPostgres() : new DatabaseLocation.SqliteFile(dir.resolve("baton.db"));
    }

    /**
     * A new PostgreSQL schema with Baton's tables and Flyway's history as Flyway leaves them. Flyway migrating
     * every test's schema costs half a second each (hundreds of tests); instead Flyway migrates one template
     * schema per run, and each new schema gets the same migration files run as one batch plus a copy of the
     * template's history rows, in one round trip. Database.open still runs Flyway on it, which validates the
     * history against the files and finds nothing pending. Tests of migrating itself use {@link #freshPostgres}.
     */
    static DatabaseLocation.Postgres migratedPostgres() {
        String server = requiredServer();
        String template = template();
        String schema = "t_" + RUN + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE SCHEMA " + schema + "; SET LOCAL search_path TO " + schema + ";\n" + migrationsSql()
                    + ";\nCREATE TABLE " + schema + ".flyway_schema_history (LIKE " + template
                    + ".flyway_schema_history INCLUDING ALL);"
                    + " INSERT INTO " + schema + ".flyway_schema_history SELECT * FROM " + template
                    + ".flyway_schema_history");
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make a test schema on " + server + ": " + e.getMessage(), e);
        }
        return location(server, schema);
    }

    private static String template;
    private static String migrationsSql;

    /** This run's template schema, migrated by Flyway the first time it is asked for. */
    private static synchronized String template() {
        if (template == null) {
            DatabaseLocation.Postgres location = freshPostgres();
            Database.open(location).close();
            template = location.url().substring(location.url().indexOf("currentSchema=") + "currentSchema=".length());
        }
        return template;
    }

    /** PostgreSQL's migration files in version order, joined into one script. */
    private static synchronized String migrationsSql() {
        if (migrationsSql == null) {
            String folder = Dialect.POSTGRESQL.migrations().substring("classpath:".length());
            try (var files = Files.list(Path.of(TestDatabases.class.getClassLoader().getResource(folder).toURI()))) {
                List<Path> sorted = files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql"))
                        .sorted(Comparator.comparingInt(f -> Integer.parseInt(
                                f.getFileName().toString().substring(1, f.getFileName().toString().indexOf("__")))))
                        .toList();
                StringBuilder sql = new StringBuilder();
                for (Path file : sorted) {
                    sql.append(Files.readString(file)).append("\n;\n");
                }
                migrationsSql = sql.toString();
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("cannot read the PostgreSQL migrations: " + e, e);
            }
        }
        return migrationsSql;
    }

    /**
     * A new, empty PostgreSQL schema, whatever this run's backend (for tests that are about PostgreSQL:
     * moving over, leases, notifications).
     *
     * @throws TestAbortedException when no server is configured and CI does not require one
     */
    public static DatabaseLocation.Postgres freshPostgres() {
        String server = requiredServer();
        String schema = "t_" + RUN + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make a test schema on " + server + ": " + e.getMessage(), e);
        }
        return location(server, schema);
    }

    private static String requiredServer() {
        return server().orElseThrow(() -> new TestAbortedException(
                "no PostgreSQL for tests: set BATON_TEST_POSTGRES_URL (see .ci/run)"));
    }

    private static DatabaseLocation.Postgres location(String server, String schema) {
        return new DatabaseLocation.Postgres(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "", Optional.empty());
    }

    /**
     * The test server's URL; empty (the test is skipped) when none is set, or an error when
     * {@code BATON_REQUIRE_POSTGRES=1} says this run must have one.
     */
    public static Optional<String> server() {
        String url = System.getenv().getOrDefault("BATON_TEST_POSTGRES_URL", "").strip();
        if (url.isEmpty() && "1".equals(System.getenv("BATON_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException("BATON_REQUIRE_POSTGRES=1 but BATON_TEST_POSTGRES_URL is not set:"
                    + " .ci/run starts a PostgreSQL server for the tests and sets it");
        }
        return Optional.of(url).filter(u -> !u.isEmpty());
    }
}
