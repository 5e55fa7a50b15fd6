package dev.baton.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import javax.sql.DataSource;

/**
 * Baton's database: a SQLite file by default (WAL, foreign keys, a busy timeout), or PostgreSQL through a
 * connection pool; the schema by Flyway from the dialect's own folder of migrations (the same versions in both).
 *
 * <p>SQLite has one connection, used by one thread at a time: SQLite has a single writer anyway, and sharing
 * one connection means a write is visible to the next read without any pool to reason about. Other processes
 * (a replay, a backup) can still read the file alongside, thanks to WAL.
 *
 * <p>PostgreSQL has a pool, so the desk, the console and the jobs do not queue behind each other, and several
 * Batons may share the server. A {@link #transaction} there is SERIALIZABLE and is run again when PostgreSQL
 * reports a conflict with a concurrent one (another thread, or another Baton): check-then-write work such as
 * "refuse a second open handoff" stays correct without locks. Work nested in a transaction (a store method
 * called inside another's transaction) joins it on the same connection, as it does on SQLite.
 */
public final class Database implements AutoCloseable {

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;
    /** Serialization conflicts are retried this many times before the error reaches the caller. */
    private static final int CONFLICT_RETRIES = 8;

    private final Backend backend;
    private final String location;
    private final Dialect dialect;

    private Database(Backend backend, String location, Dialect dialect) {
        this.backend = backend;
        this.location = location;
        this.dialect = dialect;
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        return open(new DatabaseLocation.SqliteFile(file));
    }

    /** Opens the database at {@code location}, creating a SQLite file when missing, and brings its schema up to date. */
    public static Database open(DatabaseLocation location) {
        if (location instanceof DatabaseLocation.SqliteFile f) {
            return openSqliteFile(f.file());
        }
        if (location instanceof DatabaseLocation.Postgres p) {
            return openPostgres(p, false);
        }
        return openSqlite("jdbc:sqlite::memory:", ":memory:");
    }

    private static Database openSqliteFile(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory for " + file.toAbsolutePath() + ": " + e, e);
        }
        return openSqlite("jdbc:sqlite:" + file.toAbsolutePath(), file.toAbsolutePath().toString());
    }

    /**
     * Opens an existing database file for reading only, as tools beside a running Baton do (a replay): nothing
     * is created, migrated or written, and Baton keeps writing meanwhile (WAL lets readers and the writer
     * share the file).
     *
     * @throws StoreException when there is no database there, or its schema is older than this Baton's
     */
    public static Database openReadOnly(Path file) {
        return openReadOnly(new DatabaseLocation.SqliteFile(file));
    }

    /** As {@link #openReadOnly(Path)}, for any location; PostgreSQL is read in read-only transactions. */
    public static Database openReadOnly(DatabaseLocation location) {
        if (location instanceof DatabaseLocation.SqliteFile f) {
            return openSqliteReadOnly(f.file());
        }
        if (location instanceof DatabaseLocation.Postgres p) {
            return openPostgres(p, true);
        }
        throw new StoreException("an in-memory database has nothing to read", null);
    }

    private static Database openSqliteReadOnly(Path file) {
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
                requireCurrentSchema(new SingleConnectionDataSource(connection), Dialect.SQLITE, absolute.toString());
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
            return new Database(new SqliteBackend(connection), absolute.toString(), Dialect.SQLITE);
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** A read-only reader cannot migrate, so an older schema (Baton not restarted since an upgrade) is refused. */
    private static void requireCurrentSchema(DataSource source, Dialect dialect, String location) {
        var info = Flyway.configure().dataSource(source).locations(dialect.migrations()).load().info();
        if (info.pending().length > 0) {
            String current = info.current() == null ? "empty" : "version " + info.current().getVersion();
            throw new StoreException("the database " + location + " has schema " + current + ", older than this"
                    + " version of Baton needs: start Baton once to bring it up to date", null);
        }
    }

    /** A private database that lives as long as this object; for tests and dry runs. */
    public static Database inMemory() {
        return open(new DatabaseLocation.SqliteMemory());
    }

    private static Database openSqlite(String url, String location) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // NORMAL is durable across application crashes in WAL mode; only a power cut may lose the last commit.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        try {
            Connection connection = DriverManager.getConnection(url, config.toProperties());
            // Flyway wants a DataSource; hand it the already-open connection so an in-memory
            // database is migrated in place instead of in a second, separate memory database.
            migrate(new SingleConnectionDataSource(connection), Dialect.SQLITE);
            return new Database(new SqliteBackend(connection), location, Dialect.SQLITE);
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + location + ": " + e.getMessage(), e);
        }
    }

    private static Database openPostgres(DatabaseLocation.Postgres location, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.url());
        if (!location.user().isEmpty()) {
            config.setUsername(location.user());
        }
        location.password().ifPresent(config::setPassword);
        config.setPoolName("baton-db");
        config.setMaximumPoolSize(8);
        // No idle connections kept: a quiet Baton (or a test that forgot to close one) holds none of the server's slots.
        config.setMinimumIdle(0);
        config.setIdleTimeout(30_000);
        config.setConnectionTimeout(10_000);
        // One attempt at start, then a clear error (a supervisor restarts Baton), not a pool that keeps failing
        // quietly in the background.
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("ApplicationName", "baton");
        // Opened for reading only (a replay beside a running Baton): every connection starts read-only, so even
        // write or transaction cannot change anything, as with SQLite's read-only file. The driver makes
        // autocommit statements read-only too only in its readOnlyMode "always".
        config.setReadOnly(readOnly);
        if (readOnly) {
            config.addDataSourceProperty("readOnlyMode", "always");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database " + location + ": " + rootMessage(e), e);
        }
        try {
            if (readOnly) {
                requireCurrentSchema(pool, Dialect.POSTGRESQL, location.toString());
            } else {
                migrate(pool, Dialect.POSTGRESQL);
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e instanceof StoreException ? e
                    : new StoreException("cannot prepare the database " + location + ": " + rootMessage(e), e);
        }
        return new Database(new PostgresBackend(pool, location), location.toString(), Dialect.POSTGRESQL);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static void migrate(DataSource source, Dialect dialect) {
        Flyway.configure().dataSource(source).locations(dialect.migrations()).load().migrate();
    }

    /** Runs {@code work} in one transaction: all its writes land, or none do. */
    public <T> T transaction(Work<T> work) {
        try {
            return backend.transaction(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs writes that need no transaction of their own, such as one {@code INSERT}: each statement commits
     * by itself, or joins the {@link #transaction} this is called in.
     */
    public <T> T write(Work<T> work) {
        try {
            return backend.write(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs reads without writing. The database refuses any write in {@code work} (SQLite's {@code PRAGMA
     * query_only}, a read-only transaction in PostgreSQL), so a write cannot hide behind a method that says it
     * only reads: writes go through {@link #write} or {@link #transaction}.
     */
    public <T> T read(Work<T> work) {
        try {
            return backend.read(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * The error for a failed statement: a write refused because it ran inside {@link #read} (or on a read-only
     * database) says so in the same words on both databases, whose own wording differs (SQLite's "attempt to
     * write a readonly database", PostgreSQL's "cannot execute INSERT in a read-only transaction").
     */
    private StoreException failure(SQLException e) {
        if (refusedWrite(e)) {
            return new StoreException("the database " + location + " refused a write: it was reading only (writes go"
                    + " through write or transaction, and a read-only database takes none): " + e.getMessage(), e);
        }
        return new StoreException("database error in " + location + ": " + e.getMessage(), e);
    }

    /** SQLite's SQLITE_READONLY (8, with any extended code), PostgreSQL's read_only_sql_transaction (25006). */
    private boolean refusedWrite(SQLException e) {
        return dialect == Dialect.SQLITE ? (e.getErrorCode() & 0xff) == 8 : "25006".equals(e.getSQLState());
    }

    public String location() {
        return location;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * A connection of its own, outside the pool, for a caller that holds it for a long time (PostgreSQL's
     * {@code LISTEN}); the caller closes it.
     *
     * @throws StoreException on SQLite, which has no server to listen to
     */
    public Connection dedicatedConnection() {
        if (!(backend instanceof PostgresBackend postgres)) {
            throw new StoreException("only PostgreSQL gives dedicated connections; " + location + " is SQLite", null);
        }
        try {
            return postgres.dedicated();
        } catch (SQLException e) {
            throw new StoreException("cannot connect to " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * The journal mode actually in effect, e.g. {@code wal} (in-memory databases report {@code memory});
     * PostgreSQL, which journals by itself, reports {@code postgresql}.
     */
    public String journalMode() {
        if (dialect == Dialect.POSTGRESQL) {
            return "postgresql";
        }
        return read(c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA journal_mode")) {
                return rs.next() ? rs.getString(1) : "";
            }
        });
    }

    @Override
    public void close() {
        try {
            backend.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database " + location + ": " + e.getMessage(), e);
        }
    }

    /** Database work that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** How one kind of database hands out connections for the three kinds of work. */
    private interface Backend {
        <T> T transaction(Work<T> work) throws SQLException;

        <T> T write(Work<T> work) throws SQLException;

        <T> T read(Work<T> work) throws SQLException;

        void close() throws SQLException;
    }

    /** One connection, one thread at a time. */
    private static final class SqliteBackend implements Backend {
        private final Connection connection;
        /** How many {@link #read}s are running (they may nest); while any is, the connection refuses writes. */
        private int reading;

        SqliteBackend(Connection connection) {
            this.connection = connection;
        }

        @Override
        public synchronized <T> T transaction(Work<T> work) throws SQLException {
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
        }

        @Override
        public synchronized <T> T write(Work<T> work) throws SQLException {
            return work.run(connection);
        }

        @Override
        public synchronized <T> T read(Work<T> work) throws SQLException {
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
        }

        private void queryOnly(boolean on) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA query_only = " + (on ? "ON" : "OFF"));
            }
        }

        @Override
        public synchronized void close() throws SQLException {
            connection.close();
        }
    }

    /** A pool; work nested in other work on the same thread joins its connection (and transaction). */
    private static final class PostgresBackend implements Backend {
        private final HikariDataSource pool;
        private final DatabaseLocation.Postgres location;
        private final ThreadLocal<Connection> current = new ThreadLocal<>();

        PostgresBackend(HikariDataSource pool, DatabaseLocation.Postgres location) {
            this.pool = pool;
            this.location = location;
        }

        @Override
        public <T> T transaction(Work<T> work) throws SQLException {
            Connection joined = current.get();
            if (joined != null) {
                return work.run(joined);
            }
            for (int attempt = 0; ; attempt++) {
                try (Connection connection = pool.getConnection()) {
                    connection.setAutoCommit(false);
                    connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                    current.set(connection);
                    try {
                        T result = work.run(connection);
                        connection.commit();
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        connection.rollback();
                        if (attempt < CONFLICT_RETRIES && isConflict(e)) {
                            continue;
                        }
                        throw e;
                    } finally {
                        current.remove();
                        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                        connection.setAutoCommit(true);
                    }
                }
            }
        }

        /** 40001: could not serialize; 40P01: deadlock. Both mean "try again", and nothing was written. */
        private static boolean isConflict(Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState())
                        || "40P01".equals(sql.getSQLState()))) {
                    return true;
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            return false;
        }

        @Override
        public <T> T write(Work<T> work) throws SQLException {
            Connection joined = current.get();
            if (joined != null) {
                return work.run(joined);
            }
            try (Connection connection = pool.getConnection()) {
                current.set(connection);
                try {
                    return work.run(connection);
                } finally {
                    current.remove();
                }
            }
        }

        @Override
        public <T> T read(Work<T> work) throws SQLException {
            Connection joined = current.get();
            if (joined != null) {
                return work.run(joined);
            }
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                current.set(connection);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    current.remove();
                    connection.setReadOnly(false);
                    connection.setAutoCommit(true);
                }
            }
        }

        Connection dedicated() throws SQLException {
            Properties properties = new Properties();
            if (!location.user().isEmpty()) {
                properties.setProperty("user", location.user());
            }
            location.password().ifPresent(p -> properties.setProperty("password", p));
            properties.setProperty("ApplicationName", "baton-listen");
            return DriverManager.getConnection(location.url(), properties);
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
