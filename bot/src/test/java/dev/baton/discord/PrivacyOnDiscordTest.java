package dev.baton.discord;

import static dev.baton.rules.RuleBookBuilder.rules;
import static dev.baton.rules.RuleBookBuilder.then;
import static dev.baton.rules.RuleBookBuilder.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.FakeThread;
import dev.baton.discord.fake.MessageSpec;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.discord.fake.RecordedRequest;
import dev.baton.handoff.HandoffRecord;
import dev.baton.rules.Priority;
import dev.baton.triage.CueKind;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 16, "private where it must be": every way into a handoff honours the route's private thread and
 * person, nothing sensitive is posted publicly, and no post of Baton's pings more than it means to.
 */
@Tag("database")
class PrivacyOnDiscordTest {

    private static final String GRIEF = "my mother died last week and I need to close her account";
    private static final String PRICE_QUESTION = "How much does Lumen Plus cost?";
    private static final int PRIVATE_THREAD = 12;
    private static final int EPHEMERAL = 1 << 6;

    @TempDir
    Path dataDir;
    private BatonOnFakeDiscord baton;
    private FakeDiscord fake;
    private long staff;

    @BeforeEach
    void start() {
        baton = new BatonOnFakeDiscord(dataDir);
        fake = baton.fake;
        staff = fake.addTextChannel("staff");
        baton.staffChannel = staff;
        // As the shipped rules.yaml: grief and anxiety go to a private thread (here with Sam named).
        baton.rules = rules()
                .route("grief and anxiety, privately", when().cue(CueKind.SADNESS_GRIEF, CueKind.ANXIETY),
                        then().person("sam").priority(Priority.HIGH).privateThread(true))
                .build();
    }

    @AfterEach
    void stop() {
        baton.close();
    }

    private static Predicate<PostedMessage> in(long channelId) {
        return p -> p.channelId() == channelId;
    }

    private PostedMessage awaitPost(Predicate<PostedMessage> match) {
        return fake.awaitPostedMessage(match, BatonOnFakeDiscord.WAIT);
    }

    private HandoffRecord awaitHandoff() {
        BatonOnFakeDiscord.await(() -> !baton.openHandoffs().isEmpty());
        return baton.openHandoffs().get(0);
    }

    private FakeThread awaitPrivateThread() {
        BatonOnFakeDiscord.await(() -> fake.threads().stream().anyMatch(t -> t.type() == PRIVATE_THREAD));
        return fake.threads().stream().filter(t -> t.type() == PRIVATE_THREAD).findFirst().orElseThrow();
    }

    private void awaitAdded(long threadId, long userId) {
        BatonOnFakeDiscord.await(() -> fake.threadMembersAdded().stream()
                .anyMatch(m -> m[0] == threadId && m[1] == userId));
    }

    private void awaitNotified(HandoffRecord handoff) {
        BatonOnFakeDiscord.await(() -> baton.handoffs.events(handoff.id()).stream()
                .anyMatch(e -> e.kind().startsWith("notif")));
    }

    /** Interaction replies and followups that everyone in the channel can see. */
    private List<RecordedRequest> publicInteractionPosts() {
        return fake.requests().stream()
                .filter(r -> r.path().matches("/webhooks/\\d+/[^/]+(/messages/@original)?")
                        || r.path().matches("/interactions/\\d+/[^/]+/callback"))
                .filter(r -> r.body() != null && (flags(r.body()) & EPHEMERAL) == 0)
                .toList();
    }

    private static int flags(JsonNode body) {
        return body.has("data") ? body.path("data").path("flags").asInt(0) : body.path("flags").asInt(0);
    }

    private List<RecordedRequest> botPostsIn(long channelId) {
        return fake.requests().stream().filter(r -> r.is("POST", "/channels/" + channelId + "/messages")).toList();
    }

    // ---------------------------------------------------------------------- 1. every way in

    @Test
    void humanWithGriefInTheSupportChannelOpensAPrivateThreadWithSamAndAnswersTheCustomerAlone() {
        baton.startBot();
        fake.slashCommand(baton.support, baton.ann, "human", Map.of("why", GRIEF));

        FakeThread thread = awaitPrivateThread();
        PostedMessage notice = awaitPost(in(thread.id()));
        HandoffRecord handoff = awaitHandoff();
        awaitAdded(thread.id(), baton.ann);
        awaitAdded(thread.id(), baton.sam);
        awaitNotified(handoff);

        assertEquals(baton.support, thread.parentId());
        assertEquals("sam", handoff.assigneeId());
        assertEquals("sadness_grief", handoff.reason(), "grief is the main reason, worded for grief");
        assertTrue(notice.content().contains("Sam"), notice.content());
        assertTrue(botPostsIn(baton.support).isEmpty(), () -> "nothing posted in the channel: " + fake.requests());
        BatonOnFakeDiscord.await(() -> fake.requests().stream().anyMatch(r -> r.path().startsWith("/webhooks/")
                && r.body().path("content").asText("").contains("<#" + thread.id() + ">")));
        assertEquals(List.of(), publicInteractionPosts(), "the interaction is answered for the customer alone");
        assertEquals(String.valueOf(thread.id()), baton.conversations.conversation(handoff.conversationId())
                .orElseThrow().threadId());
    }

    @Test
    void askWithGriefOpensThePrivateThreadAndThePublicReplySaysOnlyWhere() {
        baton.startBot();
        fake.slashCommand(baton.support, baton.ann, "ask", Map.of("question", GRIEF));

        FakeThread thread = awaitPrivateThread();
        awaitPost(in(thread.id()));
        HandoffRecord handoff = awaitHandoff();
        awaitAdded(thread.id(), baton.ann);
        awaitAdded(thread.id(), baton.sam);
        RecordedRequest reply = fake.awaitRequest(r -> r.path().startsWith("/webhooks/"), BatonOnFakeDiscord.WAIT);

        assertEquals("sam", handoff.assigneeId());
        assertTrue(botPostsIn(baton.support).isEmpty(), () -> "nothing posted in the channel: " + fake.requests());
        String said = reply.body().path("content").asText();
        assertTrue(said.contains("<#" + thread.id() + ">"), said);
        assertFalse(said.contains("mother") || said.contains("sorry"), () -> "nothing of what it is about: " + said);
    }

    @Test
    void talkToAPersonUnderAnAnswerFollowsAPrivateRouteIntoAPrivateThreadWithTheNamedPerson() {
        baton.rules = rules()
                .route("people requests, privately", when().cue(CueKind.HUMAN_REQUEST),
                        then().person("sam").privateThread(true))
                .build();
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long publicThread = baton.threadFor(question);
        PostedMessage answer = awaitPost(in(publicThread));
        fake.pressButton(publicThread, answer.id(), baton.ann, answer.components().findValuesAsText("custom_id").get(0));

        FakeThread thread = awaitPrivateThread();
        PostedMessage notice = awaitPost(in(thread.id()));
        HandoffRecord handoff = awaitHandoff();
        awaitAdded(thread.id(), baton.ann);
        awaitAdded(thread.id(), baton.sam);
        awaitNotified(handoff);

        assertEquals("sam", handoff.assigneeId());
        assertTrue(notice.content().contains("Sam"), notice.content());
        assertEquals(List.of(), publicInteractionPosts(), "the button is answered for the customer alone");
        assertEquals(1, botPostsIn(publicThread).size(), "only the answer in the public thread");
    }

    @Test
    void aGriefMessageGoesToAPrivateThreadWithSamAndTheStaffNoteLinksThatThread() {
        baton.startBot();
        long message = fake.sendMessage(baton.support, baton.ann, GRIEF);

        FakeThread thread = awaitPrivateThread();
        awaitPost(in(thread.id()));
        HandoffRecord handoff = awaitHandoff();
        awaitAdded(thread.id(), baton.ann);
        awaitAdded(thread.id(), baton.sam);
        PostedMessage note = awaitPost(in(staff));

        assertEquals("sam", handoff.assigneeId());
        assertTrue(note.content().contains("<#" + thread.id() + ">"), note.content());
        assertFalse(note.content().contains("<#" + baton.support + ">"), note.content());
        assertTrue(botPostsIn(baton.support).isEmpty(), () -> "nothing posted in the channel: " + fake.requests());
        assertTrue(baton.conversations.isStored(String.valueOf(message)));
    }

    @Test
    void griefWrittenInAnAnswersPublicThreadMovesToAPrivateThreadAndThePublicOneOnlyPointsThere() {
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long publicThread = baton.threadFor(question);
        awaitPost(in(publicThread));
        fake.sendMessage(publicThread, baton.ann, GRIEF);

        FakeThread thread = awaitPrivateThread();
        PostedMessage notice = awaitPost(in(thread.id()));
        awaitAdded(thread.id(), baton.ann);
        awaitAdded(thread.id(), baton.sam);
        PostedMessage pointer = awaitPost(in(publicThread).and(p -> p.content().contains("<#" + thread.id() + ">")));

        assertTrue(notice.content().contains("Sam"), notice.content());
        assertFalse(pointer.content().contains("Sam"), () -> "the public thread says only where: " + pointer.content());
        assertEquals(2, botPostsIn(publicThread).size(), "the answer and the pointer, no notice");
        assertEquals("sadness_grief", awaitHandoff().reason());
    }

    @Test
    void aGriefDmIsHandedToSamInTheDmWithNothingPostedInAChannel() {
        baton.startBot();
        long dm = fake.openDm(baton.ann);
        fake.sendMessage(dm, baton.ann, GRIEF);

        PostedMessage notice = awaitPost(in(dm));
        HandoffRecord handoff = awaitHandoff();
        awaitNotified(handoff);

        assertEquals("sam", handoff.assigneeId());
        assertTrue(notice.content().contains("Sam"), notice.content());
        assertTrue(botPostsIn(baton.support).isEmpty(), () -> "nothing posted in the channel: " + fake.requests());
        assertTrue(fake.threads().isEmpty(), () -> "no thread for a DM: " + fake.threads());
    }

    // ---------------------------------------------------------------- 6. the permission it needs

    @Test
    void withoutCreatePrivateThreadsBatonSaysAtStartupThatPrivateRoutesCannotWork() {
        fake.everyonePermissions(FakeDiscord.DEFAULT_EVERYONE_PERMISSIONS
                & ~FakeDiscord.CREATE_PRIVATE_THREADS);
        Logger log = (Logger) LoggerFactory.getLogger(DiscordBot.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            baton.startBot();
        } finally {
            log.detachAppender(lines);
        }
        List<String> warnings = lines.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Create Private Threads") && w.contains("#support")),
                warnings::toString);
    }

    @Test
    void withEveryPermissionNothingIsSaidAboutThreads() {
        Logger log = (Logger) LoggerFactory.getLogger(DiscordBot.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            baton.startBot();
        } finally {
            log.detachAppender(lines);
        }
        assertTrue(lines.list.stream().noneMatch(e -> e.getFormattedMessage().contains("Threads")),
                lines.list::toString);
    }

    // -------------------------------------------------------------------- 3. allowed mentions

    @Test
    void everyPostOfBatonsPingsOnlyThePeopleItMeans() {
        baton.startBot();
        long hello = fake.sendMessage(baton.support, baton.bob, "hi everyone, I'm new here");
        long thread = baton.threadFor(hello);
        awaitPost(in(thread));
        fake.sendMessage(thread, baton.bob, PRICE_QUESTION);
        awaitPost(in(thread).and(p -> p.content().contains("Lumen Plus")));
        fake.sendMessage(baton.support, baton.ann, GRIEF);
        awaitPost(in(awaitPrivateThread().id()));
        awaitPost(in(staff));
        fake.slashCommand(baton.general, baton.bob, "ask", Map.of("question", PRICE_QUESTION));
        fake.awaitRequest(r -> r.path().startsWith("/webhooks/"), BatonOnFakeDiscord.WAIT);

        Set<String> meant = Set.of(String.valueOf(baton.ann), String.valueOf(baton.bob), String.valueOf(baton.sam));
        List<RecordedRequest> posts = fake.requests().stream()
                .filter(r -> r.method().equals("POST") || r.method().equals("PATCH"))
                .filter(r -> r.path().matches("/channels/\\d+/messages") || r.path().startsWith("/webhooks/"))
                .toList();
        assertTrue(posts.size() >= 5, () -> "posts: " + posts);
        for (RecordedRequest post : posts) {
            JsonNode allowed = post.body().path("allowed_mentions");
            assertFalse(allowed.isMissingNode(), () -> "no allowed_mentions on " + post);
            assertEquals(0, allowed.path("parse").size(), () -> "parses every mention: " + post);
            Set<String> users = new HashSet<>();
            allowed.path("users").forEach(u -> users.add(u.asText()));
            assertTrue(meant.containsAll(users), () -> "pings someone unmeant: " + post);
            assertEquals(0, allowed.path("roles").size(), () -> "pings a role: " + post);
        }
    }

    // ------------------------------------------------------------------------ 4. thread names

    @Test
    void aThreadIsNotNamedAfterBatonsMention() {
        baton.startBot();
        long mention = fake.sendMessage(MessageSpec.of(baton.support, baton.bob,
                FakeDiscord.mention(FakeDiscord.BOT_USER_ID) + " what payment methods do you take?").mentioningBot());
        long thread = baton.threadFor(mention);
        String name = fake.threads().stream().filter(t -> t.id() == thread).findFirst().orElseThrow().name();
        assertEquals("what payment methods do you take?", name);
    }

    // ------------------------------------------------------------ 5. a thread refused by Discord

    @Test
    void whenNoThreadCanBeStartedTheAnswerRepliesToTheCustomersMessageInTheChannel() {
        fake.failNext("POST", "/channels/\\d+/messages/\\d+/threads", 403,
                "{\"code\": 50013, \"message\": \"Missing Permissions\"}", Map.of());
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.bob, PRICE_QUESTION);

        PostedMessage answer = awaitPost(in(baton.support));
        assertEquals(Long.valueOf(question), answer.replyToMessageId(), "it says whom it answers");
        assertTrue(answer.content().contains("Lumen Plus"), answer.content());
    }
}
