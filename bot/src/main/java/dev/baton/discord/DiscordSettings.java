package dev.baton.discord;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Where Baton listens and how it talks in the server, from {@code config/discord.yaml}.
 *
 * @param guildId         the server Baton serves, or {@code null} for every server it is in
 * @param supportChannels text and forum channels where Baton answers every customer message
 * @param staffChannel    where Baton posts a short note for each handoff, or {@code null}
 * @param privateThreads  start private threads (only the customer, the person and moderators see them)
 * @param quietGap        silence after which a customer's next message starts a new conversation
 */
public record DiscordSettings(String guildId, Set<String> supportChannels, String staffChannel,
                              boolean privateThreads, Duration quietGap) {

    public static final Duration DEFAULT_QUIET_GAP = Duration.ofMinutes(30);

    public DiscordSettings {
        supportChannels = Set.copyOf(supportChannels);
        Objects.requireNonNull(quietGap, "quietGap");
    }

    public static DiscordSettings defaults() {
        return new DiscordSettings(null, Set.of(), null, false, DEFAULT_QUIET_GAP);
    }
}
