package dev.baton.discord.fake;

import static dev.baton.discord.fake.FakeDiscordJda.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Webhook;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real JDA against the fake's webhook routes: list, create, execute into threads, delete, and refusals. */
class FakeDiscordWebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeDiscord fake;
    private JDA jda;
    private long general;
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Long> deleted = new LinkedBlockingQueue<>();

    @BeforeEach
    void startFake() {
        fake = FakeDiscord.start();
        general = fake.addTextChannel("general");
    }

    @AfterEach
    void stopBotThenFake() {
        if (jda != null) {
            FakeDiscordJda.shutdown(jda);
        }
        fake.close();
    }

    private TextChannel connected() {
        jda = connect(fake, new ListenerAdapter() {
            @Override
            public void onMessageReceived(MessageReceivedEvent event) {
                received.add(event.getMessage());
            }

            @Override
            public void onMessageDelete(MessageDeleteEvent event) {
                deleted.add(event.getMessageIdLong());
            }
        });
        return jda.getTextChannelById(general);
    }

    @Test
    void aWebhookPostIntoAThreadShowsTheGivenNameAndAvatarAndComesBackOverTheGateway() {
        TextChannel channel = connected();
        ThreadChannel thread = channel.createThreadChannel("Help for ann", false).complete();
        Webhook webhook = channel.createWebhook("Baton").complete();

        Message sent = webhook.sendMessage("Hi Ann, Dana here.").setThreadId(thread.getId()).setUsername("Dana")
                .setAvatarUrl("https://cdn.example.org/avatars/dana.png").complete();

        assertEquals(thread.getIdLong(), sent.getChannelIdLong());
        assertEquals("Dana", sent.getAuthor().getName());
        assertTrue(sent.isWebhookMessage());
        PostedMessage posted = fake.awaitPostedMessage(p -> p.id() == sent.getIdLong(), WAIT);
        assertEquals(thread.getIdLong(), posted.channelId());
        assertEquals("Dana", posted.authorName());
        assertEquals(webhook.getIdLong(), posted.webhookId());
        assertEquals("https://cdn.example.org/avatars/dana.png", fake.awaitRequest(r -> r.is("POST", "/webhooks/.*"), WAIT)
                .body().path("avatar_url").asText());

        Message echo = poll(received, m -> m.getIdLong() == sent.getIdLong());
        assertTrue(echo.isWebhookMessage(), "MESSAGE_CREATE carries webhook_id");
        assertTrue(echo.getAuthor().isBot());
        assertEquals(webhook.getIdLong(), echo.getAuthor().getIdLong(), "the author is the webhook itself");
        assertEquals("Dana", echo.getAuthor().getName());
        assertNotNull(echo.getAuthor().getAvatarId());
        assertEquals(thread.getIdLong(), echo.getChannelIdLong());
    }

    @Test
    void theChannelsWebhooksAreListedWithWhoMadeThemAndTheirTokens() {
        long foreign = fake.addForeignWebhook(general, "GitHub");
        TextChannel channel = connected();
        Webhook made = channel.createWebhook("Baton").complete();

        List<Webhook> listed = channel.retrieveWebhooks().complete();

        assertEquals(2, listed.size());
        Webhook ours = listed.stream().filter(w -> w.getIdLong() == made.getIdLong()).findFirst().orElseThrow();
        assertEquals(FakeDiscord.BOT_USER_ID, ours.getOwnerAsUser().getIdLong());
        assertEquals(made.getToken(), ours.getToken());
        Webhook theirs = listed.stream().filter(w -> w.getIdLong() == foreign).findFirst().orElseThrow();
        assertEquals(FakeDiscord.OWNER_USER_ID, theirs.getOwnerAsUser().getIdLong());
        assertEquals(2, fake.webhooks(general).size());
    }

    @Test
    void aDeletedWebhookMessageIsGoneAndJdaHearsOfIt() {
        TextChannel channel = connected();
        Webhook webhook = channel.createWebhook("Baton").complete();
        Message sent = webhook.sendMessage("too late").setUsername("Dana").complete();

        webhook.deleteMessageById(sent.getId()).complete();

        assertEquals(sent.getIdLong(), poll(deleted, id -> true));
        assertEquals(ErrorResponse.UNKNOWN_MESSAGE, assertThrows(ErrorResponseException.class,
                () -> webhook.deleteMessageById(sent.getId()).complete()).getErrorResponse());
    }

    @Test
    void webhookManagementIsRefusedAsDiscordRefusesIt() {
        TextChannel channel = connected();
        fake.denyWebhooks(true);
        assertEquals(ErrorResponse.MISSING_PERMISSIONS, assertThrows(ErrorResponseException.class,
                () -> channel.retrieveWebhooks().complete()).getErrorResponse());
        assertEquals(ErrorResponse.MISSING_PERMISSIONS, assertThrows(ErrorResponseException.class,
                () -> channel.createWebhook("Baton").complete()).getErrorResponse());
        fake.denyWebhooks(false);

        for (int i = 0; i < 15; i++) {
            channel.createWebhook("hook " + i).complete();
        }
        assertEquals(ErrorResponse.MAX_WEBHOOKS, assertThrows(ErrorResponseException.class,
                () -> channel.createWebhook("one too many").complete()).getErrorResponse());
        assertEquals(ErrorResponse.INVALID_FORM_BODY, assertThrows(ErrorResponseException.class,
                () -> channel.retrieveWebhooks().complete().get(0).sendMessage("hi").setUsername("Discord Support")
                        .complete()).getErrorResponse(), "Discord refuses names containing \"discord\"");
    }

    @Test
    void jdaRefusesWebhookManagementItselfWhenTheBotLacksManageWebhooks() {
        fake.everyonePermissions(FakeDiscord.DEFAULT_EVERYONE_PERMISSIONS & ~FakeDiscord.MANAGE_WEBHOOKS);
        TextChannel channel = connected();

        assertThrows(InsufficientPermissionException.class, channel::retrieveWebhooks);
        assertThrows(InsufficientPermissionException.class, () -> channel.createWebhook("Baton"));
        assertTrue(fake.requests().stream().noneMatch(r -> r.path().contains("/webhooks")));
    }

    @Test
    void aThreadOfAnotherChannelOrADeletedWebhookIsRefused() {
        long other = fake.addTextChannel("other");
        TextChannel channel = connected();
        ThreadChannel elsewhere = jda.getTextChannelById(other).createThreadChannel("elsewhere", false).complete();
        Webhook webhook = channel.createWebhook("Baton").complete();

        assertEquals(ErrorResponse.UNKNOWN_CHANNEL, assertThrows(ErrorResponseException.class,
                () -> webhook.sendMessage("hi").setThreadId(elsewhere.getId()).complete()).getErrorResponse());
        fake.deleteWebhook(webhook.getIdLong());
        assertEquals(ErrorResponse.UNKNOWN_WEBHOOK, assertThrows(ErrorResponseException.class,
                () -> webhook.sendMessage("hi").complete()).getErrorResponse());
    }

    @Test
    void duringAnOutageEveryRequestFailsUntilItEnds() {
        TextChannel channel = connected();
        fake.outage(500, "{\"message\":\"Internal Server Error\",\"code\":0}");

        ErrorResponseException down = assertThrows(ErrorResponseException.class,
                () -> channel.sendMessage("hello").complete());
        assertTrue(down.isServerError());
        assertThrows(ErrorResponseException.class, () -> channel.retrieveWebhooks().complete());
        fake.endOutage();

        assertEquals("hello again", channel.sendMessage("hello again").complete().getContentRaw());
    }

    private static <T> T poll(BlockingQueue<T> queue, java.util.function.Predicate<T> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                T item = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (item != null && match.test(item)) {
                    return item;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("nothing matching arrived within " + WAIT);
    }
}
