package dev.baton.discord;

import static dev.baton.discord.BatonOnFakeDiscord.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.conversation.ConversationRecord;
import dev.baton.desk.StaffReplies.Delivery;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.MessageSpec;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.discord.fake.RecordedRequest;
import dev.baton.handoff.HandoffRecord;
import dev.baton.routing.Person;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * Console replies end to end: real JDA and the real desk against the fake Discord. A reply lands in the
 * customer's thread through the channel's webhook under the person's roster name and avatar, or from
 * Baton as "Alex: …" where webhooks are not possible; its echo is not taken for a customer message.
 */
@Tag("database")
class StaffRepliesOnDiscordTest {

    private static final String HELLO = "Hi Ann, Alex here. I've refunded the second charge.";
    private static final String ERROR_500 = "{\"message\":\"Internal Server Error\",\"code\":0}";

    @TempDir
    Path dataDir;
    private BatonOnFakeDiscord baton;
    private FakeDiscord fake;
    private Person alex;

    @BeforeEach
    void start() {
        baton = new BatonOnFakeDiscord(dataDir);
        fake = baton.fake;
        alex = baton.person("alex");
        fake.setAvatar(baton.alex, "a1ex0000avatar");
    }

    @AfterEach
    void stop() {
        fake.endOutage();
        baton.close();
    }

    /** A customer asks for a person in #support: Baton starts a thread and hands the conversation off. */
    private ConversationRecord handedOffInAThread() {
        long question = fake.sendMessage(baton.support, baton.ann, "I want to speak to a real person about billing.");
        baton.threadFor(question);
        await(() -> !baton.openHandoffs().isEmpty());
        HandoffRecord handoff = baton.openHandoffs().get(0);
        await(() -> baton.handoffs.events(handoff.id()).stream().anyMatch(e -> e.kind().equals("notified")));
        return baton.conversationOf(question);
    }

    private static Predicate<PostedMessage> in(String channelId) {
        return p -> String.valueOf(p.channelId()).equals(channelId);
    }

    private long webhookExecutions() {
        return fake.requests().stream().filter(r -> r.is("POST", "/webhooks/\\d+/[^/]+")).count();
    }

    @Test
    void aReplyLandsInTheThreadThroughTheChannelsWebhookUnderThePersonsNameAndAvatar() {
        baton.startBot();
        ConversationRecord conversation = handedOffInAThread();

        Delivery delivery = baton.staffReplies().send(conversation, alex, HELLO);

        assertTrue(delivery.delivered(), delivery::toString);
        assertEquals("webhook", delivery.via());
        assertEquals(conversation.threadId(), delivery.channelId());
        assertEquals(HELLO, delivery.text());
        assertNull(delivery.detail());
        PostedMessage posted = fake.awaitPostedMessage(p -> String.valueOf(p.id()).equals(delivery.discordId()),
                BatonOnFakeDiscord.WAIT);
        assertEquals(Long.parseLong(conversation.threadId()), posted.channelId(), "in the thread, not the channel");
        assertEquals("Alex", posted.authorName(), "the roster name, not the Discord username");
        assertTrue(posted.viaWebhook());
        assertEquals(HELLO, posted.content());
        RecordedRequest execution = fake.awaitRequest(r -> r.is("POST", "/webhooks/\\d+/[^/]+"), BatonOnFakeDiscord.WAIT);
        assertTrue(execution.body().path("avatar_url").asText().contains("a1ex0000avatar"), execution.body()::toString);
        assertEquals(0, execution.body().path("allowed_mentions").path("parse").size(), "pings nobody");
        assertEquals(1, fake.webhooks(baton.support).size(), "the webhook lives in the thread's parent channel");
    }

    @Test
    void theWebhooksEchoIsNeitherStoredNorAnsweredAndTheWebhookIsMadeOnce() {
        baton.startBot();
        ConversationRecord conversation = handedOffInAThread();
        int stored = baton.conversations.transcript(conversation.id()).size();
        long botPosts = fake.postedMessages().stream().filter(in(conversation.threadId())).count();

        Delivery first = baton.staffReplies().send(conversation, alex, HELLO);
        Delivery second = baton.staffReplies().send(conversation, alex, "Let me know if it shows up.");

        assertEquals("webhook", first.via());
        assertEquals("webhook", second.via());
        pause(); // the echoes arrive over the gateway; give Baton time to (wrongly) act on them
        assertFalse(baton.conversations.isStored(first.discordId()));
        assertFalse(baton.conversations.isStored(second.discordId()));
        assertEquals(stored, baton.conversations.transcript(conversation.id()).size());
        assertEquals(botPosts + 2, fake.postedMessages().stream().filter(in(conversation.threadId())).count(),
                "the two replies and nothing from Baton");
        assertEquals(1, fake.requests().stream().filter(r -> r.is("POST", "/channels/\\d+/webhooks")).count());
    }

    @Test
    void afterARestartBatonFindsTheWebhookItMadeInsteadOfMakingAnother() {
        fake.addForeignWebhook(baton.support, "GitHub");
        baton.startBot();
        ConversationRecord conversation = handedOffInAThread();
        assertEquals("webhook", baton.staffReplies().send(conversation, alex, HELLO).via());
        baton.stopBot();

        baton.startBot();
        Delivery later = baton.staffReplies().send(conversation, alex, "Following up on the refund.");

        assertEquals("webhook", later.via(), later::toString);
        assertEquals(2, fake.webhooks(baton.support).size(), "GitHub's and the one Baton made");
        assertEquals(1, fake.requests().stream().filter(r -> r.is("POST", "/channels/\\d+/webhooks")).count());
    }

    @Test
    void aForumPostIsRepliedToThroughTheForumsWebhook() {
        baton.startBot();
        long post = fake.createForumPost(baton.forum, baton.ann, "Refund?", "Where can I download Lumen?");
        fake.awaitPostedMessage(p -> p.channelId() == post, BatonOnFakeDiscord.WAIT);
        ConversationRecord conversation = baton.conversationOf(post);

        Delivery delivery = baton.staffReplies().send(conversation, alex, HELLO);

        assertEquals("webhook", delivery.via(), delivery::toString);
        assertEquals(String.valueOf(post), delivery.channelId());
        assertEquals(1, fake.webhooks(baton.forum).size());
    }

    @Test
    void whenDiscordRefusesWebhooksBatonPostsAsItselfWithTheName() {
        baton.startBot();
        ConversationRecord conversation = handedOffInAThread();
        fake.denyWebhooks(true);

        Delivery delivery = baton.staffReplies().send(conversation, alex, HELLO);

        assertTrue(delivery.delivered(), delivery::toString);
        assertEquals("bot", delivery.via());
        assertEquals("Alex: " + HELLO, delivery.text());
        assertTrue(delivery.detail().contains("webhooks in #support"), delivery.detail());
        assertTrue(delivery.detail().contains("with your name"), delivery.detail());
        PostedMessage posted = fake.awaitPostedMessage(p -> String.valueOf(p.id()).equals(delivery.discordId()),
                BatonOnFakeDiscord.WAIT);
        assertEquals("Alex: " + HELLO, posted.content());
        assertEquals("Baton", posted.authorName());
        assertFalse(posted.viaWebhook());
        assertEquals(Long.parseLong(conversation.threadId()), posted.channelId());
        assertEquals(0, webhookExecutions());
        pause();
        assertFalse(baton.conversations.isStored(delivery.discordId()), "Baton's own post is not a customer's");
    }

    @Test
    void withoutManageWebhooksBatonPostsAsItselfAndSaysWhichPermissionIsMissing() {
        fake.everyonePermissions(FakeDiscord.DEFAULT_EVERYONE_PERMISSIONS & ~FakeDiscord.MANAGE_WEBHOOKS);
        baton.startBot();
        ConversationRecord conversation = handedOffInAThread();

        Delivery delivery = baton.staffReplies().send(conversation, alex, HELLO);

        assertEquals("bot", delivery.via(), delivery::toString);
        assertTrue(delivery.detail().contains("Manage Webhooks"), delivery.detail());
        assertTrue(fake.requests().stream().noneMatch(r -> r.path().contains("webhooks")));
    }

    @Test
    void aDmHasNoWebhooksSoBatonPostsThereAsItself() {
        baton.startBot();
        long stranger = fake.addUser("stranger");
        long dm = fake.openDm(stranger);
        long question = fake.sendMessage(MessageSpec.of(dm, stranger, "Where can I download Lumen?"));
        fake.awaitPostedMessage(p -> p.channelId() == dm, BatonOnFakeDiscord.WAIT);

        Delivery delivery = baton.staffReplies().send(baton.conversationOf(question), alex, "Hi, Alex here.");

        assertEquals("bot", delivery.via(), delivery::toString);
        assertEquals(String.valueOf(dm), delivery.channelId());
        assertEquals("Alex: Hi, Alex here.", delivery.text());
        assertTrue(delivery.detail().startsWith("Direct messages have no webhooks"), delivery.detail());
    }

    @Test
    void whenDiscordIsDownNothingIsDeliveredAndNothingIsThrown() {
        baton.startBot();
        ConversationRecord conversation = handedOffInAThread();
        fake.outage(500, ERROR_500);

        Delivery delivery = baton.staffReplies().send(conversation, alex, HELLO);

        assertFalse(delivery.delivered());
        assertEquals("none", delivery.via());
        assertNull(delivery.discordId());
        assertTrue(delivery.detail().contains("server error"), delivery.detail());
        assertTrue(delivery.detail().contains("failed too"), delivery.detail());
    }

    @Test
    void aWebhookPostThatErrsIsNotRepeatedAsBatonSinceItMayHaveArrived() {
        baton.startBot();
        ConversationRecord conversation = handedOffInAThread();
        fake.failNext("POST", "/webhooks/\\d+/[^/]+", 500, ERROR_500, java.util.Map.of());

        Delivery delivery = baton.staffReplies().send(conversation, alex, HELLO);

        assertFalse(delivery.delivered(), delivery::toString);
        assertTrue(delivery.detail().contains("may or may not be there"), delivery.detail());
        assertTrue(fake.postedMessages().stream().noneMatch(p -> p.content().contains(HELLO)));
    }

    @Test
    void aWebhookDeletedInDiscordIsReplacedOnce() {
        baton.startBot();
        ConversationRecord conversation = handedOffInAThread();
        baton.staffReplies().send(conversation, alex, HELLO);
        fake.deleteWebhook(fake.webhooks(baton.support).get(0)[0]);

        Delivery delivery = baton.staffReplies().send(conversation, alex, "Still there?");

        assertEquals("webhook", delivery.via(), delivery::toString);
        assertEquals(1, fake.webhooks(baton.support).size());
    }

    @Test
    void aReplyDiscordConfirmsOnlyAfterBatonGaveUpIsTakenBackSoRetryingCannotDoubleIt() {
        baton.startBot();
        ConversationRecord conversation = handedOffInAThread();
        StaffReplier impatient = new StaffReplier(baton.jda(), Clock.systemUTC(), Duration.ofSeconds(1));
        fake.delayNext("POST", "/webhooks/\\d+/[^/]+", Duration.ofMillis(2500));

        Delivery delivery = impatient.send(conversation, alex, HELLO);

        assertFalse(delivery.delivered());
        assertTrue(delivery.detail().contains("did not confirm"), delivery.detail());
        RecordedRequest delete = fake.awaitRequest(r -> r.is("DELETE", "/webhooks/\\d+/[^/]+/messages/\\d+"),
                BatonOnFakeDiscord.WAIT);
        long late = fake.postedMessages().stream().filter(p -> p.content().equals(HELLO)).findFirst().orElseThrow().id();
        assertTrue(delete.path().endsWith("/" + late));
    }

    @Test
    void aReplyTooLongForDiscordIsRefusedBeforeAnythingIsSent() {
        baton.startBot();
        ConversationRecord conversation = handedOffInAThread();
        long before = fake.requests().size();

        Delivery tooLong = baton.staffReplies().send(conversation, alex, "x".repeat(1995));
        Delivery fits = baton.staffReplies().send(conversation, alex, "x".repeat(1994));

        assertFalse(tooLong.delivered());
        assertTrue(tooLong.detail().contains("at most 1994"), tooLong.detail());
        assertTrue(fits.delivered(), fits::toString);
        assertTrue(fake.requests().size() > before);
        assertFalse(baton.staffReplies().send(conversation, alex, "  ").delivered());
    }

    private static void pause() {
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
