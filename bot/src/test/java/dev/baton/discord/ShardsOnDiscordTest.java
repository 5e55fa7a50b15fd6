package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Baton;
import dev.baton.Settings;
import dev.baton.Wiring;
import dev.baton.cluster.ShardRange;
import dev.baton.console.api.DiscordStatus;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.PostedMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baton reaching Discord through JDA's shard manager ({@code BATON_SHARDS}), in process, on its SQLite file. */
class ShardsOnDiscordTest {

    private static final Wiring WIRING = new Wiring();

    @Test
    void withTwoShardsBatonIdentifiesOnEachAnswersInTheGuildsShardAndHealthzSaysWhichItHolds(@TempDir Path dir)
            throws Exception {
        try (FakeDiscord fake = FakeDiscord.start()) {
            fake.recommendShards(2);
            long support = fake.addTextChannel("support");
            long ann = fake.addMember("ann");
            Path config = ConfigForFake.write(fake, dir.resolve("config"), null, List.of(support), 2);
            Map<String, String> env = ConfigForFake.environment(fake, config, dir.resolve("data"), "0", "0-1/2");
            Settings settings = Settings.fromEnvironment(env);
            assertEquals(ShardRange.parse("0-1/2"), settings.shards());
            try (Baton baton = Baton.start(settings, WIRING, Clock.systemUTC())) {
                // JDA identifies one shard at a time, 5 s apart, as Discord's identify limit asks.
                long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                while (fake.identifyCount() < 2 || fake.registeredCommands().isEmpty()) {
                    assertTrue(System.nanoTime() < deadline, "both shards identified within 40 s");
                    Thread.sleep(50);
                }
                long asked = fake.sendMessage(support, ann, "How much does Lumen Plus cost?");
                PostedMessage answer = fake.awaitPostedMessage(p -> p.channelId() == asked, Duration.ofSeconds(15));
                assertTrue(answer.content().length() > 10, answer.content());
                String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + baton.consolePort().getAsInt() + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(health.contains("\"shards\":[0,1]") && health.contains("\"shard_total\":2"), health);
            }
        }
    }

    @Test
    void aShardThatCannotReachDiscordWhenItsLeaseIsTakenIsTriedAgainWhileHeld(@TempDir Path dir) throws Exception {
        try (FakeDiscord fake = FakeDiscord.start()) {
            long support = fake.addTextChannel("support");
            long ann = fake.addMember("ann");
            Path config = ConfigForFake.write(fake, dir.resolve("config"), null, List.of(support), 2);
            Map<String, String> env = ConfigForFake.environment(fake, config, dir.resolve("data"), "off", "0-1/2");
            fake.outage(503, "{\"message\":\"Service Unavailable\",\"code\":0}");
            try (Baton baton = Baton.start(Settings.fromEnvironment(env), WIRING, Clock.systemUTC())) {
                Thread.sleep(1_000);
                assertEquals(0, fake.identifyCount(), "Discord is down");
                fake.endOutage();
                long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                while (fake.identifyCount() < 2 || fake.registeredCommands().isEmpty()) {
                    assertTrue(System.nanoTime() < deadline, "connected once Discord answered again");
                    Thread.sleep(50);
                }
                long asked = fake.sendMessage(support, ann, "How much does Lumen Plus cost?");
                fake.awaitPostedMessage(p -> p.channelId() == asked, Duration.ofSeconds(15));
                assertEquals(DiscordStatus.State.CONNECTED, baton.discordState());
            }
        }
    }
}
