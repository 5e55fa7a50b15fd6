package dev.baton.console.api;

import java.time.Instant;

/**
 * A console login. {@code username} is a roster id, or {@code admin} for the first manager.
 *
 * @param passwordHash a bcrypt hash; never the password, never logged
 */
public record Account(String username, String passwordHash, Role role, Instant createdAt, Instant passwordSetAt) {

    public enum Role {
        AGENT, MANAGER
    }
}
