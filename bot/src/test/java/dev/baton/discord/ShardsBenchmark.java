package dev.baton.discord;

import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's throughput with shards, on PostgreSQL: two guilds, one on each of two shards; first one Baton process
 * holding both shards ({@code BATON_SHARDS=0-1/2}), then two holding one each ({@code 0/2} and {@code 1/2}), each run
 * on a fresh fake Discord and a fresh schema. After a warm-up burst, {@code baton.shards.perGuild} customers per guild
 * (150) each ask one question at once; throughput is the messages over the time from the first send to the last
 * reply, with the reply latency (the fake wrote MESSAGE_CREATE → Baton's reply reached it) at p50 and p99. Skipped
 * without PostgreSQL.
 */
@Tag("benchmark")
class ShardsBenchmark {

    private static final int PER_GUILD = Integer.getInteger("baton.shards.perGuild", 150);
    private static final int WARM_UP = 20;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration ANSWERED = Duration.ofSeconds(120);
    private static final String[] LINES = {
        "How much does Lumen Plus cost?",
        "Where can I download Lumen?",
        "Which printers does Lumen support?",
        "hi everyone, I'm new here",
        "What are the system requirements for Lumen Slicer?",
        "hello!"};

    @Test
    void twoInstancesHoldingOneShardEachAgainstOneHoldingBoth(@TempDir Path dir) throws Exception {
        TestDatabases.freshPostgres(); // skips here without a server
        Result one = run(dir.resolve("one"), List.of("0-1/2"), List.of("[0,1]"));
        Result two = run(dir.resolve("two"), List.of("0/2", "1/2"), List.of("[0]", "[1]"));
        System.out.println("shards benchmark: " + 2 * PER_GUILD + " customers, " + PER_GUILD + " per guild, one"
                + " question each at once, on PostgreSQL, " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println("  one instance holding both shards:    " + one);
        System.out.println("  two instances holding one shard each: " + two);
    }

    private record Result(double messagesPerSecond, double p50Millis, double p99Millis, int messages, int lost) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f messages/s, reply latency p50 %.0f ms, p99 %.0f ms (%d messages,"
                    + " %d without a reply)", messagesPerSecond, p50Millis, p99Millis, messages, lost);
        }
    }

    private Result run(Path dir, List<String> shardSettings, List<String> expectedShards) throws Exception {
        DatabaseLocation.Postgres database = TestDatabases.freshPostgres();
        List<BatonProcess> instances = new ArrayList<>();
        try (FakeDiscord fake = FakeDiscord.start()) {
            fake.recommendShards(2);
            long second = fake.addGuild();
            if (FakeDiscord.shardOf(FakeDiscord.GUILD_ID, 2) == FakeDiscord.shardOf(second, 2)) {
                throw new AssertionError("the two guilds must be on different shards");
            }
            long[] channels = {fake.addTextChannel("support"), fake.addTextChannel(second, "support")};
            long[] customers = new long[2 * (WARM_UP + PER_GUILD)];
            for (int i = 0; i < customers.length; i++) {
                customers[i] = fake.addMember("customer-" + i);
            }
            Path config = ConfigForFake.write(fake, dir.resolve("config"), null,
                    Arrays.stream(channels).boxed().toList(), 60);
            for (int i = 0; i < shardSettings.size(); i++) {
                instances.add(BatonProcess.start("shards-" + shardSettings.get(i).replace('/', '-'), fake, database,
                        config, dir, Map.of("BATON_SHARDS", shardSettings.get(i))));
            }
            long started = System.nanoTime();
            while (!ready(instances, expectedShards) || fake.registeredCommands().isEmpty()) {
                instances.forEach(BatonProcess::requireAlive);
                if (System.nanoTime() - started > START.toNanos()) {
                    throw new AssertionError("not ready within " + START + ":\n" + instances.get(0).tail(30));
                }
                Thread.sleep(100);
            }
            Thread.sleep(2_000); // both shards' catch-up done
            Map<Long, PostedMessage> replies = new ConcurrentHashMap<>();
            fake.onPostedMessage(posted -> replies.putIfAbsent(posted.channelId(), posted));

            long[] warm = send(fake, channels, customers, 0, WARM_UP);
            awaitReplies(replies, warm, ANSWERED);
            long first = System.nanoTime();
            long[] measured = send(fake, channels, customers, 2 * WARM_UP, PER_GUILD);
            int lost = awaitReplies(replies, measured, ANSWERED);
            long last = Arrays.stream(measured).filter(replies::containsKey)
                    .map(id -> replies.get(id).receivedNanos()).max().orElse(first);
            double[] latencies = Arrays.stream(measured).filter(replies::containsKey)
                    .mapToDouble(id -> (replies.get(id).receivedNanos() - fake.dispatchNanos(id)) / 1e6).sorted().toArray();
            return new Result((measured.length - lost) / ((last - first) / 1e9), percentile(latencies, 0.5),
                    percentile(latencies, 0.99), measured.length, lost);
        } finally {
            for (BatonProcess instance : instances) {
                instance.stop();
            }
        }
    }

    private static boolean ready(List<BatonProcess> instances, List<String> expectedShards) {
        for (int i = 0; i < instances.size(); i++) {
            if (!instances.get(i).holds(expectedShards.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code perGuild} customers in each guild's channel, alternating guilds, each asking once; their message ids. */
    private static long[] send(FakeDiscord fake, long[] channels, long[] customers, int from, int perGuild) {
        long[] sent = new long[2 * perGuild];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = fake.sendMessage(channels[i % 2], customers[from + i], LINES[(i / 2) % LINES.length]);
        }
        return sent;
    }

    /** Waits until each message has a reply in its thread (the thread has the message's id); how many did not. */
    private static int awaitReplies(Map<Long, PostedMessage> replies, long[] sent, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && Arrays.stream(sent).anyMatch(id -> !replies.containsKey(id))) {
            Thread.sleep(10);
        }
        return (int) Arrays.stream(sent).filter(id -> !replies.containsKey(id)).count();
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
