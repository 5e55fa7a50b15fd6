package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.StoredMessage;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.MessageSpec;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffRecord;
import java.nio.file.Path;
import net.dv8tion.jda.api.Permission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** The scenarios of issue 3, end to end: real JDA and the real engine against a fake Discord on loopback. */
@Tag("database")
class DiscordScenariosTest {

    private static final Duration WAIT = BatonOnFakeDiscord.WAIT;
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

    private PostedMessage awaitPost(Predicate<PostedMessage> match) {
        return fake.awaitPostedMessage(match, WAIT);
    }

    private static Predicate<PostedMessage> in(long channelId) {
        return p -> p.channelId() == channelId;
    }

    private long threadFor(long starterMessageId) {
        return baton.threadFor(starterMessageId);
    }

    private static void await(BooleanSupplier condition) {
        BatonOnFakeDiscord.await(condition);
    }

    /** Gives Baton time to (wrongly) answer, then checks that it did not: silence has no event to wait for. */
    private void assertNoPostIn(long channelId, int expectedCount) {
        await(() -> true);
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(expectedCount, fake.postedMessages().stream().filter(in(channelId)).count(),
                () -> "posts in " + channelId + ": " + fake.postedMessages());
    }

    private String discordIdOf(HandoffRecord handoff) {
        return baton.roster.byId(handoff.assigneeId()).orElseThrow().discordUserId();
    }

    private HandoffRecord awaitHandoff() {
        await(() -> !baton.openHandoffs().isEmpty());
        return baton.openHandoffs().get(0);
    }

    private HandoffEvent awaitEvent(HandoffRecord handoff, String kind) {
        await(() -> baton.handoffs.events(handoff.id()).stream().anyMatch(e -> e.kind().equals(kind)));
        return baton.handoffs.events(handoff.id()).stream().filter(e -> e.kind().equals(kind)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------ 1. answers

    @Test
    void aGreetingAloneGetsTheSmallTalkReplyWithTheTalkToAPersonButtonAndNoHandoff() {
        baton.startBot();
        long hello = fake.sendMessage(baton.support, baton.ann, "hi everyone, I'm new here");
        long thread = threadFor(hello);
        PostedMessage reply = awaitPost(in(thread));
        assertTrue(reply.content().contains("I'm Baton, the support bot"), reply.content());
        assertTrue(reply.components().toString().contains("Talk to a person"), reply.components().toString());
        await(() -> baton.transcript(hello).size() == 2);
        assertEquals(AuthorKind.BOT, baton.transcript(hello).get(1).authorKind());
        assertTrue(baton.openHandoffs().isEmpty());
    }

    @Test
    void aSimpleFactualQuestionGetsTheKnowledgeBaseAnswerInAThreadWithTheTalkToAPersonButton() {
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long thread = threadFor(question);
        PostedMessage answer = awaitPost(in(thread));
        assertTrue(answer.content().contains("Lumen Plus"), answer.content());
        assertTrue(answer.components().toString().contains("baton:human:"), answer.components().toString());
        assertTrue(answer.components().toString().contains("Talk to a person"), answer.components().toString());
        ConversationRecord conversation = baton.conversationOf(question);
        assertEquals(String.valueOf(thread), conversation.threadId());
        await(() -> baton.transcript(question).size() == 2);
        StoredMessage stored = baton.transcript(question).get(1);
        assertEquals(AuthorKind.BOT, stored.authorKind());
        assertEquals("plus-price", stored.kbId());
    }

    // ---------------------------------------------------------------- 2. the frustrated re-ask

    @Test
    void aFrustratedReAskAfterAnUnhelpfulAnswerIsHandedToTheNamedPersonWithTheEvidence() {
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long thread = threadFor(question);
        awaitPost(in(thread));
        String reAsk = "That doesn't answer my question at all. I already asked this twice and I'm getting really"
                + " frustrated, how much is it per month???";
        fake.sendMessage(thread, baton.ann, reAsk);

        PostedMessage notice = awaitPost(in(thread).and(p -> p.content().contains("<@" + baton.alex + ">")));
        assertTrue(notice.content().contains("Alex"), notice.content());
        assertFalse(notice.components() != null && notice.components().toString().contains("baton:human"),
                "a handoff notice has no FAQ button");
        await(() -> fake.threadMembersAdded().stream().anyMatch(m -> m[0] == thread && m[1] == baton.alex));

        HandoffRecord handoff = awaitHandoff();
        assertEquals("alex", handoff.assigneeId());
        assertEquals("frustration", handoff.reason());
        HandoffPacket packet = baton.packet(handoff);
        assertTrue(packet.cues().stream().anyMatch(c -> c.fired() && c.kind().equals("frustration")
                && reAsk.contains(c.evidence().replace("\"", ""))) || packet.cues().stream().anyMatch(c -> c.fired()
                && c.kind().equals("frustration") && c.line() >= 0
                && packet.transcript().get(c.line()).text().equals(reAsk)), packet.cues().toString());
        assertEquals(List.of("plus-price"), packet.answers().stream().map(HandoffPacket.BotAnswer::kbId).toList());
        assertEquals("ann", packet.customer().name());
        assertTrue(packet.assignment().why().contains("billing"), packet.assignment().why());
        assertTrue(packet.summary().contains("wants"), packet.summary());
        awaitEvent(handoff, "notified");
    }

    // ---------------------------------------------------------------- 3. button and /human

    @Test
    void pressingTalkToAPersonHandsOffAtOnceAsAHumanRequest() {
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long thread = threadFor(question);
        PostedMessage answer = awaitPost(in(thread));
        String customId = answer.components().findValuesAsText("custom_id").get(0);
        fake.pressButton(thread, answer.id(), baton.ann, customId);

        HandoffRecord handoff = awaitHandoff();
        assertEquals("human_request", handoff.reason());
        // The notice is Baton's post in the thread, where the person sees it; the button gets a word for the
        // customer alone.
        awaitPost(in(thread).and(p -> !p.viaWebhook() && p.content().contains("<@" + discordIdOf(handoff) + ">")));
        await(() -> fake.requests().stream().anyMatch(r -> r.path().contains("/webhooks/")
                && r.body() != null && (r.body().path("flags").asInt() & 64) != 0));
    }

    @Test
    void theHumanSlashCommandHandsOffAsAHumanRequest() {
        baton.startBot();
        fake.slashCommand(baton.support, baton.bob, "human", Map.of("why", "my print keeps failing"));
        HandoffRecord handoff = awaitHandoff();
        assertEquals("human_request", handoff.reason());
        HandoffPacket packet = baton.packet(handoff);
        assertTrue(packet.transcript().get(0).text().contains("my print keeps failing"), packet.transcript().toString());
        // Registering is queued after the gateway is ready: it may land after the handoff on a busy machine.
        await(() -> fake.registeredCommands().toString().contains("\"ask\""));
    }

    // ------------------------------------------------------------------------------ 4. grief

    @Test
    void aGriefMessageGoesOnlyToAnOptedInPersonWithGentleWordingAndNoFaqText() {
        baton.startBot();
        String grief = "My father passed away last month. I need to cancel his Lumen Plus subscription,"
                + " he was the one who paid for it.";
        long message = fake.sendMessage(baton.support, baton.ann, grief);
        long thread = threadFor(message);
        PostedMessage notice = awaitPost(in(thread));
        HandoffRecord handoff = awaitHandoff();
        assertEquals("sadness_grief", handoff.reason());
        assertEquals("sam", handoff.assigneeId(), "billing topic, but only Sam opted in to grief");
        assertTrue(notice.content().contains("Sam"), notice.content());
        assertTrue(notice.content().contains("<@" + baton.sam + ">"), notice.content());
        String cancelAnswer = baton.knowledgeAnswer("cancel-plus");
        assertFalse(notice.content().contains(cancelAnswer.substring(0, 40)), "no FAQ answer in a handoff");
        assertFalse(notice.content().toLowerCase().contains("faq"), notice.content());
        assertTrue(notice.components() == null || !notice.components().toString().contains("baton:human"));
    }

    // ------------------------------------------------------------------- 5. quiet after handoff

    @Test
    void afterAHandoffFurtherCustomerMessagesGetNoBotAnswerButAreStored() {
        baton.startBot();
        fake.slashCommand(baton.support, baton.ann, "human", Map.of());
        HandoffRecord handoff = awaitHandoff();
        awaitEvent(handoff, "notified");
        // The notice is in the handoff's thread; in the channel only the word to the customer about it, the slash
        // command's reply, which can land after the notice: wait for it before counting, or it reads as an answer.
        awaitPost(in(baton.support));
        int before = (int) fake.postedMessages().stream().filter(in(baton.support)).count();
        long later = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        await(() -> baton.conversations.isStored(String.valueOf(later)));
        assertNoPostIn(baton.support, before);
        assertEquals(1, fake.threads().size(), () -> "only the handoff's thread, none for an answer: " + fake.threads());
        assertEquals(handoff.conversationId(), baton.conversationOf(later).id());
    }

    // ------------------------------------------------------------------- 6. interleaved customers

    @Test
    void twoCustomersInterleavingInOneChannelHaveSeparateConversationsAndThreads() {
        baton.startBot();
        long annFirst = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long bobFirst = fake.sendMessage(baton.support, baton.bob, "Where can I download Lumen?");
        long annSecond = fake.sendMessage(baton.support, baton.ann, "Do you have a student discount?");
        long bobSecond = fake.sendMessage(baton.support, baton.bob, "Which file formats does Lumen Slicer support?");
        await(() -> fake.postedMessages().size() >= 4);
        ConversationRecord ann = baton.conversationOf(annFirst);
        ConversationRecord bob = baton.conversationOf(bobFirst);
        assertNotEquals(ann.id(), bob.id());
        assertEquals(ann.id(), baton.conversationOf(annSecond).id());
        assertEquals(bob.id(), baton.conversationOf(bobSecond).id());
        assertTrue(baton.transcript(annFirst).stream().noneMatch(m -> m.authorId().equals(String.valueOf(baton.bob))));
        assertEquals(2, fake.threads().size(), () -> "threads: " + fake.threads());
        long annThread = threadFor(annFirst);
        await(() -> fake.postedMessages().stream().filter(in(annThread)).count() == 2);
    }

    // ------------------------------------------------------------------- 7. gateway drop + resume

    @Test
    void aGatewayDropMidConversationLosesNoMessageAndAnswersNothingTwice() {
        baton.startBot();
        long first = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long thread = threadFor(first);
        awaitPost(in(thread));
        fake.dropGateway(4000);
        long whileAway = fake.sendMessage(thread, baton.ann, "Do you have a student discount?");
        await(() -> fake.resumeCount() >= 1);
        await(() -> fake.postedMessages().stream().filter(in(thread)).count() >= 2);
        assertNoPostIn(thread, 2);
        assertTrue(baton.conversations.isStored(String.valueOf(whileAway)));
        assertEquals(1, fake.identifyCount(), "resumed, not re-identified");
    }

    // --------------------------------------------------------------- 8. rate limits and permissions

    @Test
    void aRateLimitThenAServerErrorStillDeliversTheReplyExactlyOnce() {
        baton.startBot();
        fake.failNext("POST", "/channels/\\d+/messages$", 429, "{\"message\":\"You are being rate limited.\","
                + "\"retry_after\":0.2,\"global\":false}", Map.of("Retry-After", "1"));
        fake.failNext("POST", "/channels/\\d+/messages$", 500, "{\"message\":\"Internal Server Error\",\"code\":0}",
                Map.of());
        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long thread = threadFor(question);
        awaitPost(in(thread));
        assertNoPostIn(thread, 1);
        await(() -> baton.transcript(question).size() == 2);
    }

    @Test
    void aMissingChannelPermissionIsExplainedAndTheHandoffIsStillRecorded() {
        fake.everyonePermissions(Permission.getRaw(Permission.VIEW_CHANNEL, Permission.MESSAGE_HISTORY));
        baton.startBot();
        fake.sendMessage(baton.support, baton.ann, "I want to talk to a human please, not a bot.");
        HandoffRecord handoff = awaitHandoff();
        HandoffEvent failed = awaitEvent(handoff, "notify_failed");
        assertTrue(failed.detail().contains("permission"), failed.detail());
        assertTrue(failed.detail().contains("#support"), failed.detail());
    }

    @Test
    void aPersonWritingInTheCustomersThreadIsStoredAsStaffAndNotAnswered() {
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.ann, "I want to speak to a real person.");
        long thread = threadFor(question);
        HandoffRecord handoff = awaitHandoff();
        awaitEvent(handoff, "notified");
        long posts = fake.postedMessages().stream().filter(in(thread)).count();

        long reply = fake.sendMessage(thread, baton.alex, "Hi Ann, Alex here. What do you need?");

        await(() -> baton.conversations.isStored(String.valueOf(reply)));
        StoredMessage stored = baton.transcript(reply).stream()
                .filter(m -> String.valueOf(reply).equals(m.discordId())).findFirst().orElseThrow();
        assertEquals(AuthorKind.STAFF, stored.authorKind());
        assertEquals(baton.conversationOf(question).id(), baton.conversationOf(reply).id());
        assertNoPostIn(thread, (int) posts);
    }

    // ------------------------------------------------------------------------------ 9. restart

    @Test
    void afterARestartOpenHandoffsAreStillOpenAndTheirConversationsStillQuiet() {
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long thread = threadFor(question);
        awaitPost(in(thread));
        fake.sendMessage(thread, baton.ann, "I want to speak to a real person.");
        HandoffRecord handoff = awaitHandoff();
        awaitEvent(handoff, "notified");
        baton.stopBot();

        baton.startBot();
        assertEquals(List.of(handoff.id()), baton.openHandoffs().stream().map(HandoffRecord::id).toList());
        long posts = fake.postedMessages().stream().filter(in(thread)).count();
        long after = fake.sendMessage(thread, baton.ann, "Do you have a student discount?");
        await(() -> baton.conversations.isStored(String.valueOf(after)));
        assertNoPostIn(thread, (int) posts);
    }

    @Test
    void aPersonResolvingWithTheResolveCommandLetsBatonAnswerInTheThreadAgain() {
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.ann, "I want to speak to a real person.");
        long thread = threadFor(question);
        HandoffRecord handoff = awaitHandoff();
        awaitEvent(handoff, "notified");
        fake.slashCommand(thread, baton.bob, "resolve", Map.of());
        fake.slashCommand(thread, baton.alex, "resolve", Map.of("outcome", "solved"));
        await(() -> baton.openHandoffs().isEmpty());
        assertEquals("alex", awaitEvent(handoff, "resolved").actor());
        fake.sendMessage(thread, baton.ann, "Thanks! One more thing: where can I download Lumen?");
        awaitPost(in(thread).and(p -> p.content().contains("lumen.example.org/download")));
    }

    // ---------------------------------------------------------------------------- 10. bad input

    @Test
    void aFourThousandCharacterMessageIsStoredWholeAndHandledWithoutError() {
        baton.startBot();
        String longText = ("My printer keeps stopping halfway through long prints and I have no idea why. ").repeat(52)
                .substring(0, 4000);
        long message = fake.sendMessage(baton.support, baton.ann, longText);
        long thread = threadFor(message);
        awaitPost(in(thread));
        assertEquals(4000, baton.transcript(message).get(0).text().length());
    }

    @Test
    void anAttachmentOnlyMessageIsStoredAndNotAnswered() {
        baton.startBot();
        long message = fake.sendMessage(MessageSpec.of(baton.support, baton.ann, "").withAttachments("error.png"));
        await(() -> baton.conversations.isStored(String.valueOf(message)));
        assertEquals(List.of("error.png"), baton.transcript(message).get(0).attachments());
        assertNoPostIn(baton.support, 0);
        assertTrue(fake.threads().isEmpty());
    }

    @Test
    void zeroWidthAndRightToLeftCharactersDoNotHideAKnownQuestion() {
        baton.startBot();
        long message = fake.sendMessage(baton.support, baton.ann, "\u200FWhere can I down\u200Bload Lu\u200Dmen?\u200E");
        long thread = threadFor(message);
        PostedMessage answer = awaitPost(in(thread));
        assertTrue(answer.content().contains("lumen.example.org/download"), answer.content());
    }

    @Test
    void aMessageEditedAfterTheDecisionKeepsItsHistoryAndIsNotAnsweredAgain() {
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long thread = threadFor(question);
        awaitPost(in(thread));
        fake.editMessage(baton.support, question, "How much does Lumen Plus cost per year?");
        await(() -> baton.transcript(question).get(0).editedAt() != null);
        StoredMessage edited = baton.transcript(question).get(0);
        assertEquals("How much does Lumen Plus cost per year?", edited.text());
        assertEquals(List.of(PRICE_QUESTION), baton.conversations.earlierVersions(edited.id()));
        assertNoPostIn(thread, 1);
    }

    @Test
    void aDeletedMessageIsMarkedDeletedAndKeptForThePeopleHelping() {
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        awaitPost(in(threadFor(question)));
        fake.deleteMessage(baton.support, question);
        await(() -> baton.transcript(question).get(0).isDeleted());
        assertEquals(PRICE_QUESTION, baton.transcript(question).get(0).text());
    }

    @Test
    void aDmFromSomeoneOutsideTheServerIsAnsweredInTheDm() {
        baton.startBot();
        long stranger = fake.addUser("stranger");
        long dm = fake.openDm(stranger);
        long question = fake.sendMessage(MessageSpec.of(dm, stranger, "Where can I download Lumen?"));
        PostedMessage answer = awaitPost(in(dm));
        assertTrue(answer.content().contains("lumen.example.org/download"), answer.content());
        assertTrue(fake.threads().isEmpty(), "a DM is answered in place");
        assertEquals(null, baton.conversations.customer(String.valueOf(stranger)).orElseThrow().joinedAt());
        assertEquals(AuthorKind.CUSTOMER, baton.transcript(question).get(0).authorKind());
    }

    @Test
    void messagesInChannelsBatonDoesNotListenToAreIgnoredUnlessTheyMentionIt() {
        baton.startBot();
        long chatter = fake.sendMessage(baton.general, baton.ann, PRICE_QUESTION);
        long mention = fake.sendMessage(MessageSpec.of(baton.general, baton.bob, "<@" + FakeDiscord.BOT_USER_ID
                + "> Where can I download Lumen?").mentioningBot());
        long thread = threadFor(mention);
        awaitPost(in(thread));
        assertFalse(baton.conversations.isStored(String.valueOf(chatter)));
        assertEquals("Where can I download Lumen?", baton.transcript(mention).get(0).text().strip()
                .replace("<@" + FakeDiscord.BOT_USER_ID + ">", "").strip());
    }

    // ------------------------------------------------------------------------ places and intents

    @Test
    void aForumPostIsAnsweredInPlaceInThePost() {
        baton.startBot();
        long post = fake.createForumPost(baton.forum, baton.ann, "Download?", "Where can I download Lumen?");
        PostedMessage answer = awaitPost(in(post));
        assertTrue(answer.content().contains("lumen.example.org/download"), answer.content());
        assertEquals(dev.baton.conversation.PlaceKind.FORUM_POST, baton.conversationOf(post).place());
        assertTrue(fake.threads().stream().noneMatch(t -> t.parentId() == baton.support));
    }

    @Test
    void withPrivateThreadsConfiguredTheConversationGetsAPrivateThreadWithTheCustomerInIt() {
        baton.privateThreads = true;
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        await(() -> fake.threads().stream().anyMatch(t -> t.type() == 12));
        long thread = fake.threads().stream().filter(t -> t.type() == 12).findFirst().orElseThrow().id();
        awaitPost(in(thread));
        assertTrue(fake.threadMembersAdded().stream().anyMatch(m -> m[0] == thread && m[1] == baton.ann));
        assertEquals(String.valueOf(thread), baton.conversationOf(question).threadId());
    }

    @Test
    void withoutTheMessageContentIntentBatonSaysSoInsteadOfSilentlySeeingEmptyMessages() throws Exception {
        fake.grantMessageContent(false);
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            baton.startBot();
            long blank = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
            await(() -> baton.conversations.isStored(String.valueOf(blank)));
            await(() -> log.toString(java.nio.charset.StandardCharsets.UTF_8).contains("Message Content Intent"));
        } finally {
            System.setErr(original);
        }
        String logged = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(logged.contains("Privileged Gateway Intents"), logged);
        assertNoPostIn(baton.support, 0);
    }
}
