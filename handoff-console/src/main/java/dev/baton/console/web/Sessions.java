package dev.baton.console.web;

import dev.baton.console.api.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions, kept in a {@link SessionStore} (Baton's database, so every Baton behind one address
 * knows every login). A session id is 256 random bits, looked up by its SHA-256; each session has its own
 * CSRF token. A session not used for {@code idleTimeout} is gone, and so is any session older than {@code
 * lifetime}, however much it is used.
 *
 * <p>Two shortcuts keep the store from being asked on every beat: a session's last use is written again
 * only when it moved by {@link #TOUCH_EVERY} (an idle timeout of hours does not need it to the second), and
 * an event stream's "still live?" is answered from memory for {@link #LIVE_RECHECK} after the store said
 * yes (a logout on another instance closes the stream a few seconds later, not at once).
 */
public final class Sessions {

    /** Last use is written at most this often per session. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** How long a "live" answer for an event stream is trusted before the store is asked again. */
    static final Duration LIVE_RECHECK = Duration.ofSeconds(5);

    /** One session. {@code id} is the cookie value; {@code csrfToken} must accompany every state change. */
    public record Session(String id, String username, String csrfToken, Instant createdAt) {
    }

    private record Confirmed(String username, Instant at) {
    }

    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration lifetime;
    private final SessionStore store;
    private final Map<String, Confirmed> confirmedLive = new ConcurrentHashMap<>();

    /** Sessions that end only when idle, in this process's memory. */
    public Sessions(Clock clock, Duration idleTimeout) {
        this(clock, idleTimeout, null);
    }

    /** @param lifetime how long after login a session ends at the latest; null for no limit */
    public Sessions(Clock clock, Duration idleTimeout, Duration lifetime) {
        this(clock, idleTimeout, lifetime, new MemorySessionStore());
    }

    /** As above, kept in {@code store}. */
    public Sessions(Clock clock, Duration idleTimeout, Duration lifetime, SessionStore store) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.lifetime = lifetime;
        this.store = store;
    }

    /** A fresh session with a fresh id (a login never reuses an id). */
    public Session create(String username) {
        Instant now = clock.instant();
        dropExpired(now);
        Session session = new Session(Secrets.token(), username, Secrets.token(), now);
        store.put(new SessionStore.Stored(Secrets.digest(session.id()), username, session.csrfToken(), now, now));
        return session;
    }

    /** The live session with this id, marking it used now; empty when unknown or idle too long. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String key = Secrets.digest(id);
        Optional<SessionStore.Stored> held = store.find(key);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(held.get(), now)) {
            store.remove(key);
            confirmedLive.remove(key);
            return Optional.empty();
        }
        if (!now.isBefore(held.get().lastUsed().plus(TOUCH_EVERY))) {
            store.touch(key, now);
        }
        return Optional.of(new Session(id, held.get().username(), held.get().csrfToken(), held.get().createdAt()));
    }

    /** Whether the session is still live, without counting this as use (for long-lived event streams). */
    public boolean isLive(String id) {
        if (id == null) {
            return false;
        }
        String key = Secrets.digest(id);
        Instant now = clock.instant();
        Confirmed confirmed = confirmedLive.get(key);
        if (confirmed != null && now.isBefore(confirmed.at().plus(LIVE_RECHECK)) && !now.isBefore(confirmed.at())) {
            return true;
        }
        Optional<SessionStore.Stored> held = store.find(key).filter(s -> !expired(s, now));
        if (held.isPresent()) {
            confirmedLive.put(key, new Confirmed(held.get().username(), now));
        } else {
            confirmedLive.remove(key);
        }
        return held.isPresent();
    }

    public void invalidate(String id) {
        if (id != null) {
            String key = Secrets.digest(id);
            store.remove(key);
            confirmedLive.remove(key);
        }
    }

    /** Ends every session of this user except {@code keepId} (may be null). */
    public void invalidateUser(String username, String keepId) {
        String keep = keepId == null ? null : Secrets.digest(keepId);
        store.removeUser(username, keep);
        confirmedLive.entrySet().removeIf(e -> e.getValue().username().equals(username) && !e.getKey().equals(keep));
    }

    public int size() {
        return store.size();
    }

    private boolean expired(SessionStore.Stored held, Instant now) {
        return !now.isBefore(held.lastUsed().plus(idleTimeout))
                || (lifetime != null && !now.isBefore(held.createdAt().plus(lifetime)));
    }

    /** Removes sessions {@link #expired} at {@code now}: last used at or before now − idle, or made at or before now − lifetime. */
    private void dropExpired(Instant now) {
        Duration tick = Duration.ofMillis(1); // the store keeps milliseconds: "at or before" is "before one later"
        store.removeExpired(now.minus(idleTimeout).plus(tick), lifetime == null ? null : now.minus(lifetime).plus(tick));
        confirmedLive.values().removeIf(c -> !now.isBefore(c.at().plus(LIVE_RECHECK)));
    }
}
