package dev.baton.console.web;

import dev.baton.console.api.SetupLinkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One-time links that let a person set their password: for the first manager at first start, for a
 * new account, or to reset a password. Kept in a {@link SetupLinkStore} (Baton's database, so a link made
 * on one Baton works on every Baton behind the same address), single use, expiring; a newer link for the
 * same person replaces the older one.
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
    private final SetupLinkStore store;

    /** Links in this process's memory. */
    public SetupTokens(Clock clock, Duration lifetime) {
        this(clock, lifetime, new MemorySetupLinkStore());
    }

    public SetupTokens(Clock clock, Duration lifetime, SetupLinkStore store) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.store = store;
    }

    /** A new token for this person; any earlier token for them stops working. */
    public String issue(String username) {
        String token = Secrets.token();
        store.replaceFor(new SetupLinkStore.Stored(Secrets.digest(token), username, clock.instant().plus(lifetime)));
        return token;
    }

    /** What the token grants, without using it up. */
    public Optional<Grant> peek(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.find(Secrets.digest(token)).filter(l -> now.isBefore(l.expiresAt()))
                .map(l -> new Grant(l.username(), l.expiresAt()));
    }

    /** Uses the token up: a second redeem of the same token, here or on another instance, is empty. */
    public Optional<Grant> redeem(String token) {
        Optional<Grant> grant = peek(token);
        if (grant.isPresent() && store.take(Secrets.digest(token))) {
            return grant;
        }
        return Optional.empty();
    }

    /** Links issued and not yet used or expired, soonest to expire first. */
    public List<Grant> pending() {
        Instant now = clock.instant();
        return store.all().stream()
                .filter(l -> now.isBefore(l.expiresAt()))
                .map(l -> new Grant(l.username(), l.expiresAt()))
                .sorted(Comparator.comparing(Grant::expiresAt))
                .toList();
    }

    /** Withdraws any link for this person (their account was deleted or its role changed). */
    public void withdraw(String username) {
        store.removeFor(username);
    }
}
