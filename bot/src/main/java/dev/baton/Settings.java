package dev.baton;

import dev.baton.discord.DiscordEndpoints;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Startup settings from the environment: where the config and data live, and how to reach Discord.
 * Fixed for the life of the process; the files in the config directory hold everything else.
 *
 * @param discord empty when {@code DISCORD_TOKEN} is not set: Baton then runs without Discord
 */
public record Settings(Path configDir, Path dataDir, Optional<DiscordEndpoints> discord) {

    public static Settings fromEnvironment(Map<String, String> env) {
        return new Settings(path(env, "BATON_CONFIG_DIR", "config"), path(env, "BATON_DATA_DIR", "data"),
                DiscordEndpoints.fromEnvironment(env));
    }

    public Path databaseFile() {
        return dataDir.resolve("baton.db");
    }

    private static Path path(Map<String, String> env, String name, String fallback) {
        String value = env.getOrDefault(name, "").strip();
        return Path.of(value.isEmpty() ? fallback : value);
    }
}
