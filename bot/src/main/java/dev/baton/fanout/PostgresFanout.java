package dev.baton.fanout;

import dev.baton.store.Database;
import dev.baton.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Fanout} over PostgreSQL's {@code LISTEN}/{@code NOTIFY}.
 *
 * <p>Sending: a change goes on a queue and a thread of its own turns what has gathered into {@code
 * pg_notify} calls on a pooled connection, so the thread that changed something (a Discord event, a
 * console request) never waits for it. The stores report a change after their transaction committed, so
 * whoever hears of it can read it.
 *
 * <p>Hearing: one connection outside the pool holds {@code LISTEN} for as long as Baton runs, read by a
 * thread of its own. When it breaks (PostgreSQL restarted, the connection was killed) the thread connects
 * again, backing off, and then asks for a refresh: PostgreSQL keeps no notifications for a listener that
 * was not there, so what changed in the gap is only seen by reloading.
 */
public final class PostgresFanout implements Fanout {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresFanout.class);
    /** How long one wait for notifications lasts: also how soon {@link #close()} is noticed. */
    private static final int WAIT_MILLIS = 500;
    /** A connection that died quietly (a network split) only shows when used: it is pinged this often. */
    private static final Duration PING_EVERY = Duration.ofSeconds(10);
    private static final int BATCH = 500;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Database database;
    private final String instance;
    private final String channel;
    private final Backoff backoff;
    private final BlockingQueue<Change> outbox = new LinkedBlockingQueue<>();
    private final Thread sender;
    private Thread listener;
    private volatile boolean running = true;
    private volatile Connection listening;
    private volatile int listeningPid = -1;

    /**
     * @param instance this Baton's id, unique among the instances (notices from it are not heard back)
     */
    public PostgresFanout(Database database, String instance, Backoff backoff) {
        this.database = database;
        this.instance = instance;
        this.backoff = backoff;
        this.channel = Channel.of(database.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
                return rs.next() ? rs.getString(1) : null;
            }
        }));
        this.sender = new Thread(this::sendLoop, "baton-fanout-send");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void send(Change change) {
        if (running) {
            outbox.add(change);
        }
    }

    @Override
    public synchronized void start(Consumer<Change> heard, Runnable refresh) {
        if (listener != null) {
            throw new IllegalStateException("already listening");
        }
        listener = new Thread(() -> listenLoop(heard, refresh), "baton-fanout-listen");
        listener.setDaemon(true);
        listener.start();
    }

    /** The server process id of the listening connection, while there is one (tests end it on purpose). */
    public OptionalInt listeningPid() {
        int pid = listeningPid;
        return pid < 0 ? OptionalInt.empty() : OptionalInt.of(pid);
    }

    /** The channel notices go on. */
    public String channel() {
        return channel;
    }

    // -------------------------------------------------------------------------------------- sending

    private void sendLoop() {
        while (running || !outbox.isEmpty()) {
            List<Change> batch = new ArrayList<>();
            try {
                Change first = outbox.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                continue; // nobody interrupts it; stopping is seen through running
            }
            outbox.drainTo(batch, BATCH);
            notifyAll(batch);
        }
    }

    /** Sends a batch; a repeated change in it is sent once (the console re-reads the handoff anyway). */
    private void notifyAll(List<Change> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<String> payloads = ChangeNotice.encode(instance, new ArrayList<>(new LinkedHashSet<>(batch)));
        try {
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
        } catch (StoreException e) {
            // The change itself is stored; only the other consoles' live update is lost, and they reload
            // whenever they reconnect.
            LOG.warn("could not tell the other Batons about {} change(s): {}", batch.size(), e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------- hearing

    private void listenLoop(Consumer<Change> heard, Runnable refresh) {
        int failures = 0;
        boolean connectedBefore = false;
        while (running) {
            try (Connection connection = database.dedicatedConnection()) {
                listening = connection;
                listeningPid = listen(connection);
                if (connectedBefore || failures > 0) {
                    LOG.info("listening for other Batons' changes again (on {}); the consoles reload", channel);
                    refresh(refresh);
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
                LOG.warn("lost the connection that hears other Batons' changes ({}); connecting again in {} ms",
                        e.getMessage(), pause.toMillis());
                sleep(pause);
            } finally {
                listening = null;
                listeningPid = -1;
            }
        }
    }

    private int listen(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("LISTEN " + channel);
            try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Until the connection fails or Baton stops. */
    private void hear(Connection connection, Consumer<Change> heard) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long lastPing = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    deliver(notification.getParameter(), heard);
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

    private void deliver(String payload, Consumer<Change> heard) {
        var notice = ChangeNotice.decode(payload);
        if (notice.isEmpty()) {
            LOG.warn("ignored a notice on {} that is not Baton's: {}", channel, payload);
            return;
        }
        if (notice.get().from().equals(instance)) {
            return; // this instance's own change: its console heard of it already
        }
        for (Change change : notice.get().changes()) {
            try {
                heard.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("passing on {} from another Baton failed", change, e);
            }
        }
    }

    private static void refresh(Runnable refresh) {
        try {
            refresh.run();
        } catch (RuntimeException e) {
            LOG.warn("asking the consoles to reload failed", e);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        join(hearing, true);
        join(sender, false); // not interrupted: it sends what is queued, then sees it should stop
    }

    private static void join(Thread thread, boolean interrupt) {
        if (thread == null) {
            return;
        }
        if (interrupt) {
            thread.interrupt();
        }
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
