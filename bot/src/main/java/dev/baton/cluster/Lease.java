package dev.baton.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * One shard's lease row: who holds it, until when, and its fencing token. The token grows by one at every
 * takeover, so a renewal or a write that names an older token is recognised as coming from a holder that lost
 * the shard.
 */
public record Lease(int shard, int total, String holder, long token, Instant expiresAt) {

    public Lease {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Nobody may act on the shard under this lease from {@code expiresAt} on. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Lease until(Instant newExpiry) {
        return new Lease(shard, total, holder, token, newExpiry);
    }
}
