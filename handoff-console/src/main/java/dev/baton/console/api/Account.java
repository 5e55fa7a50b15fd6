package dev.baton.console.api;

import java.time.Instant;

/**
 * A console login. {@code username} is a roster id, or {@code admin} for the first manager.
 *
 * @param passwordHash a bcrypt hash, or {@link #NO_PASSWORD} until the setup link is used; never the
 *                     password, never logged
 */
public record Account(String username, String passwordHash, Role role, Instant createdAt, Instant passwordSetAt) {

    /** The hash of an account whose person has not yet set a password with their setup link. */
    public static final String NO_PASSWORD = "";

    /** False while the account waits for its setup link to be used: nobody can log into it. */
    public boolean hasPassword() {
        return passwordHash != null && !passwordHash.isEmpty();
    }

    public enum Role {
        AGENT, MANAGER
    }
}
