package dev.baton.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's shard leases: every {@link LeaseTerms#poll()} it reads the rows, carries out
 * {@link LeasePlan}'s steps, and tells the {@link Holder} which shards it gained and which it must let go. A
 * standby instance runs the same loop and simply finds nothing to take until a holder's lease runs out.
 *
 * <p>When the database cannot be reached the loop keeps ticking on the clock alone: the shards are let go
 * {@link LeaseTerms#margin()} before their leases end, because by then another instance may be about to take them.
 */
public final class ShardLeases implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShardLeases.class);
    /** How often the clock alone is looked at; well inside the margin. */
    static final java.time.Duration WATCH = java.time.Duration.ofMillis(250);

    /** Discord's side: connects a shard this instance now holds, disconnects one it lost. Called on the lease thread. */
    public interface Holder {
        /** @param token the lease's fencing token (grows at every takeover) */
        void gained(int shard, long token);

        /** Stop acting on the shard at once: another instance may hold it soon. */
        void lost(int shard, String why);
    }

    private final LeaseStore store;
    private final ShardRange range;
    private final String me;
    private final LeaseTerms terms;
    private final Clock clock;
    /** The leases this instance last wrote; guarded by this. */
    private final Map<Integer, Lease> mine = new HashMap<>();
    private Set<Integer> acting = Set.of();
    private Holder holder;
    private ScheduledFuture<?> ticking;
    private ScheduledFuture<?> watching;
    private ScheduledExecutorService scheduler;
    /** Only the heartbeat thread reads and writes it. */
    private volatile boolean failing;
    private boolean closed;

    public ShardLeases(LeaseStore store, ShardRange range, String me, LeaseTerms terms, Clock clock) {
        this.store = store;
        this.range = range;
        this.me = me;
        this.terms = terms;
        this.clock = clock;
    }

    /**
     * Takes what it can now (so a lone instance connects at once), then keeps the leases on {@code scheduler}, which
     * needs two threads: the heartbeat (it may wait on the database) and the watch that lets shards go on time
     * whatever the database does.
     */
    public void start(Holder holder, ScheduledExecutorService scheduler) {
        synchronized (this) {
            this.holder = holder;
            this.scheduler = scheduler;
        }
        tick();
        long poll = terms.poll().toMillis();
        ticking = scheduler.scheduleWithFixedDelay(this::tickSafely, poll, poll, TimeUnit.MILLISECONDS);
        watching = scheduler.scheduleWithFixedDelay(this::watch, WATCH.toMillis(), WATCH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** This instance's id in the lease rows. */
    public String holderId() {
        return me;
    }

    public ShardRange range() {
        return range;
    }

    /** The shards this instance acts on now. */
    public synchronized Set<Integer> held() {
        return acting;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("the shard lease loop failed", e);
        }
    }

    /**
     * One look at the leases; public for tests that drive the clock themselves. The database is asked without
     * holding this object's lock, so {@link #watch} lets shards go on time even while a renewal hangs (a network
     * split can keep a connection waiting far longer than a lease lasts).
     */
    public void tick() {
        Instant now = clock.instant();
        Map<Integer, Lease> known;
        synchronized (this) {
            known = new HashMap<>(mine);
        }
        Map<Integer, Optional<Lease>> changes = new HashMap<>();
        try {
            List<Lease> rows = store.rows(range.total());
            for (Lease row : rows) {
                Lease lease = known.get(row.shard());
                if (lease != null && (row.token() != lease.token() || !row.holder().equals(me))) {
                    changes.put(row.shard(), Optional.empty()); // taken over while this instance was not looking
                }
            }
            for (LeasePlan.Step step : LeasePlan.steps(range, rows, now, me, terms)) {
                if (!store.apply(step, now)) {
                    changes.put(step.shard(), Optional.empty());
                } else if (step instanceof LeasePlan.Step.Renew renew) {
                    changes.put(step.shard(), Optional.of(renew.lease().until(renew.until())));
                } else {
                    LeasePlan.Step.Take take = (LeasePlan.Step.Take) step;
                    changes.put(step.shard(), Optional.of(take.taken()));
                    LOG.info("took shard {} of {} (lease token {}{})", take.shard(), take.total(), take.taken().token(),
                            take.previous().map(p -> ", from " + p.holder()).orElse(""));
                }
            }
            if (failing) {
                LOG.info("the shard leases are reachable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("cannot renew the shard leases ({}); shards are let go {} s before their leases end unless"
                        + " the database answers again", e.getMessage(), terms.margin().toSeconds());
                failing = true;
            }
        }
        synchronized (this) {
            if (closed) {
                return; // released meanwhile: what this tick wrote runs out by itself
            }
            changes.forEach((shard, lease) -> {
                if (lease.isPresent()) {
                    mine.put(shard, lease.get());
                } else {
                    mine.remove(shard);
                }
            });
            settle(clock.instant());
        }
    }

    /** Lets go of shards whose leases end within the margin, by the clock alone; runs every {@link #WATCH}. */
    public synchronized void watch() {
        settle(clock.instant());
    }

    /** Tells the holder what changed in the set of shards this instance may act on; under this object's lock. */
    private void settle(Instant now) {
        Set<Integer> next = LeasePlan.acting(mine, now, terms);
        mine.keySet().removeIf(shard -> mine.get(shard).expiredAt(now));
        Set<Integer> before = acting;
        acting = Set.copyOf(next);
        if (holder == null) {
            return;
        }
        for (int shard : new TreeSet<>(before)) {
            if (!next.contains(shard)) {
                LOG.warn("letting shard {} of {} go: its lease was not renewed in time or was taken over", shard,
                        range.total());
                holder.lost(shard, "lease not renewed");
            }
        }
        for (int shard : next) {
            if (!before.contains(shard)) {
                holder.gained(shard, mine.get(shard).token());
            }
        }
    }

    /** Stops the loop, lets every shard go, and releases the leases so a standby may take them at once. */
    @Override
    public synchronized void close() {
        closed = true;
        if (ticking != null) {
            ticking.cancel(false);
            watching.cancel(false);
        }
        if (holder != null) {
            for (int shard : new TreeSet<>(acting)) {
                holder.lost(shard, "stopping");
            }
        }
        acting = Set.of();
        Instant now = clock.instant();
        for (Lease lease : mine.values()) {
            try {
                store.release(lease, now);
            } catch (RuntimeException e) {
                LOG.warn("could not release shard {}'s lease ({}); another instance takes it when it runs out",
                        lease.shard(), e.getMessage());
            }
        }
        mine.clear();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
