package dev.baton.discord;

import static dev.baton.rules.RuleBookBuilder.rules;
import static dev.baton.rules.RuleBookBuilder.then;
import static dev.baton.rules.RuleBookBuilder.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.StoredMessage;
import dev.baton.desk.Reaction;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.FakeThread;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.discord.fake.RecordedRequest;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffRecord;
import dev.baton.triage.CueKind;
import dev.baton.triage.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, "private where it must be": a transfer from the console is a way into a handoff like any other.
 * The new person is brought into the conversation (a private thread included) and pinged, and the customer is
 * told who has it now; a practice handoff's transfer reaches nobody.
 */
@Tag("database")
class TransfersOnDiscordTest {

    private static final String ASKS_FOR_A_PERSON = "I want to speak to a real person about billing.";
    private static final int PRIVATE_THREAD = 12;

    @TempDir
    Path dataDir;
    private BatonOnFakeDiscord baton;
    private FakeDiscord fake;

    @BeforeEach
    void start() {
        baton = new BatonOnFakeDiscord(dataDir);
        fake = baton.fake;
        baton.rules = rules()
                .route("people requests, privately, to Alex", when().cue(CueKind.HUMAN_REQUEST),
                        then().person("alex").privateThread(true))
                .build();
    }

    @AfterEach
    void stop() {
        baton.close();
    }

    /** A handoff with Alex in a private thread, its notice posted and Alex in the thread. */
    private HandoffRecord handedToAlexInAPrivateThread() {
        fake.sendMessage(baton.support, baton.ann, ASKS_FOR_A_PERSON);
        BatonOnFakeDiscord.await(() -> fake.threads().stream().anyMatch(t -> t.type() == PRIVATE_THREAD));
        BatonOnFakeDiscord.await(() -> !baton.openHandoffs().isEmpty());
        HandoffRecord handoff = baton.openHandoffs().get(0);
        BatonOnFakeDiscord.await(() -> events(handoff, "notified") == 1);
        assertEquals("alex", handoff.assigneeId());
        return handoff;
    }

    private FakeThread privateThread() {
        return fake.threads().stream().filter(t -> t.type() == PRIVATE_THREAD).findFirst().orElseThrow();
    }

    private long events(HandoffRecord handoff, String kind) {
        return baton.handoffs.events(handoff.id()).stream().filter(e -> e.kind().equals(kind)).count();
    }

    private boolean added(long threadId, long userId) {
        return fake.threadMembersAdded().stream().anyMatch(m -> m[0] == threadId && m[1] == userId);
    }

    private List<String> allowedUsers(PostedMessage post) {
        RecordedRequest request = fake.requests().stream()
                .filter(r -> r.is("POST", "/channels/\\d+/messages")
                        && r.body().path("content").asText().equals(post.content()))
                .findFirst().orElseThrow();
        JsonNode allowed = request.body().path("allowed_mentions");
        assertEquals(0, allowed.path("parse").size(), "no free-for-all parsing: " + allowed);
        assertEquals(0, allowed.path("roles").size(), "no role pinged: " + allowed);
        return StreamSupport.stream(allowed.path("users").spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void aTransferFromAlexToSamInAPrivateThreadAddsSamPingsSamAndTellsTheCustomerItIsWithSam() {
        baton.startBot();
        HandoffRecord handoff = handedToAlexInAPrivateThread();
        long thread = privateThread().id();
        assertFalse(added(thread, baton.sam), "Sam is not in Alex's private thread yet");
        baton.desk.actions().claim(handoff.id(), "alex");

        baton.desk.actions().transfer(handoff.id(), "alex", "sam", "Sam knows the refund rules better");

        PostedMessage notice = fake.awaitPostedMessage(p -> p.channelId() == thread
                && p.content().contains(FakeDiscord.mention(baton.sam)), BatonOnFakeDiscord.WAIT);
        BatonOnFakeDiscord.await(() -> added(thread, baton.sam));
        BatonOnFakeDiscord.await(() -> events(handoff, "notified") == 2);
        assertTrue(notice.content().startsWith("Sam from support is taking over this conversation from here."),
                notice.content());
        assertFalse(notice.content().contains("Alex") || notice.content().contains(FakeDiscord.mention(baton.alex)),
                () -> "never who handed it on: " + notice.content());
        assertEquals(List.of(String.valueOf(baton.sam)), allowedUsers(notice), "pings Sam and nobody else");
        HandoffRecord now = baton.handoffs.handoff(handoff.id()).orElseThrow();
        assertEquals("sam", now.assigneeId());
        String told = baton.handoffs.events(handoff.id()).stream().filter(e -> e.kind().equals("notified"))
                .reduce((first, second) -> second).orElseThrow().detail();
        assertTrue(told.contains("Sam has it now (transferred by Alex)") && told.contains("added Sam to the thread"),
                told);
        StoredMessage stored = baton.conversations.transcript(handoff.conversationId()).stream()
                .filter(m -> m.authorKind() == AuthorKind.BOT && m.text().equals(notice.content()))
                .findFirst().orElseThrow(() -> new AssertionError("the notice is not in the transcript"));
        assertEquals(String.valueOf(notice.id()), stored.discordId(), "kept as sent, with its Discord id");
        assertEquals(HandoffEvent.BATON, stored.authorId());
    }

    @Test
    void theConsoleDoesNotWaitForDiscordToTellATransfer() {
        baton.startBot();
        HandoffRecord handoff = handedToAlexInAPrivateThread();
        fake.delayNext("POST", "/channels/\\d+/messages", Duration.ofSeconds(3));

        long started = System.nanoTime();
        baton.desk.actions().transfer(handoff.id(), "alex", "sam", null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, () -> "the transfer waited on Discord: " + took);
        BatonOnFakeDiscord.await(() -> events(handoff, "notified") == 2);
    }

    @Test
    void whenDiscordRefusesTheNoticeTheTimelineSaysSoAndTheTransferStands() {
        baton.startBot();
        HandoffRecord handoff = handedToAlexInAPrivateThread();
        fake.failNext("POST", "/channels/\\d+/messages", 403, "{\"code\": 50013, \"message\": \"Missing Permissions\"}",
                java.util.Map.of());

        baton.desk.actions().transfer(handoff.id(), "alex", "sam", null);

        BatonOnFakeDiscord.await(() -> events(handoff, "notify_failed") == 1);
        assertEquals("sam", baton.handoffs.handoff(handoff.id()).orElseThrow().assigneeId());
        assertTrue(baton.conversations.transcript(handoff.conversationId()).stream()
                        .noneMatch(m -> m.text().contains("taking over this conversation")),
                "what did not reach the conversation is not in its transcript");
    }

    @Test
    void transferringAPracticeHandoffPostsNothingAndNotifiesNobody() throws InterruptedException {
        baton.startBot();
        Reaction.HandOff practice = baton.desk.practice("alex", List.of(Message.customer(ASKS_FOR_A_PERSON)))
                .orElseThrow();
        HandoffRecord handoff = practice.handoff();
        String to = handoff.assigneeId().equals("sam") ? "alex" : "sam";
        // The bot registers its slash commands just after it is ready: count only what comes after them.
        BatonOnFakeDiscord.await(() -> !fake.registeredCommands().isEmpty());
        int requestsBefore = fake.requests().size();
        long notifiedBefore = events(handoff, "notified") + events(handoff, "notify_failed");

        baton.desk.actions().transfer(handoff.id(), handoff.assigneeId(), to, null);
        Thread.sleep(500); // a post, were there one, is on its way within this on loopback

        List<RecordedRequest> requests = fake.requests();
        List<RecordedRequest> after = requests.subList(requestsBefore, requests.size());
        assertTrue(after.stream().noneMatch(r -> r.method().equals("POST") || r.method().equals("PUT")),
                () -> "nothing sent to Discord: " + after);
        assertEquals(notifiedBefore, events(handoff, "notified") + events(handoff, "notify_failed"));
        assertEquals(to, baton.handoffs.handoff(handoff.id()).orElseThrow().assigneeId());
    }
}
