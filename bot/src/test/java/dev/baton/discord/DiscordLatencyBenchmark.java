package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.discord.fake.EchoBot;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.FakeDiscordJda;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.discord.fake.RecordedRequest;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.store.Database;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteUpdateListener;

/**
 * Issue 3's latency goal, measured: how much slower than the simplest possible JDA bot is Baton at
 * the Discord edge? Both run against the wire-level {@link FakeDiscord} on loopback in the same JVM
 * and the same run; latency is always "the fake wrote the MESSAGE_CREATE frame" to "the bot's POST
 * reached the fake" ({@link FakeDiscord#dispatchNanos} to {@link PostedMessage#receivedNanos}).
 *
 * <ol>
 *   <li>Echo baseline: a bare JDA {@link EchoBot}, one message at a time.</li>
 *   <li>Baton answers: each customer asks once in #support (thread created, then the answer: the
 *       first-message path) and once more in that thread (answered in place: the answer path). Every
 *       customer is different and every text is new to the embedding cache.</li>
 *   <li>Baton handoffs: an earlier customer asks for a person in their thread; time to the handoff row
 *       being committed, to the notice POST, and to the "notified" event row.</li>
 *   <li>Throughput: N customers at once, each opening forum posts as fast as the fake takes them
 *       (each post is its own conversation, so every one is answerable), echo bot and Baton.</li>
 * </ol>
 *
 * <p>Where the time goes is read from test-side stamps only: JDA listeners registered before and
 * after the bot's own (the event manager calls listeners in order, on the gateway read thread), and
 * SQLite's update and commit hooks on Baton's connection (the row a store writes, the moment it is
 * written). Nothing timing-related is asserted: the table is for reading, the assertions are about
 * loss and duplicates.
 */
@Tag("benchmark")
class DiscordLatencyBenchmark {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ECHO_WARMUP = 200;
    private static final int ECHO_TIMED = 600;
    private static final int ANSWER_WARMUP = 100;
    private static final int ANSWER_TIMED = 500;
    private static final int HANDOFF_WARMUP = 20;
    private static final int HANDOFF_TIMED = 120;
    private static final int[] CONCURRENCY = {1, 4, 16};
    /** At least this many messages per concurrency level (rounded up to a multiple of N). */
    private static final int THROUGHPUT_MESSAGES = 1000;
    private static final String BUTTON = "baton:human:";

    /** Phrasings that the engine hands off with some or all greetings (found by a screening run). */
    private static final Set<String> NOT_ANSWERED = Set.of(
            "whats the price of plus", "is plus worth it, what does it add", "i want to stop paying for lumen plus",
            "cant log in, forgot pasword", "The password reset link doesn't work anymore",
            "When is someone from the team around to help?", "I have an idea for Lumen, where do I suggest it?",
            "can i send a pull request", "Who do I contact about harassment on the server?",
            "I got muted unfairly, who do I talk to?");
    private static final String[] GREETINGS = {"", "Hi! ", "Hello, ", "Hey there. ", "Quick one: ", "Good morning! ",
            "Hi all, ", "Evening! ", "Question: ", "Hey, "};
    private static final String[] SIGN_OFFS = {"", " Thanks!", " Thank you.", " Cheers", " Thanks in advance.",
            " Much appreciated."};
    private static final String[] ASKS_FOR_A_PERSON = {"I want to talk to a human please",
            "Can I speak to a real person?", "I'd like to talk to someone from the team", "Please get me a human",
            "I want to speak to a real person.", "Let me talk to a person", "Can I chat with a human?",
            "I need a real person to help me"};

    @TempDir
    Path dataDir;

    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final StringBuilder out = new StringBuilder();

    @Test
    void discordEdgeLatency() {
        long began = System.nanoTime();
        machineFacts();
        Echo echo = measureEcho();
        Baton baton = measureBaton();
        report(echo, baton, (System.nanoTime() - began) / 1e9);
        System.out.print(out);
        System.out.flush();
        writeCopy();
        assertTrue(failures.isEmpty(), () -> failures.size() + " correctness failures:\n  "
                + String.join("\n  ", failures.subList(0, Math.min(30, failures.size()))));
    }

    // ------------------------------------------------------------------------------------- echo

    private record Echo(Stats latency, Stats toListener, Stats inListener, Stats listenerToPost,
                        List<Throughput> throughput) {
    }

    private Echo measureEcho() {
        try (FakeDiscord fake = FakeDiscord.start()) {
            long channel = fake.addTextChannel("support");
            long forum = fake.addForumChannel("help-forum");
            long ann = fake.addMember("ann");
            long[][] posters = posters(fake, "echo-poster");
            EchoBot echo = new EchoBot();
            Stamps stamps = new Stamps();
            JDA jda = FakeDiscordJda.buildAndAwaitReady(
                    FakeDiscordJda.jdaBuilder(fake).addEventListeners(stamps.entry, echo, stamps.exit));
            try {
                List<Long> total = new ArrayList<>();
                List<Long> toListener = new ArrayList<>();
                List<Long> inListener = new ArrayList<>();
                List<Long> toPost = new ArrayList<>();
                int messages = ECHO_WARMUP + ECHO_TIMED;
                for (int i = 0; i < messages; i++) {
                    String text = "How much does Lumen Plus cost? (" + i + ")";
                    long id = fake.sendMessage(channel, ann, text);
                    PostedMessage reply = fake.awaitPostedMessage(p -> p.content().equals("echo: " + text), WAIT);
                    // One at a time: JDA has also handled the echo of the bot's own reply before the next message.
                    await(() -> stamps.exited(id) != 0 && stamps.exited(reply.id()) != 0);
                    if (i >= ECHO_WARMUP) {
                        long dispatched = fake.dispatchNanos(id);
                        total.add(reply.receivedNanos() - dispatched);
                        toListener.add(stamps.entered(id) - dispatched);
                        inListener.add(stamps.exited(id) - stamps.entered(id));
                        toPost.add(reply.receivedNanos() - stamps.exited(id));
                    }
                }
                settle();
                long replies = fake.postedMessages().stream().filter(p -> p.channelId() == channel).count();
                check(replies == messages, "echo: " + replies + " replies to " + messages + " messages");
                check(echo.failureCount() == 0, "echo: " + echo.failureCount() + " failed sends");

                List<Throughput> throughput = new ArrayList<>();
                for (int level = 0; level < CONCURRENCY.length; level++) {
                    Burst burst = burst(fake, forum, posters[level], k -> "Where can I download Lumen? (" + k + ")");
                    throughput.add(verifyEchoBurst(fake, burst));
                }
                return new Echo(Stats.of(total), Stats.of(toListener), Stats.of(inListener), Stats.of(toPost),
                        throughput);
            } finally {
                FakeDiscordJda.shutdown(jda);
            }
        }
    }

    private Throughput verifyEchoBurst(FakeDiscord fake, Burst burst) {
        settle();
        Map<Long, List<PostedMessage>> byChannel = postsByChannel(fake, burst.sent.keySet());
        int lost = 0;
        int duplicated = 0;
        for (Map.Entry<Long, String> post : burst.texts.entrySet()) {
            List<PostedMessage> replies = byChannel.getOrDefault(post.getKey(), List.of());
            if (replies.isEmpty()) {
                lost++;
            } else if (replies.size() > 1) {
                duplicated++;
            } else if (!replies.get(0).content().equals("echo: " + post.getValue())) {
                failures.add("echo burst: wrong reply in " + post.getKey() + ": " + replies.get(0).content());
            }
        }
        check(lost == 0 && duplicated == 0, "echo burst N=" + burst.customers + ": " + lost + " lost, " + duplicated
                + " answered twice");
        return burst.result("echo bot", burst.sent.size(), 0, lost, duplicated);
    }

    // ------------------------------------------------------------------------------------ Baton

    private record Baton(Stats answer, Stats withoutEngine, Stats firstToThread, Stats firstAnswer,
                         Stats threadToAnswer, Stats toListener, Stats toStored,
                         Stats toDecided, Stats toListenerExit, Stats listenerToPost, Stats engine,
                         Stats handoffRow, Stats handoffNotice, Stats handoffNotified, Stats handoffEngine,
                         int answered, int handedOffInstead, String gc, List<Throughput> throughput) {
    }

    private Baton measureBaton() {
        Texts questions = Texts.questions();
        Texts askForPerson = Texts.of(ASKS_FOR_A_PERSON, 7);
        try (BatonOnFakeDiscord baton = new BatonOnFakeDiscord(dataDir)) {
            FakeDiscord fake = baton.fake;
            int people = ANSWER_WARMUP + ANSWER_TIMED;
            long[] customers = new long[people];
            for (int i = 0; i < people; i++) {
                customers[i] = fake.addMember("customer-" + i);
            }
            long[][] posters = posters(fake, "poster");
            baton.startBot();
            Stamps stamps = Stamps.around(baton.jda());
            Probe probe = Probe.attach(baton.conversations.database());
            long[] gcBefore = gc();

            // ---- answers: first message in #support (thread + answer), then one more in the thread
            long[] threadOf = new long[people];
            int[] postsExpected = new int[people];
            Arrays.fill(postsExpected, 2);
            // Customers Baton answered twice: only they can ask for a person (a handed-off thread is a person's).
            List<Integer> stillWithBaton = new ArrayList<>();
            Map<Long, Set<Long>> postsIn = new HashMap<>();
            List<Long> secondIds = new ArrayList<>();
            List<Long> firstToThread = new ArrayList<>();
            List<Long> firstAnswer = new ArrayList<>();
            List<Long> threadToAnswer = new ArrayList<>();
            List<Long> answer = new ArrayList<>();
            int answered = 0;
            int handedOffInstead = 0;
            for (int i = 0; i < people; i++) {
                Question first = questions.next(null);
                Question second = questions.next(first.entry());
                long firstId = fake.sendMessage(baton.support, customers[i], first.text());
                PostedMessage firstReply = fake.awaitPostedMessage(p -> p.channelId() == firstId, WAIT);
                String threadPath = "/channels/" + baton.support + "/messages/" + firstId + "/threads";
                RecordedRequest thread = fake.awaitRequest(r -> r.method().equals("POST") && r.path().equals(threadPath),
                        WAIT);
                threadOf[i] = firstId; // a thread started from a message has the message's id
                postsIn.computeIfAbsent(firstId, k -> new HashSet<>()).add(firstReply.id());
                awaitHandled(baton, stamps, firstReply.id());
                if (!isAnswer(firstReply)) {
                    postsExpected[i] = 1; // the notice; a person has the thread now
                    handedOffInstead++;
                    failures.add("customer " + i + " was handed off on \"" + first.text() + "\"; the thread is quiet now");
                    continue;
                }
                long secondId = fake.sendMessage(firstId, customers[i], second.text());
                PostedMessage secondReply = fake.awaitPostedMessage(
                        p -> p.channelId() == firstId && !postsIn.get(firstId).contains(p.id()), WAIT);
                postsIn.get(firstId).add(secondReply.id());
                awaitHandled(baton, stamps, secondReply.id());
                if (isAnswer(secondReply)) {
                    answered++;
                    stillWithBaton.add(i);
                } else {
                    handedOffInstead++;
                }
                if (i >= ANSWER_WARMUP) {
                    long dispatched = fake.dispatchNanos(firstId);
                    firstToThread.add(thread.receivedNanos() - dispatched);
                    firstAnswer.add(firstReply.receivedNanos() - dispatched);
                    threadToAnswer.add(firstReply.receivedNanos() - thread.receivedNanos());
                    if (isAnswer(secondReply)) {
                        answer.add(secondReply.receivedNanos() - fake.dispatchNanos(secondId));
                        secondIds.add(secondId);
                    }
                }
            }
            long[] gcAfter = gc();

            // ---- handoffs: earlier customers ask for a person in their thread
            List<Long> handoffIds = new ArrayList<>();
            int handoffs = HANDOFF_WARMUP + HANDOFF_TIMED;
            List<Long> notices = new ArrayList<>();
            check(stillWithBaton.size() >= handoffs, stillWithBaton.size() + " customers still with Baton, "
                    + handoffs + " needed to ask for a person");
            for (int i = 0; i < handoffs; i++) {
                int customer = stillWithBaton.get(i);
                long thread = threadOf[customer];
                postsExpected[customer] = 3;
                long id = fake.sendMessage(thread, customers[customer], askForPerson.next(null).text());
                PostedMessage notice = fake.awaitPostedMessage(
                        p -> p.channelId() == thread && !postsIn.get(thread).contains(p.id()), WAIT);
                postsIn.get(thread).add(notice.id());
                check(!isAnswer(notice) && notice.content().contains("<@"),
                        "handoff " + i + ": expected a notice naming a person, got " + notice.content());
                int expected = i + 1;
                await(() -> stamps.exited(notice.id()) != 0
                        && probe.count("SELECT COUNT(*) FROM handoff_events WHERE kind = 'notified'") >= expected);
                if (i >= HANDOFF_WARMUP) {
                    handoffIds.add(id);
                    notices.add(notice.receivedNanos() - fake.dispatchNanos(id));
                }
            }
            settle();
            for (int i = 0; i < people; i++) {
                long thread = threadOf[i];
                int expected = postsExpected[i];
                long posts = fake.postedMessages().stream().filter(p -> p.channelId() == thread).count();
                check(posts == expected, "customer " + i + ": " + posts + " posts in their thread, expected " + expected);
            }

            // ---- where the time went, from the stamps and the rows
            Rows rows = probe.rows();
            List<Long> toListener = new ArrayList<>();
            List<Long> toStored = new ArrayList<>();
            List<Long> toDecided = new ArrayList<>();
            List<Long> toExit = new ArrayList<>();
            List<Long> exitToPost = new ArrayList<>();
            List<Long> engine = new ArrayList<>();
            List<Long> withoutEngine = new ArrayList<>();
            for (int k = 0; k < secondIds.size(); k++) {
                long id = secondIds.get(k);
                long dispatched = fake.dispatchNanos(id);
                long row = rows.messageRow.get(String.valueOf(id));
                long decisionRow = rows.decisionOfMessage.get(row);
                long entered = stamps.entered(id);
                long stored = probe.inserted("messages", row);
                long decided = probe.inserted("decisions", decisionRow);
                long exited = stamps.exited(id);
                toListener.add(entered - dispatched);
                toStored.add(stored - entered);
                toDecided.add(decided - stored);
                toExit.add(exited - decided);
                exitToPost.add(dispatched + answer.get(k) - exited);
                engine.add(rows.decisionMicros.get(decisionRow) * 1_000);
                withoutEngine.add(answer.get(k) - rows.decisionMicros.get(decisionRow) * 1_000);
            }
            List<Long> handoffRow = new ArrayList<>();
            List<Long> notified = new ArrayList<>();
            List<Long> handoffEngine = new ArrayList<>();
            for (long id : handoffIds) {
                long dispatched = fake.dispatchNanos(id);
                long row = rows.messageRow.get(String.valueOf(id));
                long handoff = rows.handoffOfConversation.get(rows.conversationOfMessage.get(row));
                handoffRow.add(probe.committed(handoff) - dispatched);
                notified.add(probe.inserted("handoff_events", rows.notifiedEventOf.get(handoff)) - dispatched);
                handoffEngine.add(rows.decisionMicros.get(rows.decisionOfMessage.get(row)) * 1_000);
            }

            // ---- throughput
            List<Throughput> throughput = new ArrayList<>();
            for (int level = 0; level < CONCURRENCY.length; level++) {
                Burst burst = burst(fake, baton.forum, posters[level], k -> questions.next(null).text());
                throughput.add(verifyBatonBurst(fake, probe, burst));
            }
            String gc = String.format(Locale.ROOT, "%d collections, %d ms in total",
                    gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
            return new Baton(Stats.of(answer), Stats.of(withoutEngine), Stats.of(firstToThread), Stats.of(firstAnswer),
                    Stats.of(threadToAnswer), Stats.of(toListener),
                    Stats.of(toStored), Stats.of(toDecided), Stats.of(toExit), Stats.of(exitToPost), Stats.of(engine),
                    Stats.of(handoffRow), Stats.of(notices), Stats.of(notified), Stats.of(handoffEngine), answered,
                    handedOffInstead, gc, throughput);
        }
    }

    private Throughput verifyBatonBurst(FakeDiscord fake, Probe probe, Burst burst) {
        settle();
        Map<Long, List<PostedMessage>> byChannel = postsByChannel(fake, burst.sent.keySet());
        Rows rows = probe.rows();
        int lost = 0;
        int duplicated = 0;
        int answers = 0;
        for (long post : burst.sent.keySet()) {
            Long row = rows.messageRow.get(String.valueOf(post));
            List<PostedMessage> replies = byChannel.getOrDefault(post, List.of());
            int decisions = row == null ? 0 : rows.decisionsPerMessage.getOrDefault(row, 0);
            int botRows = rows.botMessagesPerChannel.getOrDefault(String.valueOf(post), 0);
            if (row == null || decisions == 0 || replies.isEmpty()) {
                lost++;
                failures.add("burst: post " + post + " stored=" + (row != null) + " decisions=" + decisions
                        + " replies=" + replies.size());
                continue;
            }
            if (decisions > 1 || replies.size() > 1 || botRows > 1) {
                duplicated++;
                failures.add("burst: post " + post + " decisions=" + decisions + " replies=" + replies.size()
                        + " bot rows=" + botRows);
                continue;
            }
            String verdict = rows.verdictOfMessage.get(row);
            check(verdict.equals("answer") == isAnswer(replies.get(0)),
                    "burst: post " + post + " decided " + verdict + " but got " + replies.get(0).content());
            check(botRows == 1, "burst: post " + post + ": the reply was not stored as Baton's message");
            if (verdict.equals("answer")) {
                answers++;
            }
        }
        return burst.result("Baton", answers, burst.sent.size() - answers - lost - duplicated, lost, duplicated);
    }

    // ------------------------------------------------------------------------------- throughput

    /** One burst: who sent what when, and the first reply in each post. */
    private record Burst(int customers, Map<Long, Long> sent, Map<Long, String> texts, long first, long last,
                         List<Long> latencies) {

        Throughput result(String bot, int answered, int handedOff, int lost, int duplicated) {
            double seconds = (last - first) / 1e9;
            return new Throughput(bot, customers, sent.size(), seconds, sent.size() / seconds, Stats.of(latencies),
                    answered, handedOff, lost, duplicated);
        }
    }

    private record Throughput(String bot, int customers, int messages, double seconds, double perSecond,
                              Stats latency, int answered, int handedOff, int lost, int duplicated) {
    }

    /** Each poster opens forum posts back to back, without waiting for replies; returns once all are answered. */
    private Burst burst(FakeDiscord fake, long forum, long[] posters, IntFunction<String> text) {
        int each = (THROUGHPUT_MESSAGES + posters.length - 1) / posters.length;
        String[][] texts = new String[posters.length][each];
        for (int c = 0; c < posters.length; c++) {
            for (int m = 0; m < each; m++) {
                texts[c][m] = text.apply(c * each + m);
            }
        }
        Map<Long, Long> sent = new ConcurrentHashMap<>();
        Map<Long, String> sentText = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < posters.length; c++) {
            int customer = c;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int m = 0; m < each; m++) {
                    long at = System.nanoTime();
                    long post = fake.createForumPost(forum, posters[customer], "Question " + m, texts[customer][m]);
                    sent.put(post, at);
                    sentText.put(post, texts[customer][m]);
                }
            }, "poster-" + c);
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        int expected = posters.length * each;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Map<Long, Long> firstReply = new HashMap<>();
        while (true) {
            firstReply.clear();
            for (PostedMessage p : fake.postedMessages()) {
                if (sent.containsKey(p.channelId())) {
                    firstReply.merge(p.channelId(), p.receivedNanos(), Math::min);
                }
            }
            if (firstReply.size() >= expected || System.nanoTime() > deadline) {
                break;
            }
            sleep(50);
        }
        long first = Collections.min(sent.values());
        long last = firstReply.isEmpty() ? first : Collections.max(firstReply.values());
        List<Long> latencies = new ArrayList<>();
        firstReply.forEach((post, at) -> latencies.add(at - sent.get(post)));
        return new Burst(posters.length, sent, sentText, first, last, latencies);
    }

    private static long[][] posters(FakeDiscord fake, String prefix) {
        long[][] posters = new long[CONCURRENCY.length][];
        for (int level = 0; level < CONCURRENCY.length; level++) {
            posters[level] = new long[CONCURRENCY[level]];
            for (int c = 0; c < CONCURRENCY[level]; c++) {
                posters[level][c] = fake.addMember(prefix + "-" + CONCURRENCY[level] + "-" + c);
            }
        }
        return posters;
    }

    private static Map<Long, List<PostedMessage>> postsByChannel(FakeDiscord fake, Set<Long> channels) {
        Map<Long, List<PostedMessage>> byChannel = new HashMap<>();
        for (PostedMessage p : fake.postedMessages()) {
            if (channels.contains(p.channelId())) {
                byChannel.computeIfAbsent(p.channelId(), k -> new ArrayList<>()).add(p);
            }
        }
        return byChannel;
    }

    // ----------------------------------------------------------------------------------- report

    private void machineFacts() {
        Runtime runtime = Runtime.getRuntime();
        line("## Discord edge latency (DiscordLatencyBenchmark)");
        line("machine: %d cores (availableProcessors), %s; Java %s (%s); %s %s; max heap %d MiB",
                runtime.availableProcessors(), cpuModel(), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"),
                runtime.maxMemory() / (1024 * 1024));
    }

    private void report(Echo echo, Baton baton, double seconds) {
        line("");
        line("latency, dispatch of MESSAGE_CREATE -> bot's POST reaching the fake (ms)");
        line("| path | n | p50 | p90 | p99 | max |");
        line("|---|---|---|---|---|---|");
        row("echo bot, reply in the channel", echo.latency);
        row("Baton, answer in an existing thread", baton.answer);
        row("Baton, first message: thread POST", baton.firstToThread);
        row("Baton, first message: answer POST in the new thread", baton.firstAnswer);
        row("Baton, first message: thread POST -> answer POST", baton.threadToAnswer);
        row("Baton, handoff: handoff row committed", baton.handoffRow);
        row("Baton, handoff: notice POST", baton.handoffNotice);
        row("Baton, handoff: 'notified' event row (person added)", baton.handoffNotified);
        line("");
        line("ratio Baton answer / echo: p50 %.2fx, p99 %.2fx (issue 3 goal: p99 <= 1.2x)",
                baton.answer.p50 / echo.latency.p50, baton.answer.p99 / echo.latency.p99);
        line("Baton answer minus its own engine.decide time: p50 %.2f ms, p99 %.2f ms = %.2fx echo p99",
                baton.withoutEngine.p50, baton.withoutEngine.p99, baton.withoutEngine.p99 / echo.latency.p99);
        line("in-thread replies: %d answers, %d handed off instead (answers are timed after %d warm-up customers)",
                baton.answered, baton.handedOffInstead, ANSWER_WARMUP);
        line("");
        line("where the time goes, per stage (ms)");
        line("| stage | n | p50 | p90 | p99 | max |");
        line("|---|---|---|---|---|---|");
        row("echo: dispatch -> JDA calls the listeners", echo.toListener);
        row("echo: inside the listener (queue the reply)", echo.inListener);
        row("echo: listener returned -> POST at the fake", echo.listenerToPost);
        row("Baton: dispatch -> JDA calls the listeners", baton.toListener);
        row("Baton: listener -> customer message row written", baton.toStored);
        row("Baton: message row -> decision row written", baton.toDecided);
        row("Baton:   of which engine.decide (decisions.latency_micros)", baton.engine);
        row("Baton: decision row -> listener returned (Replier)", baton.toListenerExit);
        row("Baton: listener returned -> POST at the fake", baton.listenerToPost);
        row("Baton handoff: engine.decide (decisions.latency_micros)", baton.handoffEngine);
        line("GC during the Baton answer phase: %s", baton.gc);
        line("");
        line("throughput: N customers at once, each opening forum posts back to back (first send -> last reply)");
        line("| bot | N | messages | seconds | messages/s | send->reply p50 | p99 | answered | handed off | lost | twice |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        List<Throughput> all = new ArrayList<>(echo.throughput);
        all.addAll(baton.throughput);
        for (Throughput t : all) {
            line("| %s | %d | %d | %.2f | %.0f | %.1f | %.1f | %d | %d | %d | %d |", t.bot, t.customers, t.messages,
                    t.seconds, t.perSecond, t.latency.p50, t.latency.p99, t.answered, t.handedOff, t.lost,
                    t.duplicated);
        }
        line("");
        line("benchmark wall time %.1f s; correctness failures: %d", seconds, failures.size());
    }

    private void row(String name, Stats s) {
        line("| %s | %d | %.2f | %.2f | %.2f | %.2f |", name, s.n, s.p50, s.p90, s.p99, s.max);
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** A copy next to the build output, so runs can be compared without scrolling Maven's log. */
    private void writeCopy() {
        try {
            Path dir = Path.of("target", "benchmarks");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("discord-latency-" + System.currentTimeMillis() + ".md"), out);
        } catch (IOException e) {
            System.err.println("could not write the benchmark copy: " + e);
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("cpu model unknown");
        } catch (IOException | RuntimeException e) {
            return "cpu model unknown";
        }
    }

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    // ---------------------------------------------------------------------------------- helpers

    private static boolean isAnswer(PostedMessage p) {
        return p.components() != null && p.components().toString().contains(BUTTON);
    }

    private void check(boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
        }
    }

    /**
     * Until Baton stored its own reply and JDA handled that reply's MESSAGE_CREATE echo: the system is
     * quiet again, as it is for the echo bot before its next message.
     */
    private static void awaitHandled(BatonOnFakeDiscord baton, Stamps stamps, long replyId) {
        String id = String.valueOf(replyId);
        await(() -> stamps.exited(replyId) != 0 && baton.conversations.isStored(id));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            sleep(1);
        }
    }

    /** Gives late duplicates time to show up before counting. */
    private static void settle() {
        sleep(500);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Percentiles by nearest rank, in milliseconds. */
    private record Stats(int n, double p50, double p90, double p99, double max) {

        static Stats of(List<Long> nanos) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Stats(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                    sorted[sorted.length - 1] / 1e6);
        }

        private static double rank(long[] sorted, double percent) {
            int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    // ----------------------------------------------------------------------------------- texts

    private record Question(String entry, String text) {
    }

    /**
     * Questions no cache has seen: every knowledge-base phrasing the engine answers, with a greeting
     * in front and a sign-off behind, each combination used once, in a fixed shuffled order.
     */
    private static final class Texts {
        private final Deque<Question> left;

        private Texts(List<Question> all, long seed) {
            List<Question> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, new Random(seed));
            left = new ArrayDeque<>(shuffled);
        }

        static Texts questions() {
            KnowledgeBase kb = KnowledgeBaseLoader.load(Path.of("..", "config", "knowledge.yaml"));
            List<Question> all = new ArrayList<>();
            for (KnowledgeEntry entry : kb.entries()) {
                for (String phrasing : entry.questions()) {
                    if (!NOT_ANSWERED.contains(phrasing)) {
                        all.addAll(variants(entry.id(), phrasing));
                    }
                }
            }
            return new Texts(all, 42);
        }

        static Texts of(String[] phrasings, long seed) {
            List<Question> all = new ArrayList<>();
            for (String phrasing : phrasings) {
                all.addAll(variants("", phrasing));
            }
            return new Texts(all, seed);
        }

        private static List<Question> variants(String entry, String phrasing) {
            List<Question> variants = new ArrayList<>();
            for (String greeting : GREETINGS) {
                for (String signOff : SIGN_OFFS) {
                    variants.add(new Question(entry, greeting + phrasing + signOff));
                }
            }
            return variants;
        }

        /** The next unused text, from another entry than {@code notEntry} (so a follow-up is not a re-ask). */
        synchronized Question next(String notEntry) {
            Deque<Question> skipped = new ArrayDeque<>();
            while (true) {
                Question q = left.poll();
                if (q == null) {
                    throw new IllegalStateException("out of question texts: add greetings or sign-offs");
                }
                if (notEntry == null || !q.entry().equals(notEntry)) {
                    while (!skipped.isEmpty()) {
                        left.addFirst(skipped.pollLast());
                    }
                    return q;
                }
                skipped.add(q);
            }
        }
    }

    // ----------------------------------------------------------------------------- instruments

    /**
     * Two JDA listeners around the bot's own: JDA's event manager calls listeners one after the other
     * on the gateway thread, so the first notes when the event reached the listeners and the last
     * when the bot's listener returned.
     */
    private static final class Stamps {
        private final Map<Long, Long> entered = new ConcurrentHashMap<>();
        private final Map<Long, Long> exited = new ConcurrentHashMap<>();
        final ListenerAdapter entry = stamp(entered);
        final ListenerAdapter exit = stamp(exited);

        /** Re-registers a running JDA's listeners between the two stamps. */
        static Stamps around(JDA jda) {
            Stamps stamps = new Stamps();
            Object[] existing = jda.getRegisteredListeners().toArray();
            jda.removeEventListener(existing);
            List<Object> ordered = new ArrayList<>();
            ordered.add(stamps.entry);
            ordered.addAll(Arrays.asList(existing));
            ordered.add(stamps.exit);
            jda.addEventListener(ordered.toArray());
            return stamps;
        }

        long entered(long messageId) {
            return entered.getOrDefault(messageId, 0L);
        }

        long exited(long messageId) {
            return exited.getOrDefault(messageId, 0L);
        }

        private static ListenerAdapter stamp(Map<Long, Long> into) {
            return new ListenerAdapter() {
                @Override
                public void onMessageReceived(MessageReceivedEvent event) {
                    into.put(event.getMessageIdLong(), System.nanoTime());
                }
            };
        }
    }

    /** What the store holds, looked up by row after a phase, to join the probe's stamps to messages. */
    private record Rows(Map<String, Long> messageRow, Map<Long, Long> conversationOfMessage,
                        Map<Long, Long> decisionOfMessage, Map<Long, Integer> decisionsPerMessage,
                        Map<Long, String> verdictOfMessage, Map<Long, Long> decisionMicros,
                        Map<Long, Long> handoffOfConversation, Map<Long, Long> notifiedEventOf,
                        Map<String, Integer> botMessagesPerChannel, int customerMessages, int botMessages) {
    }

    /**
     * SQLite's update and commit hooks on Baton's one connection: the moment each row is written (on
     * the writing thread, inside the store's call), and for handoffs the moment their transaction
     * commits. Costs one JNI upcall per written row.
     */
    private static final class Probe implements SQLiteUpdateListener, SQLiteCommitListener {
        private final Database database;
        private final Map<String, Map<Long, Long>> inserted = new ConcurrentHashMap<>();
        private final Map<Long, Long> committedHandoffs = new ConcurrentHashMap<>();
        private final List<Long> pendingHandoffs = Collections.synchronizedList(new ArrayList<>());

        private Probe(Database database) {
            this.database = database;
        }

        static Probe attach(Database database) {
            Probe probe = new Probe(database);
            database.read(c -> {
                SQLiteConnection sqlite = (SQLiteConnection) c;
                sqlite.addUpdateListener(probe);
                sqlite.addCommitListener(probe);
                return null;
            });
            return probe;
        }

        @Override
        public void onUpdate(Type type, String database, String table, long rowId) {
            if (type != Type.INSERT) {
                return;
            }
            long now = System.nanoTime();
            inserted.computeIfAbsent(table, t -> new ConcurrentHashMap<>()).put(rowId, now);
            if (table.equals("handoffs")) {
                pendingHandoffs.add(rowId);
            }
        }

        @Override
        public void onCommit() {
            long now = System.nanoTime();
            synchronized (pendingHandoffs) {
                pendingHandoffs.forEach(id -> committedHandoffs.put(id, now));
                pendingHandoffs.clear();
            }
        }

        @Override
        public void onRollback() {
            pendingHandoffs.clear();
        }

        long inserted(String table, long rowId) {
            Long at = inserted.getOrDefault(table, Map.of()).get(rowId);
            if (at == null) {
                throw new AssertionError("no insert seen for " + table + " row " + rowId);
            }
            return at;
        }

        long committed(long handoffId) {
            Long at = committedHandoffs.get(handoffId);
            if (at == null) {
                throw new AssertionError("no commit seen for handoff " + handoffId);
            }
            return at;
        }

        long count(String sql) {
            return database.read(c -> {
                try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
        }

        Rows rows() {
            return database.read(c -> {
                Map<String, Long> messageRow = new HashMap<>();
                Map<Long, Long> conversationOfMessage = new HashMap<>();
                Map<String, Integer> botPerChannel = new HashMap<>();
                int customers = 0;
                int bots = 0;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, discord_id, conversation_id, author_kind, channel_id FROM messages");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(2) != null) {
                            messageRow.put(rs.getString(2), rs.getLong(1));
                        }
                        conversationOfMessage.put(rs.getLong(1), rs.getLong(3));
                        if (rs.getString(4).equals("bot")) {
                            bots++;
                            botPerChannel.merge(rs.getString(5), 1, Integer::sum);
                        } else if (rs.getString(4).equals("customer")) {
                            customers++;
                        }
                    }
                }
                Map<Long, Long> decisionOfMessage = new HashMap<>();
                Map<Long, Integer> decisionsPerMessage = new HashMap<>();
                Map<Long, String> verdict = new HashMap<>();
                Map<Long, Long> micros = new HashMap<>();
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, message_id, verdict, latency_micros FROM decisions");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        decisionOfMessage.put(rs.getLong(2), rs.getLong(1));
                        decisionsPerMessage.merge(rs.getLong(2), 1, Integer::sum);
                        verdict.put(rs.getLong(2), rs.getString(3));
                        micros.put(rs.getLong(1), rs.getLong(4));
                    }
                }
                Map<Long, Long> handoffOfConversation = new HashMap<>();
                try (PreparedStatement s = c.prepareStatement("SELECT id, conversation_id FROM handoffs");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        handoffOfConversation.put(rs.getLong(2), rs.getLong(1));
                    }
                }
                Map<Long, Long> notified = new HashMap<>();
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, handoff_id FROM handoff_events WHERE kind = 'notified'");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        notified.putIfAbsent(rs.getLong(2), rs.getLong(1));
                    }
                }
                return new Rows(messageRow, conversationOfMessage, decisionOfMessage, decisionsPerMessage, verdict,
                        micros, handoffOfConversation, notified, botPerChannel, customers, bots);
            });
        }
    }
}
