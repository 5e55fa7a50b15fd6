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
 * @param acknowledgeAfter how long a customer's message may wait for a free thread before Baton shows it is on it
 */
public record DiscordSettings(String guildId, Set<String> supportChannels, String staffChannel,
                              boolean privateThreads, Duration quietGap, Duration acknowledgeAfter) {

    public static final Duration DEFAULT_QUIET_GAP = Duration.ofMinutes(30);
    public static final Duration DEFAULT_ACKNOWLEDGE_AFTER = Duration.ofSeconds(2);

    public DiscordSettings {
        supportChannels = Set.copyOf(supportChannels);
        Objects.requireNonNull(quietGap, "quietGap");
        Objects.requireNonNull(acknowledgeAfter, "acknowledgeAfter");
    }

    public DiscordSettings(String guildId, Set<String> supportChannels, String staffChannel, boolean privateThreads,
                           Duration quietGap) {
        this(guildId, supportChannels, staffChannel, privateThreads, quietGap, DEFAULT_ACKNOWLEDGE_AFTER);
    }

    public static DiscordSettings defaults() {
        return new DiscordSettings(null, Set.of(), null, false, DEFAULT_QUIET_GAP);
    }
}
