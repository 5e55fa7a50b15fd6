package dev.baton.console.api;

import java.time.Instant;
import java.util.List;

/**
 * A conversation to try, and where it happens.
 *
 * @param channel a channel id, or a channel name from {@code rules.yaml}; null or blank for a DM
 * @param roles   the customer's Discord role names
 * @param at      when it happens (time-of-day rules); null for now
 */
public record TryItInput(List<PlaygroundMessage> messages, String channel, List<String> roles, Instant at) {

    public TryItInput {
        messages = List.copyOf(messages);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
