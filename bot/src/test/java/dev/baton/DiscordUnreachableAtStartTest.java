package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.discord.DiscordConnection;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.text.HashingEmbedder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DISCORD_TOKEN is set but Discord does not answer at start: Baton still serves the console, says
 * {@code reconnecting} on /healthz, and connects (and answers) once Discord is back.
 */
class DiscordUnreachableAtStartTest {

    private static final String OUTAGE = "{\"message\":\"Service Unavailable\",\"code\":0}";
    private static final DiscordConnection.Backoff FAST = new DiscordConnection.Backoff(Duration.ofMillis(200),
            Duration.ofSeconds(1));

    @Test
    void batonStartsWhileDiscordIsDownAndConnectsWhenItIsBack(@TempDir Path dir) throws Exception {
        try (FakeDiscord fake = FakeDiscord.start()) {
            long support = fake.addTextChannel("support");
            long ann = fake.addMember("ann");
            Path config = config(dir.resolve("config"), support);
            Settings settings = Settings.fromEnvironment(Map.of("BATON_CONFIG_DIR", config.toString(),
                    "BATON_DATA_DIR", dir.resolve("data").toString(), "BATON_CONSOLE_PORT", "0",
                    "DISCORD_TOKEN", "fake-token", "BATON_DISCORD_REST_URL", fake.restBaseUrl(),
                    "BATON_DISCORD_GATEWAY_URL", fake.gatewayUrl()));
            fake.outage(503, OUTAGE);

            try (Baton baton = Baton.start(settings, new Wiring(new HashingEmbedder()), Clock.systemUTC(), FAST)) {
                int port = baton.consolePort().orElseThrow();
                assertEquals("reconnecting", discordOnHealthz(port));

                fake.endOutage();
                awaitHealthz(port, "connected");
                long asked = fake.sendMessage(support, ann, "Where can I download Lumen?");
                PostedMessage reply = fake.awaitPostedMessage(p -> true, Duration.ofSeconds(15));
                assertFalse(reply.content().isBlank(), () -> "Baton answers message " + asked + " once connected");
            }
        }
    }

    @Test
    void withoutATokenHealthzSaysDiscordIsOff(@TempDir Path dir) throws Exception {
        Settings settings = Settings.fromEnvironment(Map.of("BATON_CONFIG_DIR", "../config",
                "BATON_DATA_DIR", dir.toString(), "BATON_CONSOLE_PORT", "0"));
        try (Baton baton = Baton.start(settings, new Wiring(new HashingEmbedder()), Clock.systemUTC())) {
            assertEquals("off", discordOnHealthz(baton.consolePort().orElseThrow()));
        }
    }

    private static Path config(Path config, long support) throws IOException {
        Files.createDirectories(config);
        try (Stream<Path> files = Files.list(Path.of("..", "config"))) {
            for (Path file : files.toList()) {
                Files.copy(file, config.resolve(file.getFileName()));
            }
        }
        Files.writeString(config.resolve("discord.yaml"), "guild_id: \"" + FakeDiscord.GUILD_ID + "\"\n"
                + "support_channels: [\"" + support + "\"]\n");
        return config;
    }

    private static void awaitHealthz(int port, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String seen = discordOnHealthz(port);
        while (!expected.equals(seen) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = discordOnHealthz(port);
        }
        assertEquals(expected, seen);
    }

    private static String discordOnHealthz(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return new ObjectMapper().readTree(response.body()).path("discord").asText();
    }
}
