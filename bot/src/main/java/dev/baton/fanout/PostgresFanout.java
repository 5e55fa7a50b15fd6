package dev.baton.fanout;

import dev.baton.store.Database;
import dev.baton.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Fanout} over PostgreSQL's {@code LISTEN}/{@code NOTIFY}, through a {@link PostgresWire} on the changes
 * channel.
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
    /** How long the sender waits for a first change before looking whether Baton stops. */
    private static final int WAIT_MILLIS = 500;
    private static final int BATCH = 500;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final String instance;
    private final PostgresWire wire;
    private final BlockingQueue<Change> outbox = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile boolean running = true;

    /**
     * @param instance this Baton's id, unique among the instances (notices from it are not heard back)
     */
    public PostgresFanout(Database database, String instance, Backoff backoff) {
        this.instance = instance;
        this.wire = new PostgresWire(database, Channel.NAME, backoff);
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
    public void start(Consumer<Change> heard, Runnable refresh) {
        // After a gap the consoles reload: changes made meanwhile were not heard.
        wire.start(payload -> deliver(payload, heard), refresh, "baton-fanout-listen");
    }

    /** The server process id of the listening connection, while there is one (tests end it on purpose). */
    public OptionalInt listeningPid() {
        return wire.listeningPid();
    }

    /** The channel notices go on. */
    public String channel() {
        return wire.channel();
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
        try {
            wire.sendAll(ChangeNotice.encode(instance, new ArrayList<>(new LinkedHashSet<>(batch))));
        } catch (StoreException e) {
            // The change itself is stored; only the other consoles' live update is lost, and they reload
            // whenever they reconnect.
            LOG.warn("could not tell the other Batons about {} change(s): {}", batch.size(), e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------- hearing

    private void deliver(String payload, Consumer<Change> heard) {
        var notice = ChangeNotice.decode(payload);
        if (notice.isEmpty()) {
            LOG.warn("ignored a notice on {} that is not Baton's: {}", wire.channel(), payload);
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

    @Override
    public void close() {
        running = false;
        wire.close();
        try {
            sender.join(STOP_WAIT.toMillis()); // not interrupted: it sends what is queued, then sees it should stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
