package dev.baton.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one instance does with the leases at one tick, chosen from the rows as read, the time and its own id;
 * nothing is read or written here (see {@link LeaseStore} for that). For each shard this instance may hold:
 * <ul>
 *   <li>its own lease, due for renewal: {@link Step.Renew};</li>
 *   <li>no lease yet, or one that has run out (whoever held it, this instance too): {@link Step.Take}, with the
 *       next fencing token;</li>
 *   <li>another instance's lease that still runs: nothing, this instance stands by.</li>
 * </ul>
 * And which shards it may act on: those whose lease it holds, until {@link LeaseTerms#margin()} before it ends.
 */
public final class LeasePlan {

    private LeasePlan() {
    }

    /** One change to the lease rows. */
    public sealed interface Step {
        int shard();

        /** Extend this instance's own lease; only if the row still carries this holder and token. */
        record Renew(Lease lease, Instant until) implements Step {
            @Override
            public int shard() {
                return lease.shard();
            }
        }

        /**
         * Take the shard: a new row when {@code previous} is empty, else the expired row, only if it still carries
         * {@code previous}'s token (so two instances taking at once cannot both win).
         */
        record Take(int shard, int total, Optional<Lease> previous, Lease taken) implements Step {
        }
    }

    /** The steps for this tick, lowest shard first. */
    public static List<Step> steps(ShardRange mine, List<Lease> rows, Instant now, String me, LeaseTerms terms) {
        Map<Integer, Lease> byShard = rows.stream().filter(r -> r.total() == mine.total())
                .collect(Collectors.toMap(Lease::shard, Function.identity()));
        Instant until = now.plus(terms.ttl());
        List<Step> steps = new ArrayList<>();
        for (int shard : mine.ids()) {
            Lease row = byShard.get(shard);
            if (row == null) {
                steps.add(new Step.Take(shard, mine.total(), Optional.empty(), new Lease(shard, mine.total(), me, 1, until)));
            } else if (row.expiredAt(now)) {
                steps.add(new Step.Take(shard, mine.total(), Optional.of(row),
                        new Lease(shard, mine.total(), me, row.token() + 1, until)));
            } else if (row.holder().equals(me) && dueForRenewal(row, now, terms)) {
                steps.add(new Step.Renew(row, until));
            }
        }
        return steps;
    }

    /** Renewed {@code renewEvery} after the last renewal (which set the expiry {@code ttl} ahead). */
    static boolean dueForRenewal(Lease lease, Instant now, LeaseTerms terms) {
        Instant renewedAt = lease.expiresAt().minus(terms.ttl());
        return !now.isBefore(renewedAt.plus(terms.renewEvery()));
    }

    /**
     * The shards this instance may act on now, given the leases it knows it holds: each until {@code margin}
     * before its lease ends. A holder whose renewals fail (PostgreSQL down, a network split, a long pause) lets
     * its shards go here, before any other instance may take them.
     */
    public static Set<Integer> acting(Map<Integer, Lease> held, Instant now, LeaseTerms terms) {
        Set<Integer> acting = new TreeSet<>();
        held.forEach((shard, lease) -> {
            if (now.isBefore(lease.expiresAt().minus(terms.margin()))) {
                acting.add(shard);
            }
        });
        return acting;
    }
}
