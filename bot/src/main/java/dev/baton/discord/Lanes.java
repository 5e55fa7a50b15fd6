package dev.baton.discord;

import dev.baton.metrics.BatonMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles Discord's messages off JDA's event thread, on a fixed pool sized to the cores: each lane (the place
 * where order matters, see {@link dev.baton.conversation.Place#lane}) runs its work strictly in arrival
 * order, different lanes in parallel. A lane is on the pool only while it has work, one task per turn so a
 * chatty lane cannot hold a thread while others wait; an idle lane is forgotten, so the lanes never grow
 * with the number of customers seen. Nothing is dropped: when the pool is behind, a customer whose message
 * has waited half of {@code acknowledgeAfter} sees Baton typing and, after all of it, a short "one moment"
 * (once per busy spell of their lane).
 */
final class Lanes implements AutoCloseable {

    /** What a waiting customer is shown; both are called off the pool and must not block. */
    interface Acknowledgement {
        void typing();

        void oneMoment();
    }

    /** For work that has no customer to tell (edits, deletions). */
    static final Acknowledgement NONE = new Acknowledgement() {
        @Override
        public void typing() {
        }

        @Override
        public void oneMoment() {
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(Lanes.class);

    private record Task(Runnable work, Instant queuedAt, Acknowledgement acknowledgement) {
    }

    /** One lane's work not yet started (the running task is out of it); guarded by the {@code Lanes} monitor. */
    private static final class Lane {
        final String key;
        final ArrayDeque<Task> waiting = new ArrayDeque<>();
        boolean typed;
        boolean told;

        Lane(String key) {
            this.key = key;
        }
    }

    private final ExecutorService pool;
    private final ScheduledExecutorService ticker;
    private final Clock clock;
    private final Duration acknowledgeAfter;
    private final BatonMetrics metrics;
    /** Lanes with work queued or running; guarded by this. */
    private final Map<String, Lane> lanes = new HashMap<>();
    /** Messages queued but not started; guarded by this. */
    private int backlog;
    private boolean closed;

    /**
     * @param threads          the pool's size: the cores, at least two
     * @param acknowledgeAfter how long a message may wait before its customer is told Baton is on it
     */
    Lanes(int threads, Duration acknowledgeAfter, BatonMetrics metrics, Clock clock) {
        this.pool = Executors.newFixedThreadPool(threads, named("baton-lane"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(named("baton-lane-watch"));
        this.clock = clock;
        this.acknowledgeAfter = acknowledgeAfter;
        this.metrics = metrics;
        metrics.watchBacklog(this::backlog);
        long every = Math.max(20, acknowledgeAfter.toMillis() / 4);
        ticker.scheduleWithFixedDelay(this::acknowledgeLate, every, every, TimeUnit.MILLISECONDS);
    }

    /** A pool sized to this machine's cores, at least two (one slow decision must not stop the rest). */
    static Lanes forThisMachine(Duration acknowledgeAfter, BatonMetrics metrics, Clock clock) {
        return new Lanes(Math.max(2, Runtime.getRuntime().availableProcessors()), acknowledgeAfter, metrics, clock);
    }

    /** Queues {@code work} behind the lane's earlier work; returns at once. */
    void submit(String lane, Runnable work, Acknowledgement acknowledgement) {
        synchronized (this) {
            if (closed) {
                LOG.warn("lane {}: work arrived after Baton stopped handling messages; not handled", lane);
                return;
            }
            Lane queue = lanes.get(lane);
            boolean idle = queue == null;
            if (idle) {
                queue = new Lane(lane);
                lanes.put(lane, queue);
            }
            queue.waiting.add(new Task(work, clock.instant(), acknowledgement));
            backlog++;
            if (idle) {
                schedule(queue);
            }
        }
    }

    /** Messages queued but not yet started. */
    synchronized int backlog() {
        return backlog;
    }

    /** Lanes with work queued or running (idle ones are forgotten). */
    synchronized int busyLanes() {
        return lanes.size();
    }

    private void schedule(Lane lane) {
        try {
            pool.execute(() -> runNext(lane));
        } catch (RejectedExecutionException e) { // only after close() gave up waiting
            LOG.warn("lane {}: {} message(s) left unhandled at shutdown", lane.key, lane.waiting.size());
        }
    }

    /** Runs the lane's oldest task, then puts the lane back on the pool if more came meanwhile. */
    private void runNext(Lane lane) {
        Task task;
        synchronized (this) {
            task = lane.waiting.poll();
            backlog--;
        }
        metrics.waitedInLane(Duration.between(task.queuedAt(), clock.instant()));
        try {
            task.work().run();
        } catch (RuntimeException | Error e) {
            LOG.error("lane {}: work failed: {}", lane.key, e.toString(), e);
        }
        synchronized (this) {
            // The lane stays known while its task runs, so later work queues behind it instead of overtaking it.
            if (lane.waiting.isEmpty()) {
                lanes.remove(lane.key);
                notifyAll(); // close() may be waiting for the lanes to empty
            } else {
                schedule(lane);
            }
        }
    }

    /**
     * Tells the customers whose next message has waited too long that Baton is on it: typing at half the
     * wait, the "one moment" at all of it. Runs on the watch; tests call it directly.
     */
    void acknowledgeLate() {
        List<Runnable> calls = new ArrayList<>();
        Instant now = clock.instant();
        synchronized (this) {
            for (Lane lane : lanes.values()) {
                Task next = lane.waiting.peek(); // the oldest not yet started
                if (next == null) {
                    continue;
                }
                Duration waited = Duration.between(next.queuedAt(), now);
                if (!lane.typed && waited.compareTo(acknowledgeAfter.dividedBy(2)) >= 0) {
                    lane.typed = true;
                    calls.add(next.acknowledgement()::typing);
                }
                if (!lane.told && waited.compareTo(acknowledgeAfter) >= 0) {
                    lane.told = true;
                    calls.add(next.acknowledgement()::oneMoment);
                }
            }
        }
        for (Runnable call : calls) { // outside the monitor: they talk to Discord
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("could not acknowledge a waiting customer: {}", e.toString());
            }
        }
    }

    /** Stops taking work and lets the queued work finish, up to {@code timeout}. */
    void close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            closed = true;
            try {
                while (!lanes.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        LOG.warn("{} lane(s) still busy ({} message(s) waiting) after {} s; stopping anyway",
                                lanes.size(), backlog, timeout.toSeconds());
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ticker.shutdownNow();
        pool.shutdown();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
