package dev.baton.console.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the console keeps its one-time setup links. Baton keeps them in its database: a link a manager made
 * on one Baton is opened by someone else, who may reach another instance behind the same address. Only a
 * link token's digest is kept.
 */
public interface SetupLinkStore {

    /** One link as kept. */
    record Stored(String digest, String username, Instant expiresAt) {
    }

    /** Keeps {@code link}, dropping any other link for the same person. */
    void replaceFor(Stored link);

    Optional<Stored> find(String digest);

    /** Removes the link; true for the one caller that removed it (a link is used once, whichever instance sees it). */
    boolean take(String digest);

    List<Stored> all();

    void removeFor(String username);
}
