package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.browser.ConsoleClient;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Batons, each its own process, on one PostgreSQL schema against the fake Discord: one holds the only shard,
 * the other stands by and serves the console too (behind one URL, a staff reply may land on either). A reply sent
 * through the standby's console reaches the customer's thread, posted once by the holder. Skipped without
 * PostgreSQL.
 */
class RelayOnDiscordTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final String ALEX_PASSWORD = "violet kettle northern quarry 42";
    private static final String HELLO = "Hi Ann, Alex here. I've refunded the second charge.";

    @Test
    void aReplyThroughTheStandbysConsoleIsPostedInTheCustomersThreadByTheHolder(@TempDir Path dir) throws Exception {
        DatabaseLocation.Postgres database = TestDatabases.freshPostgres();
        List<BatonProcess> instances = new ArrayList<>();
        try (FakeDiscord fake = FakeDiscord.start()) {
            long support = fake.addTextChannel("support");
            long ann = fake.addMember("ann");
            Path config = ConfigForFake.write(fake, dir.resolve("config"), String.valueOf(FakeDiscord.GUILD_ID),
                    List.of(support), 60);
            for (String name : List.of("a", "b")) {
                instances.add(BatonProcess.start(name, fake, database, config, dir, Map.of()));
            }
            BatonProcess standby = BatonProcess.holderThenStandby(instances, fake, START).get(1);

            long question = fake.sendMessage(support, ann, "I want to speak to a real person about billing.");
            long handoff = awaitHandoff(database);
            fake.awaitPostedMessage(p -> p.channelId() == question, Duration.ofSeconds(20)); // the handoff notice

            String console = "http://127.0.0.1:" + standby.consolePort();
            ConsoleClient admin = ConsoleClient.logIn(console, "admin", BatonProcess.ADMIN_PASSWORD);
            String link = admin.post("/api/accounts", Map.of("username", "alex", "role", "manager"))
                    .get("setupUrl").asText();
            ConsoleClient alex = ConsoleClient.anonymous(console);
            alex.setUp(link.substring(link.indexOf("token=") + "token=".length()), ALEX_PASSWORD);

            long started = System.nanoTime();
            JsonNode outcome = alex.post("/api/handoffs/" + handoff + "/reply", Map.of("text", HELLO));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertTrue(outcome.get("delivered").asBoolean(), outcome::toString);
            assertEquals("webhook", outcome.get("via").asText(), outcome::toString);
            PostedMessage posted = fake.awaitPostedMessage(p -> p.channelId() == question && p.content().equals(HELLO),
                    Duration.ofSeconds(5));
            assertEquals("Alex", posted.authorName());
            Thread.sleep(1_000); // a second post would come about now
            assertEquals(1, fake.postedMessages().stream()
                    .filter(p -> p.channelId() == question && p.content().equals(HELLO)).count(), "posted once");
            System.out.println("a console reply through the standby, relayed to the holder: " + tookMillis + " ms");
        } finally {
            for (BatonProcess instance : instances) {
                instance.stop();
            }
        }
    }

    private static long awaitHandoff(DatabaseLocation.Postgres database) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (Connection c = DriverManager.getConnection(database.url()); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("SELECT id FROM handoffs ORDER BY id")) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("no handoff stored within 20 s");
    }
}
