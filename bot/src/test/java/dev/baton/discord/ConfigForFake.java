package dev.baton.discord;

import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.FakeDiscordJda;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A copy of the shipped {@code config/} for a Baton run against a {@link FakeDiscord}: the team's people become
 * members of the fake guild, and {@code discord.yaml} names the fake's support channels (any guild when
 * {@code guildId} is null).
 */
final class ConfigForFake {

    private ConfigForFake() {
    }

    /**
     * The environment of an in-process Baton on {@code config} against {@code fake}, keeping its data in
     * {@code dataDir}, its console on {@code consolePort} ({@code off} for none) and holding {@code shards}; a map
     * the test may add to.
     */
    static Map<String, String> environment(FakeDiscord fake, Path config, Path dataDir, String consolePort,
                                           String shards) {
        Map<String, String> env = new HashMap<>();
        env.put("BATON_CONFIG_DIR", config.toString());
        env.put("BATON_DATA_DIR", dataDir.toString());
        env.put("DISCORD_TOKEN", FakeDiscordJda.TOKEN);
        env.put("BATON_DISCORD_REST_URL", fake.restBaseUrl());
        env.put("BATON_DISCORD_GATEWAY_URL", fake.gatewayUrl());
        env.put("BATON_CONSOLE_PORT", consolePort);
        env.put("BATON_SHARDS", shards);
        return env;
    }

    static Path write(FakeDiscord fake, Path to, String guildId, List<Long> supportChannels, int acknowledgeAfterSeconds) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(Path.of("..", "config"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
            Matcher person = Pattern.compile("discord_user_id: \"\\d+\"").matcher(Files.readString(to.resolve("team.yaml")));
            StringBuilder team = new StringBuilder();
            int staff = 0;
            while (person.find()) {
                person.appendReplacement(team, "discord_user_id: \"" + fake.addMember("staff-" + ++staff) + "\"");
            }
            person.appendTail(team);
            Files.writeString(to.resolve("team.yaml"), team);
            String channels = supportChannels.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ", "[", "]"));
            Files.writeString(to.resolve("discord.yaml"), (guildId == null ? "" : "guild_id: \"" + guildId + "\"\n")
                    + "support_channels: " + channels + "\n"
                    + "staff_channel: \"\"\n"
                    + "private_threads: false\n"
                    + "quiet_gap_minutes: 30\n"
                    + "acknowledge_after_seconds: " + acknowledgeAfterSeconds + "\n");
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
