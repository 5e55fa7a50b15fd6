package dev.baton.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a lease lasts and how it is kept: renewed every {@code renewEvery}, lasting {@code ttl} from each
 * renewal, looked at every {@code poll} (the standby's reaction time). A holder stops acting on its shard
 * {@code margin} before its lease runs out, so that when the lease expires and another instance may take it, the
 * old holder has already let go: the margin covers a tick's lateness and a little clock difference between
 * machines (keep them on NTP).
 *
 * <p>With the defaults a dead holder's last renewal is at most 3 s old when it dies, its lease runs out within
 * 10 s of that, and a standby notices within 1 s more: a shard is taken over within about 11 s, leaving a few
 * seconds of the 15 s target to connect and catch up.
 */
public record LeaseTerms(Duration renewEvery, Duration ttl, Duration margin, Duration poll) {

    public static final LeaseTerms DEFAULT = new LeaseTerms(Duration.ofSeconds(3), Duration.ofSeconds(10),
            Duration.ofSeconds(2), Duration.ofSeconds(1));

    public LeaseTerms {
        Objects.requireNonNull(renewEvery, "renewEvery");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(poll, "poll");
        if (renewEvery.plus(margin).plus(poll).compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("a lease of " + ttl + " cannot be renewed every " + renewEvery
                    + " (looked at every " + poll + ") and let go " + margin + " before it ends");
        }
    }
}
