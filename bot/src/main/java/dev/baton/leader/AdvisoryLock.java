package dev.baton.leader;

import dev.baton.store.Database;
import dev.baton.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session advisory lock held on a connection of its own: the server lets it go the moment
 * that connection ends (the instance died, was killed, or lost the network and the server noticed), with
 * no lease to expire and no clock to trust. The key is this lock's class number and the schema's hash, so
 * Batons kept apart by schema on one server have a lock each; advisory locks with two keys never meet
 * those taken with one (such as other leases).
 */
public final class AdvisoryLock implements LockHolder {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);
    private static final int VALID_SECONDS = 2;
    /** How long a lock holder's session may stay silent before the server ends it (see {@link #endWhenSilent}). */
    static final int SILENT_SECONDS = 15;

    private final Database database;
    private final int classKey;
    private final int silentSeconds;
    private Connection connection;
    private int pid = -1;

    /** @param classKey which of Baton's locks this is (e.g. {@link #JOBS}) */
    public AdvisoryLock(Database database, int classKey) {
        this(database, classKey, SILENT_SECONDS);
    }

    /** @param silentSeconds how long the holder's session may stay silent before the server ends it */
    AdvisoryLock(Database database, int classKey, int silentSeconds) {
        this.database = database;
        this.classKey = classKey;
        this.silentSeconds = silentSeconds;
    }

    /** The key of the jobs leader's lock ("BTJ"). */
    public static final int JOBS = 0x42544A;

    @Override
    public synchronized boolean tryTake() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = database.dedicatedConnection();
                try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    pid = rs.getInt(1);
                }
                endWhenSilent(connection, silentSeconds);
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT pg_try_advisory_lock(?, hashtext(current_schema()))")) {
                s.setInt(1, classKey);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        } catch (SQLException | StoreException e) {
            LOG.debug("could not try the advisory lock {}: {}", classKey, e.getMessage());
            release();
            return false;
        }
    }

    /**
     * A holder cut off by the network (not dead, so its connection is never closed) would keep the lock until
     * the server's TCP keepalive gives up, two hours by default. The holder checks its hold every few seconds,
     * so a session silent for {@link #SILENT_SECONDS} (by default) is one whose holder is gone: PostgreSQL (14 and later)
     * ends it, and the lock with it. On an older server the setting is unknown and the default stays.
     */
    private static void endWhenSilent(Connection connection, int silentSeconds) {
        try (Statement s = connection.createStatement()) {
            s.execute("SET idle_session_timeout = '" + silentSeconds + "s'");
        } catch (SQLException e) {
            LOG.info("PostgreSQL cannot end a silent lock holder's session ({}); a holder cut off by the network"
                    + " keeps the timed jobs until the server's TCP keepalive notices", e.getMessage());
        }
    }

    @Override
    public synchronized boolean stillHeld() {
        try {
            return connection != null && connection.isValid(VALID_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void release() {
        if (connection != null) {
            try {
                connection.close(); // ending the session lets the lock go
            } catch (SQLException e) {
                LOG.debug("closing the advisory lock's connection", e);
            }
        }
        connection = null;
        pid = -1;
    }

    /** The server process id of the connection holding (or trying) the lock, for tests that end it. */
    public synchronized OptionalInt pid() {
        return pid < 0 ? OptionalInt.empty() : OptionalInt.of(pid);
    }
}
