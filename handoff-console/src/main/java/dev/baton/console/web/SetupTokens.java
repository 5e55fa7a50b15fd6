package dev.baton.console.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time links that let a person set their password: for the first manager at first start, for a
 * new account, or to reset a password. In memory, single use, expiring; a newer link for the same
 * person replaces the older one.
 */
public final class SetupTokens {

    /**
     * Whom a link is for. It carries no role: the account's role when the link is used applies, and
     * changing the role or deleting the account withdraws the link.
     */
    public record Grant(String username, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final Map<String, Grant> byDigest = new ConcurrentHashMap<>();

    public SetupTokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A new token for this person; any earlier token for them stops working. */
    public synchronized String issue(String username) {
        byDigest.values().removeIf(g -> g.username().equals(username));
        String token = Secrets.token();
        byDigest.put(Secrets.digest(token), new Grant(username, clock.instant().plus(lifetime)));
        return token;
    }

    /** What the token grants, without using it up. */
    public Optional<Grant> peek(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Grant grant = byDigest.get(Secrets.digest(token));
        if (grant == null || !clock.instant().isBefore(grant.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    /** Uses the token up: a second redeem of the same token is empty. */
    public synchronized Optional<Grant> redeem(String token) {
        Optional<Grant> grant = peek(token);
        grant.ifPresent(g -> byDigest.remove(Secrets.digest(token)));
        return grant;
    }

    /** Links issued and not yet used or expired, soonest to expire first. */
    public List<Grant> pending() {
        Instant now = clock.instant();
        return byDigest.values().stream()
                .filter(g -> now.isBefore(g.expiresAt()))
                .sorted(Comparator.comparing(Grant::expiresAt))
                .toList();
    }

    /** Withdraws any link for this person (their account was deleted or its role changed). */
    public synchronized void withdraw(String username) {
        byDigest.values().removeIf(g -> g.username().equals(username));
    }
}
