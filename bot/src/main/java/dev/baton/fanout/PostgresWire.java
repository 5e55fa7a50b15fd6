package dev.baton.fanout;

import dev.baton.store.Database;
import dev.baton.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain text payloads between the Batons on one PostgreSQL schema, over a {@code LISTEN}/{@code NOTIFY}
 * channel of its own (named per schema, as {@link Channel} does for changes). Unlike {@link PostgresFanout}
 * it sends at once, on the caller's thread: whoever sends here waits for an answer anyway.
 *
 * <p>Every payload is heard by every listener on the schema, the sender's own included. A listener that
 * was disconnected misses what was sent meanwhile (PostgreSQL keeps nothing for it): the connection is
 * made again, backing off, and the sender of a missed payload finds out by getting no answer.
 */
public final class PostgresWire implements AutoCloseable {

    /** The channel that carries requests to post in Discord and their answers. */
    public static final String RELAY = "baton_relay";
    /** PostgreSQL refuses a payload of 8000 bytes or more. */
    public static final int MAX_BYTES = 7_999;

    private static final Logger LOG = LoggerFactory.getLogger(PostgresWire.class);
    /** How long one wait for notifications lasts: also how soon {@link #close()} is noticed. */
    private static final int WAIT_MILLIS = 500;
    /** A connection that died quietly (a network split) only shows when used: it is pinged this often. */
    private static final Duration PING_EVERY = Duration.ofSeconds(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Database database;
    private final String channel;
    private final Backoff backoff;
    private Thread listener;
    private volatile boolean running = true;
    private volatile Connection listening;
    private volatile int listeningPid = -1;

    /** @param base the channel's name in the {@code public} schema, a lowercase identifier such as {@link #RELAY} */
    public PostgresWire(Database database, String base, Backoff backoff) {
        this.database = database;
        this.backoff = backoff;
        this.channel = Channel.of(base, database.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
                return rs.next() ? rs.getString(1) : null;
            }
        }));
    }

    public String channel() {
        return channel;
    }

    /** Sends now, on a pooled connection. @throws StoreException when PostgreSQL cannot be reached */
    public void send(String payload) {
        sendAll(List.of(payload));
    }

    /** Sends each payload, in order, on one pooled connection. @throws StoreException as {@link #send} */
    public void sendAll(List<String> payloads) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                for (String payload : payloads) {
                    s.setString(1, channel);
                    s.setString(2, payload);
                    s.execute();
                }
            }
            return null;
        });
    }

    /** Starts hearing every payload on the channel, on a thread of its own; {@code heard} must not block long. */
    public void start(Consumer<String> heard) {
        start(heard, () -> { }, "baton-wire-listen");
    }

    /**
     * As above; {@code reconnected} runs each time the listening connection is made again after it broke (or
     * after the first attempt failed), since payloads sent in the gap were not heard.
     */
    public synchronized void start(Consumer<String> heard, Runnable reconnected, String threadName) {
        if (listener != null) {
            throw new IllegalStateException("already listening");
        }
        listener = new Thread(() -> listenLoop(heard, reconnected), threadName);
        listener.setDaemon(true);
        listener.start();
    }

    /** The server process id of the listening connection, while it is listening. */
    public OptionalInt listeningPid() {
        int pid = listeningPid;
        return pid < 0 ? OptionalInt.empty() : OptionalInt.of(pid);
    }

    private void listenLoop(Consumer<String> heard, Runnable reconnected) {
        int failures = 0;
        boolean connectedBefore = false;
        while (running) {
            try (Connection connection = database.dedicatedConnection()) {
                listening = connection;
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + channel);
                    try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                        rs.next();
                        listeningPid = rs.getInt(1);
                    }
                }
                if (connectedBefore || failures > 0) {
                    LOG.info("listening on {} again", channel);
                    try {
                        reconnected.run();
                    } catch (RuntimeException e) {
                        LOG.warn("catching up after listening again on {} failed", channel, e);
                    }
                }
                connectedBefore = true;
                failures = 0;
                hear(connection, heard);
            } catch (SQLException | StoreException e) {
                if (!running) {
                    break;
                }
                failures++;
                Duration pause = backoff.after(failures);
                LOG.warn("lost the connection that listens on {} ({}); connecting again in {} ms", channel,
                        e.getMessage(), pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                listening = null;
                listeningPid = -1;
            }
        }
    }

    private void hear(Connection connection, Consumer<String> heard) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long lastPing = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    try {
                        heard.accept(notification.getParameter());
                    } catch (RuntimeException e) {
                        LOG.warn("handling a payload on {} failed", channel, e);
                    }
                }
            }
            if (System.nanoTime() - lastPing > PING_EVERY.toNanos()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SELECT 1");
                }
                lastPing = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Thread hearing;
        synchronized (this) {
            hearing = listener;
        }
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close(); // wakes a wait for notifications at once
            } catch (SQLException e) {
                LOG.debug("closing the listening connection", e);
            }
        }
        if (hearing != null) {
            hearing.interrupt();
            try {
                hearing.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
