package dev.baton.console.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the console keeps signed-in sessions. Baton keeps them in its database, so that with several Batons
 * behind one address a login made on one is good on all of them, and survives the instance that made it.
 * Only a session id's digest is kept, never the id (the cookie) itself.
 */
public interface SessionStore {

    /** One session as kept: the digest of its id, whose it is, its CSRF token, and when it was made and last used. */
    record Stored(String digest, String username, String csrfToken, Instant createdAt, Instant lastUsed) {
    }

    void put(Stored session);

    Optional<Stored> find(String digest);

    /** Marks the session used at {@code at}. */
    void touch(String digest, Instant at);

    void remove(String digest);

    /** Removes every session of {@code username} except the one with {@code keepDigest} (null: all). */
    void removeUser(String username, String keepDigest);

    /**
     * Removes the sessions last used before {@code usedBefore}, or made before {@code createdBefore} (null: no
     * such limit).
     */
    void removeExpired(Instant usedBefore, Instant createdBefore);

    int size();
}
