package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's failover, on loopback: two Batons, each its own process, on one PostgreSQL schema against the fake
 * Discord (in this JVM). One holds the gateway's only shard, the other stands by. 100 customers write in #support
 * while the holder is killed with {@code kill -9}; the standby takes the shard over, catches up from Discord's
 * history, and every customer message is stored once and gets exactly one reply (an answer, a small-talk reply or a
 * handoff notice), none lost and none doubled. Prints the takeover time. Skipped without PostgreSQL.
 */
class FailoverOnDiscordTest {

    private static final int CUSTOMERS = 100;
    /** Messages go out over this long, so some reach nobody, some the new holder live. */
    private static final Duration SENDING = Duration.ofSeconds(10);
    private static final int KILL_AFTER = 20;
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration ANSWERED = Duration.ofSeconds(45);
    private static final String[] LINES = {
        "How much does Lumen Plus cost?",
        "Where can I download Lumen?",
        "Which printers does Lumen support?",
        "hi everyone, I'm new here",
        "This is ridiculous, I've been charged twice and nobody answers. Fix it NOW.",
        "What are the system requirements for Lumen Slicer?",
        "Absolutely unacceptable. I want my money back today or I'm reporting you.",
        "hello!"};

    @Test
    void whenTheHolderIsKilledTheStandbyTakesOverAndEveryCustomerGetsExactlyOneReply(@TempDir Path dir)
            throws Exception {
        DatabaseLocation.Postgres database = TestDatabases.freshPostgres();
        List<BatonProcess> instances = new ArrayList<>();
        try (FakeDiscord fake = FakeDiscord.start()) {
            long support = fake.addTextChannel("support");
            long[] customers = new long[CUSTOMERS];
            for (int i = 0; i < CUSTOMERS; i++) {
                customers[i] = fake.addMember("customer-" + i);
            }
            Path config = ConfigForFake.write(fake, dir.resolve("config"), String.valueOf(FakeDiscord.GUILD_ID),
                    List.of(support), 60);
            for (String name : List.of("a", "b")) {
                instances.add(BatonProcess.start(name, fake, database, config, dir, Map.of()));
            }
            long startedAt = System.nanoTime();
            List<BatonProcess> roles = BatonProcess.holderThenStandby(instances, fake, START);
            BatonProcess holder = roles.get(0);
            BatonProcess standby = roles.get(1);
            System.out.printf(Locale.ROOT, "both Batons up after %.1f s; %s holds the shard, %s stands by%n",
                    (System.nanoTime() - startedAt) / 1e9, holder.name(), standby.name());
            assertTrue(standby.health().orElseThrow().contains("\"shards\":[]"), "the standby holds nothing");

            int identifiesBefore = fake.identifyCount();
            long[] sent = new long[CUSTOMERS];
            long killedAt = 0;
            // baton.failover.pauseMillis sends faster, so more messages are in flight at the kill.
            long pause = Long.getLong("baton.failover.pauseMillis", SENDING.toMillis() / CUSTOMERS);
            for (int i = 0; i < CUSTOMERS; i++) {
                if (i == KILL_AFTER) {
                    holder.kill(); // SIGKILL: no clean stop, no lease released
                    killedAt = System.nanoTime();
                    System.out.println("killed " + holder.name() + " (kill -9) after " + i + " messages at " + java.time.Instant.now());
                }
                sent[i] = fake.sendMessage(support, customers[i], LINES[i % LINES.length]);
                Thread.sleep(pause);
            }
            long deadline = System.nanoTime() + ANSWERED.toNanos();
            double takeover = Double.NaN;
            while (System.nanoTime() < deadline && unanswered(fake, support, sent) > 0) {
                if (Double.isNaN(takeover) && fake.identifyCount() > identifiesBefore) {
                    takeover = (System.nanoTime() - killedAt) / 1e9;
                }
                Thread.sleep(50);
            }
            if (Double.isNaN(takeover) && fake.identifyCount() > identifiesBefore) {
                takeover = (System.nanoTime() - killedAt) / 1e9;
            }
            double allAnswered = (System.nanoTime() - killedAt) / 1e9;
            Thread.sleep(2_000); // a doubled reply would arrive about now
            Map<Long, Integer> replies = replies(fake, support, sent);
            System.out.printf(Locale.ROOT, "takeover: %s's IDENTIFY %.1f s after the kill; every message answered"
                    + " %.1f s after the kill%n", standby.name(), takeover, allAnswered);
            for (String line : standby.lines("took shard|connecting shard|caught up|disconnected")) {
                System.out.println("  " + standby.name() + ": " + line);
            }

            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                int count = replies.getOrDefault(sent[i], 0);
                if (count != 1) {
                    wrong.add("customer " + i + " (\"" + LINES[i % LINES.length] + "\", message " + sent[i] + "): "
                            + count + " replies");
                }
            }
            assertTrue(wrong.isEmpty(), wrong.size() + " customers without exactly one reply:\n  "
                    + String.join("\n  ", wrong) + "\n" + standby.name() + "'s log:\n" + standby.tail(60));
            assertTrue(takeover <= 15, "taken over in " + takeover + " s, more than 15 s");
            assertTrue(standby.health().orElseThrow().contains("\"shards\":[0]"), "the survivor says it holds the shard");

            try (Connection c = DriverManager.getConnection(database.url()); Statement s = c.createStatement()) {
                int stored = 0;
                for (long id : sent) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM messages WHERE discord_id = '" + id + "'")) {
                        rs.next();
                        assertEquals(1, rs.getInt(1), "message " + id + " stored once");
                        stored++;
                    }
                }
                assertEquals(CUSTOMERS, stored);
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (SELECT conversation_id FROM handoffs"
                        + " GROUP BY conversation_id HAVING COUNT(*) > 1) doubled")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "no conversation was handed off twice");
                }
                // A reply without the "Talk to a person" button is a handoff notice; each has its stored handoff,
                // which is what every instance's console lists (they share the database).
                long notices = fake.postedMessages().stream().filter(p -> replies.containsKey(p.channelId())
                        && p.components().isEmpty() && !p.content().equals(BatonListener.ONE_MOMENT)).count();
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM handoffs")) {
                    rs.next();
                    assertEquals(notices, rs.getLong(1), "one stored handoff per handoff notice");
                    System.out.println(notices + " of the " + CUSTOMERS + " were handed off, each stored once");
                }
                // The survivor's console lists every one of them, the dead instance's included.
                Set<Long> handoffIds = new TreeSet<>();
                try (ResultSet rs = s.executeQuery("SELECT id FROM handoffs")) {
                    while (rs.next()) {
                        handoffIds.add(rs.getLong(1));
                    }
                }
                ConsoleClient admin = ConsoleClient.logIn("http://127.0.0.1:" + standby.consolePort(), "admin",
                        BatonProcess.ADMIN_PASSWORD);
                Set<Long> listed = new TreeSet<>();
                admin.get("/api/queue").get("entries").forEach(entry -> listed.add(entry.get("id").asLong()));
                assertEquals(handoffIds, listed, "the survivor's console lists every handoff");
            }
        } finally {
            for (BatonProcess instance : instances) {
                instance.stop();
            }
        }
    }

    /** Customer messages with no reply yet. */
    private static long unanswered(FakeDiscord fake, long support, long[] sent) {
        Map<Long, Integer> replies = replies(fake, support, sent);
        long missing = 0;
        for (long id : sent) {
            if (replies.getOrDefault(id, 0) == 0) {
                missing++;
            }
        }
        return missing;
    }

    /**
     * The bot's posts per customer message: in the thread started from it (the thread has the message's id), or in
     * the channel as a reply to it. "One moment" notices are not replies.
     */
    private static Map<Long, Integer> replies(FakeDiscord fake, long support, long[] sent) {
        Map<Long, Integer> counts = new HashMap<>();
        for (long id : sent) {
            counts.put(id, 0);
        }
        for (PostedMessage posted : fake.postedMessages()) {
            if (posted.content().equals(BatonListener.ONE_MOMENT)) {
                continue;
            }
            Long about = counts.containsKey(posted.channelId()) ? Long.valueOf(posted.channelId())
                    : posted.channelId() == support && posted.replyToMessageId() != null
                    && counts.containsKey(posted.replyToMessageId()) ? posted.replyToMessageId() : null;
            if (about != null) {
                counts.merge(about, 1, Integer::sum);
            }
        }
        return counts;
    }
}
