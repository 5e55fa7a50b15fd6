package dev.baton.console.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions, in memory. A session id is 256 random bits, looked up by its SHA-256; each
 * session has its own CSRF token. A session not used for {@code idleTimeout} is gone, and so is any
 * session older than {@code lifetime}, however much it is used.
 */
public final class Sessions {

    /** One session. {@code id} is the cookie value; {@code csrfToken} must accompany every state change. */
    public record Session(String id, String username, String csrfToken, Instant createdAt) {
    }

    private static final class Held {
        final Session session;
        volatile Instant lastUsed;

        Held(Session session, Instant lastUsed) {
            this.session = session;
            this.lastUsed = lastUsed;
        }
    }

    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration lifetime;
    private final Map<String, Held> byDigest = new ConcurrentHashMap<>();

    /** Sessions that end only when idle. */
    public Sessions(Clock clock, Duration idleTimeout) {
        this(clock, idleTimeout, null);
    }

    /** @param lifetime how long after login a session ends at the latest; null for no limit */
    public Sessions(Clock clock, Duration idleTimeout, Duration lifetime) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.lifetime = lifetime;
    }

    /** A fresh session with a fresh id (a login never reuses an id). */
    public Session create(String username) {
        Instant now = clock.instant();
        dropExpired(now);
        Session session = new Session(Secrets.token(), username, Secrets.token(), now);
        byDigest.put(Secrets.digest(session.id()), new Held(session, now));
        return session;
    }

    /** The live session with this id, marking it used now; empty when unknown or idle too long. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String key = Secrets.digest(id);
        Held held = byDigest.get(key);
        if (held == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(held, now)) {
            byDigest.remove(key);
            return Optional.empty();
        }
        held.lastUsed = now;
        return Optional.of(held.session);
    }

    /** Whether the session is still live, without counting this as use (for long-lived event streams). */
    public boolean isLive(String id) {
        Held held = id == null ? null : byDigest.get(Secrets.digest(id));
        return held != null && !expired(held, clock.instant());
    }

    public void invalidate(String id) {
        if (id != null) {
            byDigest.remove(Secrets.digest(id));
        }
    }

    /** Ends every session of this user except {@code keepId} (may be null). */
    public void invalidateUser(String username, String keepId) {
        byDigest.values().removeIf(h -> h.session.username().equals(username) && !h.session.id().equals(keepId));
    }

    public int size() {
        return byDigest.size();
    }

    private boolean expired(Held held, Instant now) {
        return !now.isBefore(held.lastUsed.plus(idleTimeout))
                || (lifetime != null && !now.isBefore(held.session.createdAt().plus(lifetime)));
    }

    private void dropExpired(Instant now) {
        byDigest.values().removeIf(h -> expired(h, now));
    }
}
