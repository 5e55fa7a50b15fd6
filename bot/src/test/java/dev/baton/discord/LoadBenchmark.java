package dev.baton.discord;

import dev.baton.discord.fake.EchoBot;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.FakeDiscordJda;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.discord.fake.RecordedRequest;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.knowledge.KnowledgeEntry;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.dv8tion.jda.api.JDA;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's load test of the real jar: {@code bot/target/baton.jar} runs as its own process against
 * the wire-level {@link FakeDiscord} on loopback, and N customers in M support channels talk to it for
 * a fixed time, at a fixed rate or flat out. Prints throughput, latency percentiles (the fake wrote
 * the MESSAGE_CREATE frame → Baton's reply request reached the fake), lost and doubled replies, the
 * messages in flight and Baton's RSS every 10 s, and draws latency and RSS over time as a PNG.
 * A short echo-bot phase on its own fake, with the same message stream, gives the floor to compare with.
 *
 * <p>Settings (system properties): {@code baton.load.customers} (16), {@code baton.load.channels} (4, at
 * least 2: the first half are text channels, the rest forums), {@code baton.load.rate} (messages/s, or
 * {@code max} for flat out: each customer's next message goes as soon as the last one is answered;
 * default {@code max}), {@code baton.load.seconds} (60), {@code baton.load.echoSeconds} (10, 0 skips the
 * echo phase), {@code baton.load.png} ({@code docs/load-latency-rss.png}, relative to the repository),
 * {@code baton.load.jvmArgs} (extra JVM options for Baton's process, space-separated; none by default,
 * like {@code java -jar}), {@code baton.load.histogram} ({@code true} prints Baton's 25 largest classes
 * of live objects at the end, from {@code jcmd}). Capped at {@value #MAX_SECONDS} s, {@value #MAX_CUSTOMERS} customers and
 * {@value #MAX_MESSAGES} messages.
 *
 * <p>The mix is built so that every message sent should get exactly one reply. Each customer runs one
 * conversation at a time: an opener (a knowledge-base question, or small talk), zero to three more
 * questions in its thread, and sometimes an angry or grieving last message. A customer's first
 * conversation starts with a message in their text channel (Baton starts a thread from it, so the
 * thread id is the message id); later ones are forum posts (each post its own conversation, since a
 * customer's next message in the same text channel would join the earlier conversation). A reply
 * without the "Talk to a person" button is a handoff notice: Baton is silent in a handed-off
 * conversation, so nothing more is sent there and the customer starts a new one. A customer never has
 * more than one message waiting, so a reply in a conversation answers its one waiting message; a
 * reply with none waiting is counted as doubled, a message without a reply within
 * {@value #REPLY_TIMEOUT_SECONDS} s as lost.
 */
@Tag("benchmark")
class LoadBenchmark {

    private static final Path JAR = Path.of("target", "baton.jar");
    private static final Path REPOSITORY = Path.of("..");
    private static final int MAX_SECONDS = 900;
    private static final int MAX_CUSTOMERS = 5000;
    private static final int MAX_CHANNELS = 50;
    private static final double MAX_RATE = 2000;
    private static final int MAX_MESSAGES = 200_000;
    private static final int REPLY_TIMEOUT_SECONDS = 10;
    private static final long REPLY_TIMEOUT = TimeUnit.SECONDS.toNanos(REPLY_TIMEOUT_SECONDS);
    private static final long WINDOW = TimeUnit.SECONDS.toNanos(10);
    /** RSS is drawn from a sample every 2 s (and printed every 10 s). */
    private static final long RSS_SAMPLE = TimeUnit.SECONDS.toNanos(2);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** What Baton posts to a customer whose message waits in its queue (BatonListener.ONE_MOMENT). */
    private static final String ONE_MOMENT = BatonListener.ONE_MOMENT;
    /** What Baton leaves in a public thread when a handoff moves the conversation to a private one. */
    private static final Pattern MOVED = Pattern.compile("^<@\\d+> I've moved this to (a private thread|a thread): ");
    private static final String BUTTON = "baton:human:";
    private static final long SEED = 16;

    @Test
    void loadTheJar() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "no bot/target/baton.jar to load-test: build it first with"
                + " `mvn -B -q -o package -DskipTests -pl bot -am`");
        System.setProperty("java.awt.headless", "true");
        Load load = Load.fromProperties();
        Mix mix = Mix.load(REPOSITORY.resolve("config").resolve("knowledge.yaml"));
        System.out.println("load test: " + load);

        Phase echo = null;
        if (load.echoSeconds() > 0) {
            echo = runEcho(load, mix);
            System.out.println(echo.summary("echo bot"));
        }
        BatonRun baton = runBaton(load, mix);
        System.out.println(baton.phase.summary("Baton"));
        System.out.println(String.format(Locale.ROOT, "start-up: IDENTIFY after %.2f s, slash commands registered"
                + " (ready) after %.2f s", baton.identifySeconds, baton.readySeconds));
        if (echo != null) {
            Stats e = echo.all();
            Stats b = Stats.of(baton.phase.afterFirstWindow);
            System.out.println(String.format(Locale.ROOT, "echo (whole phase) vs Baton (after its first 10 s):"
                    + " p50 %.1f vs %.1f ms, p99 %.1f vs %.1f ms; target p99 <= 2 x echo p99 + 8 ms = %.1f ms: %s",
                    e.p50, b.p50, e.p99, b.p99,
                    2 * e.p99 + 8, b.p99 <= 2 * e.p99 + 8 ? "met" : "missed"));
        }
        baton.metrics.forEach(line -> System.out.println("  /metrics " + line));
        Path png = chart(load, baton.phase, echo);
        System.out.println("chart: " + png.toAbsolutePath().normalize());
    }

    // ------------------------------------------------------------------------------------ settings

    /** @param rate messages per second; 0 means flat out */
    private record Load(int customers, int channels, double rate, int seconds, int echoSeconds, Path png,
                        List<String> jvmArgs) {

        static Load fromProperties() {
            int customers = clamp(Integer.getInteger("baton.load.customers", 16), 1, MAX_CUSTOMERS);
            int channels = clamp(Integer.getInteger("baton.load.channels", 4), 2, MAX_CHANNELS);
            String rateText = System.getProperty("baton.load.rate", "max").strip();
            double rate = rateText.equalsIgnoreCase("max") ? 0 : Math.min(MAX_RATE, Double.parseDouble(rateText));
            if (rate < 0) {
                throw new IllegalArgumentException("baton.load.rate must be positive or `max`: " + rateText);
            }
            int seconds = clamp(Integer.getInteger("baton.load.seconds", 60), 1, MAX_SECONDS);
            int echoSeconds = clamp(Integer.getInteger("baton.load.echoSeconds", 10), 0, MAX_SECONDS);
            Path png = Path.of(System.getProperty("baton.load.png", "docs/load-latency-rss.png"));
            String jvm = System.getProperty("baton.load.jvmArgs", "").strip();
            return new Load(customers, channels, rate, seconds, echoSeconds,
                    png.isAbsolute() ? png : REPOSITORY.resolve(png),
                    jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")));
        }

        String rateText() {
            return rate == 0 ? "flat out" : String.format(Locale.ROOT, "%.0f msg/s", rate);
        }

        @Override
        public String toString() {
            return customers + " customers in " + channels + " channels, " + rateText() + ", " + seconds
                    + " s (echo phase " + echoSeconds + " s)" + (jvmArgs.isEmpty() ? "" : ", JVM " + jvmArgs);
        }

        private static int clamp(int value, int min, int max) {
            return Math.max(min, Math.min(max, value));
        }
    }

    // ---------------------------------------------------------------------------------------- mix

    private enum Kind { QUESTION, SMALL_TALK, ANGRY, GRIEVING }

    private record Line(Kind kind, String text, KnowledgeEntry entry) {
    }

    /** The texts customers write, and how conversations are put together from them. */
    private static final class Mix {
        private static final String[] GREETINGS = {"", "Hi! ", "Hello, ", "Hey there. ", "Quick one: ", "Hey, "};
        private static final String[] SIGN_OFFS = {"", " Thanks!", " Thank you.", " Cheers"};
        private static final String[] SMALL_TALK = {"hi everyone, I'm new here", "hello!", "hey Baton, how are you?",
                "good morning all", "Hi, just joined the server :)", "hey there, nice to meet you"};
        private static final String[] ANGRY = {
                "This is ridiculous, I've been charged twice and nobody answers. Fix it NOW.",
                "Your firmware bricked my printer and I am furious. This is a scam.",
                "I'm so done with this garbage app, third time it crashed mid-print and ruined a 12 hour job!!",
                "Absolutely unacceptable. I want my money back today or I'm reporting you.",
                "Why does nobody here ever answer?? Worst support I have ever seen."};
        private static final String[] GRIEVING = {
                "My dad passed away last week and the printer was his. I don't know how to cancel his Lumen Plus.",
                "Sorry if this is a weird place to ask, my wife died recently and I need to close her account.",
                "We lost our son last month. He used Lumen for his projects and I just want to keep his files.",
                "My best friend died and his account still bills every month, I can't bear to look at it."};

        private final List<KnowledgeEntry> entries;

        private Mix(List<KnowledgeEntry> entries) {
            this.entries = entries;
        }

        static Mix load(Path knowledge) {
            KnowledgeBase kb = KnowledgeBaseLoader.load(knowledge);
            return new Mix(kb.entries().stream().filter(e -> !e.questions().isEmpty()).toList());
        }

        /** One conversation: 75 % open with a question, 25 % with small talk; 0–3 more; 12 % angry, 8 % grieving. */
        Deque<Line> conversation(Random random) {
            Deque<Line> lines = new ArrayDeque<>();
            KnowledgeEntry last = null;
            if (random.nextInt(100) < 25) {
                lines.add(new Line(Kind.SMALL_TALK, pick(random, SMALL_TALK), null));
            } else {
                lines.add(question(random, null));
                last = lines.getLast().entry();
            }
            int more = random.nextInt(4);
            for (int i = 0; i < more; i++) {
                lines.add(question(random, last));
                last = lines.getLast().entry();
            }
            int ending = random.nextInt(100);
            if (ending < 12) {
                lines.add(new Line(Kind.ANGRY, pick(random, ANGRY), null));
            } else if (ending < 20) {
                lines.add(new Line(Kind.GRIEVING, pick(random, GRIEVING), null));
            }
            return lines;
        }

        /** A phrasing of another entry than {@code not} (a follow-up, not a re-ask), with greeting and sign-off. */
        private Line question(Random random, KnowledgeEntry not) {
            KnowledgeEntry entry;
            do {
                entry = entries.get(random.nextInt(entries.size()));
            } while (entry == not && entries.size() > 1);
            String phrasing = entry.questions().get(random.nextInt(entry.questions().size()));
            return new Line(Kind.QUESTION, pick(random, GREETINGS) + phrasing + pick(random, SIGN_OFFS), entry);
        }

        /** The entry whose answer a reply carries, if any. */
        KnowledgeEntry answered(String content) {
            for (KnowledgeEntry entry : entries) {
                String answer = entry.answer().strip();
                if (content.startsWith(answer.substring(0, Math.min(60, answer.length())))) {
                    return entry;
                }
            }
            return null;
        }

        private static String pick(Random random, String[] from) {
            return from[random.nextInt(from.length)];
        }
    }

    // -------------------------------------------------------------------------------------- world

    /** The guild on a fake: text channels and forums, and the customers with their home channels. */
    private static final class Guild {
        final FakeDiscord fake;
        final long[] texts;
        final long[] forums;
        final long[] customers;

        Guild(FakeDiscord fake, Load load) {
            this.fake = fake;
            int textCount = (load.channels() + 1) / 2;
            texts = new long[textCount];
            forums = new long[load.channels() - textCount];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = fake.addTextChannel("support-" + (i + 1));
            }
            for (int i = 0; i < forums.length; i++) {
                forums[i] = fake.addForumChannel("help-forum-" + (i + 1));
            }
            customers = new long[load.customers()];
            for (int i = 0; i < customers.length; i++) {
                customers[i] = fake.addMember("customer-" + i);
            }
        }

        List<Long> supportChannels() {
            List<Long> all = new ArrayList<>();
            Arrays.stream(texts).forEach(all::add);
            Arrays.stream(forums).forEach(all::add);
            return all;
        }
    }

    // -------------------------------------------------------------------------------------- phases

    private Phase runEcho(Load load, Mix mix) throws InterruptedException {
        try (FakeDiscord fake = FakeDiscord.start()) {
            Guild guild = new Guild(fake, load);
            EchoBot echo = new EchoBot();
            JDA jda = FakeDiscordJda.connect(fake, echo);
            try {
                Driver driver = new Driver(guild, load, mix, true, null, null);
                return driver.run(load.echoSeconds());
            } finally {
                FakeDiscordJda.shutdown(jda);
            }
        }
    }

    private record BatonRun(Phase phase, double identifySeconds, double readySeconds, List<String> metrics) {
    }

    private BatonRun runBaton(Load load, Mix mix) throws IOException, InterruptedException {
        Path temp = Files.createTempDirectory("baton-load-");
        Process process = null;
        try (FakeDiscord fake = FakeDiscord.start()) {
            Guild guild = new Guild(fake, load);
            Path config = temp.resolve("config");
            Path data = Files.createDirectories(temp.resolve("data"));
            copyConfig(REPOSITORY.resolve("config"), config, guild);
            int consolePort = freePort();
            int metricsPort = freePort();
            while (metricsPort == consolePort) {
                metricsPort = freePort();
            }
            Path log = log(temp);
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(load.jvmArgs());
            command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "--config", config.toString(),
                    "--data", data.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("BATON_") || k.equals("DISCORD_TOKEN"));
            env.put("DISCORD_TOKEN", FakeDiscordJda.TOKEN);
            env.put("BATON_DISCORD_REST_URL", fake.restBaseUrl());
            env.put("BATON_DISCORD_GATEWAY_URL", fake.gatewayUrl());
            env.put("BATON_CONSOLE_PORT", String.valueOf(consolePort));
            env.put("BATON_METRICS_PORT", String.valueOf(metricsPort));
            env.put("BATON_ADMIN_PASSWORD", "load-test-admin-password-16");

            long started = System.nanoTime();
            process = builder.start();
            double identify = Double.NaN;
            while (fake.registeredCommands().isEmpty()) {
                if (Double.isNaN(identify) && fake.identifyCount() > 0) {
                    identify = (System.nanoTime() - started) / 1e9;
                }
                if (!process.isAlive() || System.nanoTime() - started > START_TIMEOUT.toNanos()) {
                    throw new AssertionError("Baton did not get ready within " + START_TIMEOUT + " (alive: "
                            + process.isAlive() + "); its log:\n" + tail(log, 40));
                }
                Thread.sleep(5);
            }
            double ready = (System.nanoTime() - started) / 1e9;
            if (Double.isNaN(identify)) {
                identify = ready;
            }
            System.out.println(String.format(Locale.ROOT, "Baton (pid %d) ready after %.2f s", process.pid(), ready));

            Phase phase;
            try (BacklogWatch backlog = BacklogWatch.start(metricsPort)) {
                phase = new Driver(guild, load, mix, false, process.pid(), backlog).run(load.seconds());
                phase.backlogMax = backlog.overallMax();
            }
            printWhereTimeGoes(fake);
            if (Boolean.getBoolean("baton.load.histogram")) {
                printHistogram(process.pid());
            }
            List<String> metrics = scrape(metricsPort);
            stop(process, log);
            process = null;
            if (phase.unmatched > 0 || phase.lost > 0) {
                System.out.println("Baton's log, last lines:\n" + tail(log, 20));
            }
            return new BatonRun(phase, identify, ready, metrics);
        } finally {
            if (process != null) {
                stop(process, log(temp));
            }
            deleteTree(temp);
        }
    }

    /**
     * For each conversation's first message in a text channel, where its latency went: from the fake writing the
     * MESSAGE_CREATE to Baton asking for the thread (receiving and deciding), then to the answer's post in it
     * (Discord starting the thread, and the post). From the fake's own stamps, after the run.
     */
    private static void printWhereTimeGoes(FakeDiscord fake) {
        Pattern startThread = Pattern.compile("/channels/\\d+/messages/(\\d+)/threads");
        Map<Long, Long> threadAsked = new HashMap<>();
        for (RecordedRequest request : fake.requests()) {
            Matcher from = startThread.matcher(request.path());
            if (request.method().equals("POST") && from.matches()) {
                threadAsked.putIfAbsent(Long.parseLong(from.group(1)), request.receivedNanos());
            }
        }
        Map<Long, Long> firstPost = new HashMap<>();
        for (PostedMessage post : fake.postedMessages()) {
            if (threadAsked.containsKey(post.channelId())) {
                firstPost.merge(post.channelId(), post.receivedNanos(), Math::min);
            }
        }
        List<Long> deciding = new ArrayList<>();
        List<Long> posting = new ArrayList<>();
        threadAsked.forEach((message, asked) -> {
            long dispatched = fake.dispatchNanos(message);
            Long posted = firstPost.get(message);
            if (dispatched > 0 && posted != null) {
                deciding.add(asked - dispatched);
                posting.add(posted - asked);
            }
        });
        Stats decide = Stats.of(deciding);
        Stats post = Stats.of(posting);
        System.out.println(String.format(Locale.ROOT, "first messages in a text channel (%d): MESSAGE_CREATE to"
                + " thread asked p50/p95/p99 %.1f/%.1f/%.1f ms; thread asked to answer posted %.1f/%.1f/%.1f ms",
                decide.n, decide.p50, decide.p95, decide.p99, post.p50, post.p95, post.p99));
    }

    /** Baton's threads ({@code jcmd <pid> Thread.print}), into a file whose path is printed. */
    private static void dumpThreads(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Path file = Files.createTempFile("baton-stall-" + pid + "-", ".txt");
            Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            dump.waitFor(30, TimeUnit.SECONDS);
            System.out.println("no reply in a whole window with messages waiting: Baton's threads are in " + file);
        } catch (IOException e) {
            System.out.println("could not dump Baton's threads: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Baton's live objects by class, the 25 largest ({@code jcmd <pid> GC.class_histogram}, which collects
     * first); what grows shows when two runs of different lengths are compared.
     */
    private static void printHistogram(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process histogram = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        List<String> lines;
        try (InputStream out = histogram.getInputStream()) {
            lines = new String(out.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        histogram.waitFor(30, TimeUnit.SECONDS);
        System.out.println("Baton's heap histogram at the end (top 25 of " + Math.max(0, lines.size() - 4)
                + " classes):");
        lines.stream().limit(28).forEach(System.out::println);
        lines.stream().filter(line -> line.startsWith("Total")).forEach(System.out::println);
    }

    /** The project's config, with discord.yaml pointing at the fake's guild and support channels. */
    private static void copyConfig(Path from, Path to, Guild guild) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        // The team's people become members of the fake guild, so bringing one into a thread works as it does live.
        Matcher person = Pattern.compile("discord_user_id: \"\\d+\"")
                .matcher(Files.readString(to.resolve("team.yaml")));
        StringBuilder team = new StringBuilder();
        int staff = 0;
        while (person.find()) {
            person.appendReplacement(team, "discord_user_id: \"" + guild.fake.addMember("staff-" + ++staff) + "\"");
        }
        person.appendTail(team);
        Files.writeString(to.resolve("team.yaml"), team);
        String channels = guild.supportChannels().stream().map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
        Files.writeString(to.resolve("discord.yaml"), "guild_id: \"" + FakeDiscord.GUILD_ID + "\"\n"
                + "support_channels: " + channels + "\n"
                + "staff_channel: \"\"\n"
                + "private_threads: false\n"
                + "quiet_gap_minutes: 30\n");
    }

    private static Path log(Path temp) {
        return temp.resolve("baton.log");
    }

    /** SIGTERM, then up to 20 s for Baton's orderly stop; killed if it does not. */
    private static void stop(Process process, Path log) throws InterruptedException {
        long asked = System.nanoTime();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            System.out.println("Baton did not stop within 20 s of SIGTERM; killing it");
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } else {
            System.out.println(String.format(Locale.ROOT, "Baton stopped %.2f s after SIGTERM (exit status %d;"
                    + " \"Baton stopped\" logged: %s)", (System.nanoTime() - asked) / 1e9, process.exitValue(),
                    tail(log, 5).contains("Baton stopped") ? "yes" : "no"));
        }
    }

    private static List<String> scrape(int metricsPort) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.body().lines()
                    .filter(l -> l.startsWith("baton_decisions_total") || l.startsWith("baton_handoffs_total"))
                    .toList();
        } catch (IOException e) {
            return List.of("could not scrape: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("interrupted");
        }
    }

    /**
     * Polls {@code baton_backlog} (messages queued on Baton's lanes, not yet started) from its metrics port
     * every second on a daemon thread: the high-water mark per window and overall.
     */
    private static final class BacklogWatch implements AutoCloseable {
        private static final Pattern GAUGE = Pattern.compile("(?m)^baton_backlog(?:\\{[^}]*})? ([0-9.eE+-]+)$");
        private final HttpClient client = HttpClient.newHttpClient();
        private final URI metrics;
        private final Thread poller;
        private volatile boolean running = true;
        private int windowMax;
        private int overallMax;

        private BacklogWatch(int port) {
            metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
            poller = new Thread(this::poll, "backlog-watch");
            poller.setDaemon(true);
        }

        static BacklogWatch start(int port) {
            BacklogWatch watch = new BacklogWatch(port);
            watch.poller.start();
            return watch;
        }

        private void poll() {
            while (running) {
                try {
                    String body = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher value = GAUGE.matcher(body);
                    if (value.find()) {
                        int now = (int) Double.parseDouble(value.group(1));
                        synchronized (this) {
                            windowMax = Math.max(windowMax, now);
                            overallMax = Math.max(overallMax, now);
                        }
                    }
                    Thread.sleep(1_000);
                } catch (IOException e) {
                    // Baton busy or stopping: the next poll tries again
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The highest backlog since the last call. */
        synchronized int windowMax() {
            int max = windowMax;
            windowMax = 0;
            return max;
        }

        synchronized int overallMax() {
            return overallMax;
        }

        @Override
        public void close() {
            running = false;
            poller.interrupt();
        }
    }

    // -------------------------------------------------------------------------------------- driver

    /** A customer's one running conversation and its one waiting message, if any. */
    private static final class Lane {
        final int index;
        final long customer;
        final Random random;
        boolean usedTextChannel;
        Conversation conversation;
        Waiting waiting;
        /** Messages due at a fixed rate but not sent yet, because the last one is not answered. */
        int owed;

        Lane(int index, long customer) {
            this.index = index;
            this.customer = customer;
            this.random = new Random(SEED * 1_000_003L + index);
        }
    }

    private static final class Conversation {
        final Lane lane;
        final Deque<Line> script;
        long threadId;
        KnowledgeEntry previous;
        boolean over;

        Conversation(Lane lane, Deque<Line> script) {
            this.lane = lane;
            this.script = script;
        }
    }

    private record Waiting(Conversation conversation, Line line, long messageId, long channelId, long dispatched) {
    }

    /**
     * One thread drives everything (sends, matches replies, checks time-outs, prints), so there are no
     * races to reason about; replies reach it through a queue the fake fills from its Jetty threads.
     * Latency comes from the fake's own stamps, so the driver's pace does not enter it.
     */
    private static final class Driver {
        private final Guild guild;
        private final Load load;
        private final Mix mix;
        private final boolean echo;
        private final Long pid;
        /** Baton's queue of messages not yet started, polled from its metrics; null for the echo bot. */
        private final BacklogWatch backlog;
        private final Lane[] lanes;
        private final BlockingQueue<PostedMessage> posts = new LinkedBlockingQueue<>();
        private final Map<Long, Conversation> byThread = new HashMap<>();
        /** Echo mode: waiting messages per channel, matched by content. */
        private final Map<Long, List<Waiting>> byChannel = new HashMap<>();
        private final Phase phase = new Phase();
        private int waitingCount;
        /** Whether Baton's threads were dumped after a window without a single reply (once a run). */
        private boolean dumped;

        Driver(Guild guild, Load load, Mix mix, boolean echo, Long pid, BacklogWatch backlog) {
            this.guild = guild;
            this.load = load;
            this.mix = mix;
            this.echo = echo;
            this.pid = pid;
            this.backlog = backlog;
            lanes = new Lane[guild.customers.length];
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = new Lane(i, guild.customers[i]);
            }
            guild.fake.onPostedMessage(posts::add);
        }

        Phase run(int seconds) throws InterruptedException {
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long interval = load.rate() == 0 ? 0 : (long) (1e9 / load.rate());
            long nextTick = start;
            long nextWindow = start + WINDOW;
            long nextTimeoutCheck = start;
            long nextRss = start;
            int turn = 0;
            phase.start = start;
            if (interval == 0) {
                for (Lane lane : lanes) {
                    send(lane, start);
                }
            }
            while (true) {
                long now = System.nanoTime();
                boolean sending = now < end && phase.sent < MAX_MESSAGES;
                if (sending && interval > 0) {
                    while (nextTick <= now) {
                        Lane lane = lanes[turn++ % lanes.length];
                        lane.owed++;
                        if (lane.waiting == null) {
                            send(lane, now);
                        }
                        nextTick += interval;
                    }
                }
                if (!sending && (waitingCount == 0 || now > end + REPLY_TIMEOUT + WINDOW)) {
                    break;
                }
                if (now >= nextTimeoutCheck) {
                    timeOuts(now, sending);
                    nextTimeoutCheck = now + TimeUnit.MILLISECONDS.toNanos(200);
                }
                if (now >= nextRss) {
                    sampleRss(now);
                    nextRss += RSS_SAMPLE;
                }
                if (now >= nextWindow) {
                    window(now, false);
                    nextWindow += WINDOW;
                }
                long wait = Math.min(TimeUnit.MILLISECONDS.toNanos(50), Math.max(0, nextWindow - now));
                if (sending && interval > 0) {
                    wait = Math.min(wait, Math.max(0, nextTick - now));
                }
                PostedMessage post = posts.poll(wait, TimeUnit.NANOSECONDS);
                while (post != null) {
                    reply(post, sending);
                    post = posts.poll();
                }
            }
            phase.sendingSeconds = Math.min(System.nanoTime(), end) - start;
            // Late duplicates get a second to show up before counting.
            Thread.sleep(1000);
            for (PostedMessage post = posts.poll(); post != null; post = posts.poll()) {
                reply(post, false);
            }
            for (Lane lane : lanes) {
                if (lane.waiting != null) {
                    phase.lost++;
                    abandon(lane);
                }
            }
            if (!phase.window.isEmpty()) {
                window(System.nanoTime(), true);
            }
            phase.sendingSeconds /= 1e9;
            return phase;
        }

        /** The customer's next line: in their running conversation, or the opener of a new one. */
        private void send(Lane lane, long now) {
            if (phase.sent >= MAX_MESSAGES) {
                return;
            }
            if (lane.owed > 0) {
                lane.owed--;
            }
            Conversation conversation = lane.conversation;
            if (conversation == null || conversation.over || conversation.script.isEmpty()) {
                conversation = new Conversation(lane, mix.conversation(lane.random));
                lane.conversation = conversation;
            }
            Line line = conversation.script.poll();
            FakeDiscord fake = guild.fake;
            long channel;
            long id;
            long before = System.nanoTime();
            if (echo) {
                channel = guild.texts[lane.index % guild.texts.length];
                id = fake.sendMessage(channel, lane.customer, line.text());
            } else if (conversation.threadId != 0) {
                channel = conversation.threadId;
                id = fake.sendMessage(channel, lane.customer, line.text());
            } else if (!lane.usedTextChannel) {
                lane.usedTextChannel = true;
                channel = guild.texts[lane.index % guild.texts.length];
                id = fake.sendMessage(channel, lane.customer, line.text());
                conversation.threadId = id; // Baton starts the thread from this message
                byThread.put(id, conversation);
            } else {
                channel = guild.forums[lane.index % guild.forums.length];
                id = fake.createForumPost(channel, lane.customer, title(line.text()), line.text());
                conversation.threadId = id;
                byThread.put(id, conversation);
            }
            long dispatched = fake.dispatchNanos(id);
            Waiting waiting = new Waiting(conversation, line, id, channel, dispatched != 0 ? dispatched : before);
            lane.waiting = waiting;
            waitingCount++;
            phase.inFlightMax = Math.max(phase.inFlightMax, waitingCount);
            phase.windowInFlightMax = Math.max(phase.windowInFlightMax, waitingCount);
            phase.sent++;
            phase.sentByKind.merge(line.kind(), 1, Integer::sum);
            if (echo) {
                byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(waiting);
            }
        }

        private void reply(PostedMessage post, boolean sending) {
            if (!echo && post.content().equals(ONE_MOMENT)) {
                phase.toldToWait++; // an acknowledgement of a waiting message, not its reply
                return;
            }
            if (!echo && MOVED.matcher(post.content()).find()) {
                // A handoff to a private thread leaves a word in the public thread it left; the notice is the reply.
                phase.pointers++;
                return;
            }
            Waiting waiting = echo ? echoWaiting(post) : batonWaiting(post);
            if (waiting == null) {
                return;
            }
            Lane lane = waiting.conversation().lane;
            long latency = post.receivedNanos() - waiting.dispatched();
            phase.latencies.add(latency);
            phase.window.add(latency);
            if (waiting.dispatched() - phase.start >= WINDOW) {
                phase.afterFirstWindow.add(latency);
            }
            phase.replied++;
            lane.waiting = null;
            waitingCount--;
            if (echo) {
                byChannel.get(waiting.channelId()).remove(waiting);
            } else {
                classify(waiting, post);
            }
            if (sending && (load.rate() == 0 || lane.owed > 0)) {
                send(lane, System.nanoTime());
            }
        }

        private Waiting echoWaiting(PostedMessage post) {
            List<Waiting> waiting = byChannel.getOrDefault(post.channelId(), List.of());
            for (Waiting w : waiting) {
                if (post.content().equals("echo: " + w.line().text())) {
                    return w;
                }
            }
            phase.doubled++;
            return null;
        }

        private Waiting batonWaiting(PostedMessage post) {
            Conversation conversation = byThread.get(post.channelId());
            if (conversation == null) {
                conversation = privateThread(post.channelId());
            }
            if (conversation == null) {
                phase.unmatched++;
                if (phase.unmatchedExamples.size() < 3) {
                    phase.unmatchedExamples.add(post.channelId() + ": " + post.content());
                }
                return null;
            }
            Waiting waiting = conversation.lane.waiting;
            if (waiting == null || waiting.conversation() != conversation) {
                if (conversation.over && conversation.threadId == -1) {
                    phase.late++;
                } else {
                    phase.doubled++;
                    if (phase.doubledExamples.size() < 3) {
                        phase.doubledExamples.add(post.channelId() + " (" + (waiting == null ? "nothing waiting"
                                : "another conversation waiting") + "): " + post.content().lines().findFirst()
                                .orElse(""));
                    }
                }
                return null;
            }
            return waiting;
        }

        /**
         * A route with {@code private_thread} makes Baton start a private thread (a new id, not the
         * message's) and add the customer to it before posting: the customer's waiting conversation.
         */
        private Conversation privateThread(long threadId) {
            for (long[] added : guild.fake.threadMembersAdded()) {
                if (added[0] != threadId) {
                    continue;
                }
                for (Lane lane : lanes) {
                    if (lane.customer == added[1] && lane.waiting != null) {
                        Conversation conversation = lane.waiting.conversation();
                        byThread.put(threadId, conversation);
                        phase.privateThreads++;
                        return conversation;
                    }
                }
            }
            return null;
        }

        /** What the reply was; a handoff notice ends the conversation, and a wrong entry may mean a mixed-up order. */
        private void classify(Waiting waiting, PostedMessage post) {
            Conversation conversation = waiting.conversation();
            boolean button = post.components() != null && post.components().toString().contains(BUTTON);
            if (!button) {
                phase.handoffs++;
                phase.handoffsByKind.merge(waiting.line().kind(), 1, Integer::sum);
                conversation.over = true;
                return;
            }
            KnowledgeEntry entry = mix.answered(post.content());
            if (entry == null) {
                phase.smallTalkReplies++;
            } else {
                phase.answers++;
                if (waiting.line().entry() != null && entry != waiting.line().entry()) {
                    if (entry == conversation.previous) {
                        phase.outOfOrder++;
                    } else {
                        phase.otherEntry++;
                    }
                }
            }
            if (waiting.line().entry() != null) {
                conversation.previous = waiting.line().entry();
            }
        }

        private void timeOuts(long now, boolean sending) {
            for (Lane lane : lanes) {
                if (lane.waiting != null && now - lane.waiting.dispatched() > REPLY_TIMEOUT) {
                    phase.lost++;
                    if (phase.lostExamples.size() < 5) {
                        phase.lostExamples.add(lane.waiting.line().kind() + " \"" + lane.waiting.line().text() + "\"");
                    }
                    abandon(lane);
                    if (sending && (load.rate() == 0 || lane.owed > 0)) {
                        send(lane, now);
                    }
                }
            }
        }

        /** Gives up on the waiting message; a reply that still comes is late, not doubled. */
        private void abandon(Lane lane) {
            Waiting waiting = lane.waiting;
            lane.waiting = null;
            waitingCount--;
            if (echo) {
                byChannel.get(waiting.channelId()).remove(waiting);
            } else {
                waiting.conversation().over = true;
                waiting.conversation().threadId = -1; // marks "abandoned" for late replies
                lane.conversation = null;
            }
        }

        private void sampleRss(long now) {
            if (pid != null) {
                double rss = rssMegabytes(pid);
                if (!Double.isNaN(rss)) {
                    phase.rss.add(new double[] {(now - phase.start) / 1e9, rss});
                }
            }
        }

        /** @param drain the replies that came after sending stopped; printed, not drawn */
        private void window(long now, boolean drain) {
            double elapsed = (now - phase.start) / 1e9;
            Stats window = Stats.of(phase.window);
            if (!echo && !drain && !dumped && window.n == 0 && waitingCount > 0 && pid != null) {
                dumped = true; // a whole window with messages waiting and no reply: show where Baton's threads are
                dumpThreads(pid);
            }
            Stats all = Stats.of(phase.latencies);
            double rss = pid == null ? Double.NaN : rssMegabytes(pid);
            if (!drain) {
                phase.windows.add(new Window(elapsed, window, rss, phase.windowInFlightMax));
            }
            System.out.println(String.format(Locale.ROOT,
                    "%s %5.1f s%s  sent %6d  replied %6d  %6.1f msg/s  window p50/p99 %6.1f/%6.1f ms  so far"
                            + " p50/p95/p99 %6.1f/%6.1f/%6.1f ms  lost %d doubled %d  in flight max %d  RSS %s"
                            + "  backlog max %s  told to wait %d", echo ? "[echo] " : "[baton]", elapsed,
                    drain ? " (drain)" : "",
                    phase.sent, phase.replied, window.n / (WINDOW / 1e9), window.p50, window.p99, all.p50, all.p95,
                    all.p99, phase.lost,
                    phase.doubled, phase.windowInFlightMax, Double.isNaN(rss) ? "n/a" : String.format(Locale.ROOT,
                            "%.0f MB", rss), backlog == null ? "n/a" : String.valueOf(backlog.windowMax()),
                    phase.toldToWait));
            phase.window.clear();
            phase.windowInFlightMax = waitingCount;
        }

        private static String title(String text) {
            return text.length() <= 100 ? text : text.substring(0, 99) + "…";
        }
    }

    // ------------------------------------------------------------------------------------- results

    private record Window(double elapsedSeconds, Stats latency, double rssMegabytes, int inFlightMax) {
    }

    private static final class Phase {
        final List<Long> latencies = new ArrayList<>();
        final List<Long> window = new ArrayList<>();
        /** Messages sent after the first 10 s: without JIT warm-up and the first embeddings. */
        final List<Long> afterFirstWindow = new ArrayList<>();
        final List<Window> windows = new ArrayList<>();
        /** {seconds since the first message, RSS in MB}, every 2 s. */
        final List<double[]> rss = new ArrayList<>();
        final Map<Kind, Integer> sentByKind = new HashMap<>();
        final Map<Kind, Integer> handoffsByKind = new HashMap<>();
        final List<String> lostExamples = new ArrayList<>();
        final List<String> unmatchedExamples = new ArrayList<>();
        long start;
        double sendingSeconds;
        int sent;
        int replied;
        int lost;
        int doubled;
        final List<String> doubledExamples = new ArrayList<>();
        /** Baton's "one moment" to a customer whose message waited in its queue (not counted as a reply). */
        int toldToWait;
        /** Words left in a public thread pointing to the private one a handoff moved to (not replies). */
        int pointers;
        /** The most messages Baton had queued but not started, polled every second; -1 when not known. */
        int backlogMax = -1;
        int late;
        int unmatched;
        int outOfOrder;
        int privateThreads;
        int otherEntry;
        int answers;
        int smallTalkReplies;
        int handoffs;
        int inFlightMax;
        int windowInFlightMax;

        Stats all() {
            return Stats.of(latencies);
        }

        String summary(String who) {
            Stats s = all();
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%s: %d sent, %d replied in %.1f s = %.1f replies/s; latency p50 %.1f, p95 %.1f, p99 %.1f,"
                            + " max %.1f ms; lost %d, doubled %d, late %d, out of order %d; in flight max %d",
                    who, sent, replied, sendingSeconds, replied / sendingSeconds, s.p50, s.p95, s.p99, s.max, lost,
                    doubled, late, outOfOrder, inFlightMax));
            doubledExamples.forEach(example -> text.append(String.format(Locale.ROOT, "%n  doubled: %s", example)));
            if (backlogMax >= 0) {
                text.append(String.format(Locale.ROOT, "; backlog max %d; told to wait %d; pointers to a private thread %d", backlogMax,
                        toldToWait, pointers));
            }
            Stats warm = Stats.of(afterFirstWindow);
            if (sendingSeconds > 2 * WINDOW / 1e9) {
                text.append(String.format(Locale.ROOT, "%n  after the first 10 s: %d replies, p50 %.1f, p95 %.1f,"
                        + " p99 %.1f, max %.1f ms", warm.n, warm.p50, warm.p95, warm.p99, warm.max));
            }
            if (answers + smallTalkReplies + handoffs > 0) {
                text.append(String.format(Locale.ROOT, "%n  sent by kind %s; replies: %d answers (%d from another"
                        + " entry than asked), %d small-talk replies, %d handoff notices (by the kind of message"
                        + " handed off: %s); %d in private threads Baton started; %d posts in no conversation of ours",
                        new TreeMap<>(sentByKind), answers, otherEntry, smallTalkReplies, handoffs,
                        new TreeMap<>(handoffsByKind), privateThreads, unmatched));
            }
            if (!lostExamples.isEmpty()) {
                text.append("\n  lost, e.g.: ").append(String.join("; ", lostExamples));
            }
            if (!unmatchedExamples.isEmpty()) {
                text.append("\n  posts in no conversation of ours, e.g.: ")
                        .append(String.join("; ", unmatchedExamples));
            }
            return text.toString();
        }
    }

    /** Percentiles by nearest rank, in milliseconds. */
    private record Stats(int n, double p50, double p95, double p99, double max) {

        static Stats of(List<Long> nanos) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Stats(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                    sorted[sorted.length - 1] / 1e6);
        }

        private static double rank(long[] sorted, double percent) {
            int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    // --------------------------------------------------------------------------------------- chart

    /** Latency p50 and p99 per 10 s window (left axis) and Baton's RSS (right axis) over the run. */
    private static Path chart(Load load, Phase baton, Phase echo) throws IOException {
        XYSeries p50 = new XYSeries("Baton p50 (ms)");
        XYSeries p99 = new XYSeries("Baton p99 (ms)");
        XYSeries echoP99 = new XYSeries("echo bot p99, whole phase (ms)");
        XYSeries rss = new XYSeries("Baton RSS (MB)");
        for (Window w : baton.windows) {
            if (w.latency().n() > 0) {
                p50.add(w.elapsedSeconds(), w.latency().p50());
                p99.add(w.elapsedSeconds(), w.latency().p99());
            }
        }
        baton.rss.forEach(sample -> rss.add(sample[0], sample[1]));
        XYSeriesCollection latency = new XYSeriesCollection();
        latency.addSeries(p50);
        latency.addSeries(p99);
        if (echo != null && !baton.windows.isEmpty()) {
            double e = echo.all().p99();
            echoP99.add(baton.windows.get(0).elapsedSeconds(), e);
            echoP99.add(baton.windows.get(baton.windows.size() - 1).elapsedSeconds(), e);
            latency.addSeries(echoP99);
        }
        NumberAxis time = new NumberAxis("seconds since the first message (latency: p50 and p99 of each 10 s window)");
        NumberAxis millis = new NumberAxis("latency, MESSAGE_CREATE → reply request (ms)");
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, new Color(0x1f77b4));
        lines.setSeriesPaint(1, new Color(0xd62728));
        lines.setSeriesPaint(2, Color.GRAY);
        lines.setSeriesStroke(2, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {6, 4}, 0));
        lines.setSeriesShapesVisible(2, false);
        XYPlot plot = new XYPlot(latency, time, millis, lines);
        XYSeriesCollection memory = new XYSeriesCollection(rss);
        NumberAxis megabytes = new NumberAxis("RSS (MB)");
        megabytes.setAutoRangeIncludesZero(true);
        plot.setDataset(1, memory);
        plot.setRangeAxis(1, megabytes);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer memoryLine = new XYLineAndShapeRenderer(true, false);
        memoryLine.setSeriesPaint(0, new Color(0x2ca02c));
        plot.setRenderer(1, memoryLine);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Baton's jar on the fake Discord: " + load.customers() + " customers, "
                + load.channels() + " channels, " + load.rateText(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(load.png().toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(load.png().toFile(), chart, 1000, 560);
        return load.png();
    }

    // ------------------------------------------------------------------------------------- helpers

    /** VmRSS of a process in MB; NaN when it cannot be read (not Linux, process gone). */
    private static double rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Iterator<Path> it = paths.sorted(Comparator.reverseOrder()).iterator(); it.hasNext(); ) {
                Files.deleteIfExists(it.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
