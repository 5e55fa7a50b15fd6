package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordSettingsLoaderTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("discord.yaml"), yaml);
    }

    @Test
    void theShippedFileLoadsWithItsDefaults() {
        DiscordSettings settings = DiscordSettingsLoader.load(Path.of("..", "config", "discord.yaml"));
        assertEquals(DiscordSettings.defaults(), settings);
    }

    @Test
    void everySettingIsRead() throws IOException {
        DiscordSettings settings = DiscordSettingsLoader.load(file("""
                guild_id: "112233445566778899"
                support_channels: ["223344556677889900", 334455667788990011]
                staff_channel: "445566778899001122"
                private_threads: true
                quiet_gap_minutes: 45
                acknowledge_after_seconds: 5
                """));
        assertEquals("112233445566778899", settings.guildId());
        assertEquals(Set.of("223344556677889900", "334455667788990011"), settings.supportChannels());
        assertEquals("445566778899001122", settings.staffChannel());
        assertTrue(settings.privateThreads());
        assertEquals(Duration.ofMinutes(45), settings.quietGap());
        assertEquals(Duration.ofSeconds(5), settings.acknowledgeAfter());
    }

    @Test
    void everyMistakeIsReportedWithItsLine() throws IOException {
        Path path = file("""
                guild_id: "12345"
                support_chanels: []
                private_threads: yes please
                quiet_gap_minutes: 0
                acknowledge_after_seconds: 0.5
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> DiscordSettingsLoader.load(path));
        assertEquals(5, e.problems().size(), e.getMessage());
        assertEquals(1, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().contains("17 to 20 digits"), e.getMessage());
        assertTrue(e.problems().get(1).message().contains("did you mean `support_channels`"), e.getMessage());
        assertEquals(3, e.problems().get(2).line());
        assertEquals(4, e.problems().get(3).line());
        assertEquals(5, e.problems().get(4).line());
        assertTrue(e.problems().get(4).message().contains("`acknowledge_after_seconds` must be a whole number"),
                e.getMessage());
    }

    @Test
    void theTokenIsNeverPrintedAndTheUrlsAreChecked() {
        DiscordEndpoints endpoints = DiscordEndpoints.fromEnvironment(Map.of("DISCORD_TOKEN", "MTIzNDU2.secret.value",
                "BATON_DISCORD_REST_URL", "http://127.0.0.1:9000/api/v10")).orElseThrow();
        assertTrue(!endpoints.toString().contains("secret"), endpoints.toString());
        assertEquals("http://127.0.0.1:9000/api/v10/", endpoints.restUrl());
        assertEquals(DiscordEndpoints.DEFAULT_GATEWAY_URL, endpoints.gatewayUrl());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> DiscordEndpoints
                .fromEnvironment(Map.of("DISCORD_TOKEN", "x", "BATON_DISCORD_GATEWAY_URL", "http://gw")));
        assertTrue(bad.getMessage().contains("BATON_DISCORD_GATEWAY_URL"), bad.getMessage());
        assertTrue(DiscordEndpoints.fromEnvironment(Map.of()).isEmpty());
    }
}
