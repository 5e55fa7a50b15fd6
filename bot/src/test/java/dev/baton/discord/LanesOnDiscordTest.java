package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.StoredMessage;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.discord.fake.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** Decisions off JDA's event thread (issue 16): other customers in parallel, one customer in order, nobody ignored. */
@Tag("database")
class LanesOnDiscordTest {

    private static final String PRICE_QUESTION = "How much does Lumen Plus cost?";

    @TempDir
    Path dataDir;
    private BatonOnFakeDiscord baton;
    private FakeDiscord fake;

    @BeforeEach
    void start() {
        baton = new BatonOnFakeDiscord(dataDir);
        fake = baton.fake;
    }

    @AfterEach
    void stop() {
        baton.close();
    }

    private static boolean onALane() {
        return Thread.currentThread().getName().startsWith("baton-lane-");
    }

    @Test
    void twoCustomersAreDecidedAtTheSameTime() {
        CyclicBarrier both = new CyclicBarrier(2);
        AtomicInteger decisions = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean(true);
        // Each of the first two decisions waits for the other: they pass only if they run at once.
        baton.onRulesRead = () -> {
            if (onALane() && decisions.getAndIncrement() < 2) {
                try {
                    both.await(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    overlapped.set(false);
                }
            }
        };
        baton.startBot();
        long ann = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long bob = fake.sendMessage(baton.support, baton.bob, "Where can I download Lumen?");
        long annThread = baton.threadFor(ann);
        long bobThread = baton.threadFor(bob);
        fake.awaitPostedMessage(p -> p.channelId() == annThread, BatonOnFakeDiscord.WAIT);
        fake.awaitPostedMessage(p -> p.channelId() == bobThread, BatonOnFakeDiscord.WAIT);
        assertTrue(overlapped.get(), "the two customers' decisions did not run at the same time");
    }

    @Test
    void oneCustomersBurstIsStoredAndAnsweredInOrderEvenWhenTheFirstDecisionIsSlow() {
        AtomicInteger decisions = new AtomicInteger();
        baton.onRulesRead = () -> {
            if (onALane() && decisions.getAndIncrement() == 0) {
                sleep(300); // the later messages arrive meanwhile and must wait their turn
            }
        };
        baton.startBot();
        List<String> burst = List.of(PRICE_QUESTION, "Do you have a student discount?",
                "Which file formats does Lumen Slicer support?");
        List<Long> sent = burst.stream().map(text -> fake.sendMessage(baton.support, baton.ann, text)).toList();
        long thread = baton.threadFor(sent.get(0));
        // Until Discord confirmed each reply (its final text is stored then).
        BatonOnFakeDiscord.await(() -> baton.transcript(sent.get(0)).stream()
                .filter(m -> m.authorKind() == AuthorKind.BOT && m.discordId() != null).count() >= 3);
        BatonOnFakeDiscord.await(() -> fake.postedMessages().stream().filter(p -> p.channelId() == thread).count() >= 3);
        List<StoredMessage> transcript = baton.transcript(sent.get(0));
        assertEquals(sent.stream().map(String::valueOf).toList(), transcript.stream()
                .filter(m -> m.authorKind() == AuthorKind.CUSTOMER).map(StoredMessage::discordId).toList(),
                "the customer's messages, once each, in the order sent");
        // Each question is followed by Baton's reply to it before the next question: decided strictly in turn.
        List<AuthorKind> kinds = transcript.stream().map(StoredMessage::authorKind).toList();
        assertEquals(List.of(AuthorKind.CUSTOMER, AuthorKind.BOT, AuthorKind.CUSTOMER, AuthorKind.BOT,
                AuthorKind.CUSTOMER, AuthorKind.BOT), kinds, () -> "transcript: " + transcript);
        List<String> posted = fake.postedMessages().stream().filter(p -> p.channelId() == thread)
                .map(PostedMessage::content).toList();
        assertEquals(transcript.stream().filter(m -> m.authorKind() == AuthorKind.BOT).map(StoredMessage::text).toList(),
                posted, "posted once each, in the order decided");
    }

    @Test
    void repliesLandInTheOrderDecidedEvenWhenTheFirstWaitsForItsThread() {
        baton.startBot();
        // Discord is slow to start the thread: the later answers are decided meanwhile, and find it ready.
        fake.delayNext("POST", ".*/messages/\\d+/threads", Duration.ofMillis(700));
        List<String> burst = List.of(PRICE_QUESTION, "Do you have a student discount?",
                "Which file formats does Lumen Slicer support?");
        List<Long> sent = burst.stream().map(text -> fake.sendMessage(baton.support, baton.ann, text)).toList();
        long thread = baton.threadFor(sent.get(0));
        BatonOnFakeDiscord.await(() -> fake.postedMessages().stream().filter(p -> p.channelId() == thread).count() >= 3);
        BatonOnFakeDiscord.await(() -> baton.transcript(sent.get(0)).stream()
                .filter(m -> m.authorKind() == AuthorKind.BOT && m.discordId() != null).count() >= 3);
        List<String> decided = baton.transcript(sent.get(0)).stream().filter(m -> m.authorKind() == AuthorKind.BOT)
                .map(StoredMessage::text).toList();
        List<String> posted = fake.postedMessages().stream().filter(p -> p.channelId() == thread)
                .map(PostedMessage::content).toList();
        assertEquals(decided, posted, "posted in the order decided");
    }

    @Test
    void aCustomerKeptWaitingSeesTypingThenOneMomentAndIsStillAnswered() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger decisions = new AtomicInteger();
        baton.acknowledgeAfter = Duration.ofSeconds(1);
        baton.onRulesRead = () -> {
            if (onALane() && decisions.getAndIncrement() == 0) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        baton.startBot();
        long first = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long waiting = fake.sendMessage(baton.support, baton.ann, "Do you have a student discount?");
        PostedMessage oneMoment = fake.awaitPostedMessage(p -> p.content().equals(BatonListener.ONE_MOMENT),
                BatonOnFakeDiscord.WAIT);
        assertEquals(baton.support, oneMoment.channelId());
        assertEquals(Long.valueOf(waiting), oneMoment.replyToMessageId(), "a reply to the message that waits");
        RecordedRequest typing = fake.requests().stream()
                .filter(r -> r.is("POST", ".*/channels/" + baton.support + "/typing")).findFirst()
                .orElseThrow(() -> new AssertionError("no typing before the one moment: " + fake.requests()));
        assertTrue(typing.receivedNanos() < oneMoment.receivedNanos(), "typing first");

        release.countDown();
        long thread = baton.threadFor(first);
        BatonOnFakeDiscord.await(() -> fake.postedMessages().stream().filter(p -> p.channelId() == thread).count() >= 2);
        assertEquals(1, fake.postedMessages().stream().filter(p -> p.content().equals(BatonListener.ONE_MOMENT))
                .count(), "told once");
        assertEquals(2, baton.transcript(first).stream().filter(m -> m.authorKind() == AuthorKind.CUSTOMER).count());
        // What Baton said while the customer waited is in the record, where it was said: after their message, before the answer.
        BatonOnFakeDiscord.await(() -> baton.transcript(first).stream()
                .filter(m -> m.authorKind() == AuthorKind.BOT && m.discordId() != null).count() >= 3);
        List<StoredMessage> transcript = baton.transcript(first);
        List<String> read = transcript.stream().map(m -> m.authorKind() == AuthorKind.CUSTOMER ? m.discordId()
                : m.text().equals(BatonListener.ONE_MOMENT) ? "one moment" : "answer").toList();
        assertEquals(List.of(String.valueOf(first), "answer", String.valueOf(waiting), "one moment", "answer"), read,
                () -> "transcript: " + transcript);
        StoredMessage told = transcript.get(3);
        assertEquals(String.valueOf(oneMoment.id()), told.discordId(), "confirmed with the post Discord made");
    }

    @Test
    void aCustomerWhoseConversationAPersonHasIsNotToldOneMomentHoweverLongTheyWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        baton.acknowledgeAfter = Duration.ofMillis(400);
        baton.onRulesRead = () -> {
            if (onALane() && armed.getAndSet(false)) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        baton.startBot();
        long first = fake.sendMessage(baton.support, baton.ann, "I want to talk to a human please");
        long thread = baton.threadFor(first);
        fake.awaitPostedMessage(p -> p.channelId() == thread, BatonOnFakeDiscord.WAIT); // the handoff notice
        armed.set(true);
        long held = fake.sendMessage(thread, baton.ann, "hello?"); // held on her lane...
        long waiting = fake.sendMessage(thread, baton.ann, "still there?"); // ...so this one waits behind it
        sleep(1_500);
        release.countDown();
        BatonOnFakeDiscord.await(() -> baton.transcript(first).stream()
                .filter(m -> String.valueOf(waiting).equals(m.discordId())).count() == 1);
        assertEquals(0, fake.postedMessages().stream().filter(p -> p.content().equals(BatonListener.ONE_MOMENT))
                .count(), "a conversation with a person gets no word from Baton");
        assertEquals(0, fake.requests().stream().filter(r -> r.is("POST", ".*/channels/" + thread + "/typing")).count(),
                "nor typing");
        assertTrue(baton.transcript(first).stream().anyMatch(m -> String.valueOf(held).equals(m.discordId())));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
