package dev.baton.leader;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance that holds one lock runs the jobs. An instance without it tries to take it every {@code
 * every}; the holder checks its hold then, and again each time a job asks ({@link #leads()}), so a holder
 * whose connection broke stops at its next job rather than running it beside the instance that took over.
 * When a holder dies, its connection closes, the database lets the lock go, and another instance's next
 * attempt takes it: the jobs move within one {@code every} plus the time the database needs to notice.
 *
 * <p>An instance that lost its hold while running sits out its next {@link #COOL_DOWN} attempts: its
 * connection broke, so it is the likelier one to be unwell, and the others get the first chance at the lock.
 */
public final class JobsLeader implements Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(JobsLeader.class);

    /** Attempts skipped after losing the hold. */
    static final int COOL_DOWN = 2;

    private final LockHolder lock;
    private final String instance;
    private ScheduledExecutorService scheduler;
    private boolean leading;
    private int sittingOut;

    JobsLeader(LockHolder lock, String instance) {
        this.lock = lock;
        this.instance = instance;
    }

    /** Tries at once, then every {@code every} on a thread of its own, until {@link #close()}. */
    public static JobsLeader start(LockHolder lock, String instance, Duration every) {
        JobsLeader leader = new JobsLeader(lock, instance);
        leader.attempt();
        leader.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "baton-jobs-leader");
            thread.setDaemon(true);
            return thread;
        });
        leader.scheduler.scheduleWithFixedDelay(leader::attemptQuietly, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        return leader;
    }

    /** One look: keep the lock if still held, else try to take it. */
    synchronized void attempt() {
        if (leading) {
            confirm();
        } else if (sittingOut > 0) {
            sittingOut--;
        } else if (lock.tryTake()) {
            leading = true;
            LOG.info("this Baton ({}) now runs the timed jobs (pickup deadlines)", instance);
        }
    }

    private void attemptQuietly() {
        try {
            attempt();
        } catch (RuntimeException e) {
            LOG.warn("checking which Baton runs the timed jobs failed; trying again", e);
        }
    }

    @Override
    public synchronized boolean leads() {
        if (leading) {
            confirm();
        }
        return leading;
    }

    private void confirm() {
        if (!lock.stillHeld()) {
            leading = false;
            sittingOut = COOL_DOWN;
            lock.release();
            LOG.warn("this Baton ({}) lost its hold on the timed jobs (its database connection broke);"
                    + " another instance takes them over", instance);
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        synchronized (this) {
            leading = false;
            lock.release();
        }
    }
}
