package dev.baton.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
        return postgres() ? Database.open(freshPostgres()) : Database.inMemory();
    }

    /** Where a new database goes on this run's backend: {@code dir/baton.db}, or a new PostgreSQL schema. */
    public static DatabaseLocation freshLocation(Path dir) {
        return postgres() ? freshPostgres() : new DatabaseLocation.SqliteFile(dir.resolve("baton.db"));
    }

    /**
     * A new, empty PostgreSQL schema, whatever this run's backend (for tests that are about PostgreSQL:
     * moving over, leases, notifications).
     *
     * @throws TestAbortedException when no server is configured and CI does not require one
     */
    public static DatabaseLocation.Postgres freshPostgres() {
        String server = server().orElseThrow(() -> new TestAbortedException(
                "no PostgreSQL for tests: set BATON_TEST_POSTGRES_URL (see .ci/run)"));
        String schema = "t_" + RUN + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make a test schema on " + server + ": " + e.getMessage(), e);
        }
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
