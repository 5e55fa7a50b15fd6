package dev.baton.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import javax.sql.DataSource;

/**
 * Baton's SQLite database: one file, WAL, foreign keys, a busy timeout, schema by Flyway.
 *
 * <p>One connection, used by one thread at a time. SQLite has a single writer anyway, and sharing
 * one connection means a write is visible to the next read without any pool to reason about.
 * Other processes (a replay, a backup) can still read the file alongside, thanks to WAL.
 */
public final class Database implements AutoCloseable {

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Connection connection;
    private final String location;
    /** How many {@link #read}s are running (they may nest); while any is, the connection refuses writes. */
    private int reading;

    private Database(Connection connection, String location) {
        this.connection = connection;
        this.location = location;
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory for " + file.toAbsolutePath() + ": " + e, e);
        }
        return open("jdbc:sqlite:" + file.toAbsolutePath(), file.toAbsolutePath().toString());
    }

    /**
     * Opens an existing database file for reading only, as tools beside a running Baton do (a replay): nothing
     * is created, migrated or written, and Baton keeps writing meanwhile (WAL lets readers and the writer
     * share the file).
     *
     * @throws StoreException when there is no database there, or its schema is older than this Baton's
     */
    public static Database openReadOnly(Path file) {
        Path absolute = file.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) {
            throw new StoreException("no database at " + absolute, null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + absolute, config.toProperties());
            try {
                requireCurrentSchema(connection, absolute.toString());
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
            return new Database(connection, absolute.toString());
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** A read-only reader cannot migrate, so an older schema (Baton not restarted since an upgrade) is refused. */
    private static void requireCurrentSchema(Connection connection, String location) {
        var info = Flyway.configure().dataSource(new SingleConnectionDataSource(connection))
                .locations("classpath:db/migration").load().info();
        if (info.pending().length > 0) {
            String current = info.current() == null ? "empty" : "version " + info.current().getVersion();
            throw new StoreException("the database " + location + " has schema " + current + ", older than this"
                    + " version of Baton needs: start Baton once to bring it up to date", null);
        }
    }

    /** A private database that lives as long as this object; for tests and dry runs. */
    public static Database inMemory() {
        return open("jdbc:sqlite::memory:", ":memory:");
    }

    private static Database open(String url, String location) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // NORMAL is durable across application crashes in WAL mode; only a power cut may lose the last commit.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        try {
            Connection connection = DriverManager.getConnection(url, config.toProperties());
            migrate(connection);
            return new Database(connection, location);
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + location + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(Connection connection) {
        // Flyway wants a DataSource; hand it the already-open connection so an in-memory
        // database is migrated in place instead of in a second, separate memory database.
        DataSource single = new SingleConnectionDataSource(connection);
        Flyway.configure()
                .dataSource(single)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Runs {@code work} in one transaction: all its writes land, or none do. */
    public synchronized <T> T transaction(Work<T> work) {
        try {
            boolean previous = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(previous);
            }
        } catch (SQLException e) {
            throw new StoreException("database error in " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs writes that need no transaction of their own, such as one {@code INSERT}: each statement commits
     * by itself, or joins the {@link #transaction} this is called in.
     */
    public synchronized <T> T write(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("database error in " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs reads without an explicit transaction. SQLite refuses any write in {@code work} ({@code PRAGMA
     * query_only}), so a write cannot hide behind a method that says it only reads: writes go through
     * {@link #write} or {@link #transaction}.
     */
    public synchronized <T> T read(Work<T> work) {
        try {
            if (reading == 0) {
                queryOnly(true);
            }
            reading++;
            try {
                return work.run(connection);
            } finally {
                reading--;
                if (reading == 0) {
                    queryOnly(false);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("database error in " + location + ": " + e.getMessage(), e);
        }
    }

    private void queryOnly(boolean on) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA query_only = " + (on ? "ON" : "OFF"));
        }
    }

    public String location() {
        return location;
    }

    /** The journal mode actually in effect, e.g. {@code wal} (in-memory databases report {@code memory}). */
    public String journalMode() {
        return read(c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA journal_mode")) {
                return rs.next() ? rs.getString(1) : "";
            }
        });
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database " + location + ": " + e.getMessage(), e);
        }
    }

    /** Database work that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
