package dev.baton.discord.fake;

import static dev.baton.discord.fake.FakeDiscordJda.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Webhook;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumPost;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real JDA against the fake Discord: the fake speaks the protocol well enough for a bot to work. */
class FakeDiscordTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** How long "nothing more happens" is watched for after the expected thing did. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private FakeDiscord fake;
    private JDA jda;
    private long general;
    private long alice;

    @BeforeEach
    void startFake() {
        fake = FakeDiscord.start();
        general = fake.addTextChannel("general");
        alice = fake.addMember("alice");
    }

    @AfterEach
    void stopBotThenFake() {
        if (jda != null) {
            FakeDiscordJda.shutdown(jda);
        }
        fake.close();
    }

    @Test
    void aMessageIsEchoedAndJdaSeesItsReplySucceed() {
        EchoBot bot = new EchoBot();
        jda = connect(fake, bot);

        long asked = fake.sendMessage(general, alice, "hello");
        long dispatched = fake.dispatchNanos(asked);

        PostedMessage reply = fake.awaitPostedMessage(p -> p.content().equals("echo: hello"), WAIT);
        assertEquals(general, reply.channelId());
        Message sent = bot.awaitSent(WAIT);
        assertEquals(reply.id(), sent.getIdLong());
        assertEquals(asked, bot.awaitReceived(WAIT).getIdLong());
        assertEquals(1, fake.identifyCount());
        assertTrue(dispatched > 0 && reply.receivedNanos() > dispatched, "the reply is timed after the dispatch");
    }

    @Test
    void aThreadStartedFromAMessageCanBePostedIn() {
        BlockingQueue<Long> threadPosts = new LinkedBlockingQueue<>();
        jda = connect(fake, new ListenerAdapter() {
            @Override
            public void onMessageReceived(MessageReceivedEvent event) {
                if (event.getAuthor().isBot() || event.getChannelType().isThread()) {
                    return;
                }
                event.getMessage().createThreadChannel("Help for " + event.getAuthor().getName())
                        .flatMap(thread -> thread.addThreadMemberById(event.getAuthor().getIdLong())
                                .and(thread.sendMessage("How can I help?")))
                        .queue(done -> threadPosts.add(event.getMessageIdLong()));
            }
        });

        long asked = fake.sendMessage(general, alice, "my upload is stuck");

        PostedMessage inThread = fake.awaitPostedMessage(p -> p.content().equals("How can I help?"), WAIT);
        assertEquals(asked, inThread.channelId(), "a thread started from a message has the message's id");
        FakeThread thread = fake.threads().get(0);
        assertEquals(new FakeThread(asked, general, 11, "Help for alice", asked), thread);
        // The member PUT and the message POST run side by side (`and`), so either may arrive first.
        fake.awaitRequest(r -> r.is("PUT", "/channels/\\d+/thread-members/\\d+"), WAIT);
        assertEquals(1, fake.threadMembersAdded().size());
        assertEquals(alice, fake.threadMembersAdded().get(0)[1]);
        assertEquals(asked, poll(threadPosts));
    }

    @Test
    void aForumPostReachesTheBotAsAMessageInItsThread() {
        long forum = fake.addForumChannel("help-forum");
        EchoBot bot = new EchoBot();
        jda = connect(fake, bot);

        long post = fake.createForumPost(forum, alice, "Login broken", "I cannot log in");

        Message received = bot.awaitReceived(WAIT);
        assertEquals(post, received.getChannel().getIdLong());
        assertEquals(ChannelType.GUILD_PUBLIC_THREAD, received.getChannelType());
        assertEquals(forum, received.getChannel().asThreadChannel().getParentChannel().getIdLong());
        assertEquals(post, fake.awaitPostedMessage(p -> p.content().equals("echo: I cannot log in"), WAIT).channelId());
    }

    @Test
    void contentIsBlankWhenTheBotDoesNotRequestTheMessageContentIntent() {
        EchoBot bot = new EchoBot();
        jda = connect(fake, bot, GatewayIntent.GUILD_MESSAGES);

        fake.sendMessage(general, alice, "secret question");
        assertEquals("", bot.awaitReceived(WAIT).getContentRaw());
        fake.awaitPostedMessage(p -> p.content().equals("echo:"), WAIT); // JDA trims the trailing space

        String mentioning = FakeDiscord.mention(FakeDiscord.BOT_USER_ID) + " are you there?";
        fake.sendMessage(MessageSpec.of(general, alice, mentioning).mentioningBot());
        assertEquals(mentioning, bot.awaitReceived(WAIT).getContentRaw(), "a mention shows the content");
        fake.awaitPostedMessage(p -> p.content().equals("echo: " + mentioning), WAIT);
    }

    @Test
    void contentIsBlankWhenThePortalHasNotGrantedTheIntent() {
        fake.grantMessageContent(false);
        EchoBot bot = new EchoBot();
        jda = connect(fake, bot);

        fake.sendMessage(general, alice, "secret question");

        assertEquals("", bot.awaitReceived(WAIT).getContentRaw());
        fake.awaitPostedMessage(p -> p.content().equals("echo:"), WAIT); // JDA trims the trailing space
    }

    @Test
    void aReplyStillArrivesExactlyOnceAfterARateLimitAndABadGateway() {
        fake.failNext("POST", "/channels/\\d+/messages", 429,
                "{\"retry_after\":0.2,\"global\":false,\"message\":\"You are being rate limited.\"}",
                Map.of("Retry-After", "1", "X-RateLimit-Scope", "user"));
        fake.failNext("POST", "/channels/\\d+/messages", 502, "{\"message\":\"502: Bad Gateway\",\"code\":0}",
                Map.of());
        EchoBot bot = new EchoBot();
        jda = connect(fake, bot);

        fake.sendMessage(general, alice, "are you there");

        Message sent = bot.awaitSent(Duration.ofSeconds(8));
        assertEquals("echo: are you there", sent.getContentRaw());
        sleep(QUIET);
        long replies = fake.postedMessages().stream().filter(p -> p.content().equals("echo: are you there")).count();
        assertEquals(1, replies);
        long attempts = fake.requests().stream().filter(r -> r.is("POST", "/channels/\\d+/messages")).count();
        assertEquals(3, attempts, "429, 502, then success");
        assertEquals(0, bot.failureCount());
    }

    @Test
    void aPlainServerErrorIsNotRetriedByJdaAndReachesTheFailureCallback() {
        fake.failNext("POST", "/channels/\\d+/messages", 500, "{\"message\":\"500: Internal Server Error\",\"code\":0}",
                Map.of());
        EchoBot bot = new EchoBot();
        jda = connect(fake, bot);

        fake.sendMessage(general, alice, "hello");

        ErrorResponseException failure = assertInstanceOf(ErrorResponseException.class, bot.awaitFailure(WAIT));
        assertEquals(500, failure.getResponse().code);
        assertTrue(fake.postedMessages().isEmpty());
    }

    @Test
    void aMessageSentWhileTheGatewayIsDownIsDeliveredOnceAfterResume() {
        EchoBot bot = new EchoBot();
        jda = connect(fake, bot);

        fake.dropGateway(4000);
        fake.sendMessage(general, alice, "did you miss me");

        fake.awaitPostedMessage(p -> p.content().equals("echo: did you miss me"), WAIT);
        sleep(QUIET);
        assertEquals(1, fake.postedMessages().size());
        assertEquals(1, fake.resumeCount());
        assertEquals(1, fake.identifyCount());
        assertEquals(1, bot.sentCount());
    }

    @Test
    void slashCommandsAndButtonsReachJdaAndTheirCallbacksAreRecorded() {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        jda = connect(fake, new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                String text = event.getOption("text").getAsString();
                seen.add(event.getName() + ":" + text + ":" + event.getUser().getName());
                event.reply("pong " + event.getOption("text").getAsString())
                        .addComponents(ActionRow.of(Button.primary("again", "Again")))
                        .queue();
            }

            @Override
            public void onButtonInteraction(ButtonInteractionEvent event) {
                seen.add(event.getComponentId() + ":" + event.getUser().getName() + ":"
                        + event.getMessage().getContentRaw());
                event.editMessage("pressed").setComponents().queue();
            }
        });
        jda.updateCommands()
                .addCommands(Commands.slash("ping", "Answers pong").addOption(OptionType.STRING, "text", "what to say"))
                .complete();
        assertEquals("ping", fake.registeredCommands().get(0).path("name").asText());

        fake.slashCommand(general, alice, "ping", Map.of("text", "hi"));

        assertEquals("ping:hi:alice", poll(seen));
        PostedMessage reply = fake.awaitPostedMessage(p -> p.content().equals("pong hi"), WAIT);
        JsonNode first = fake.interactionResponses().get(0);
        assertEquals(4, first.path("type").asInt());
        assertEquals("again", reply.components().path(0).path("components").path(0).path("custom_id").asText());

        fake.pressButton(general, reply.id(), alice, "again");

        assertEquals("again:alice:pong hi", poll(seen));
        awaitTrue(() -> fake.interactionResponses().size() == 2);
        assertEquals(7, fake.interactionResponses().get(1).path("type").asInt());
        assertEquals("pressed", fake.interactionResponses().get(1).path("data").path("content").asText());
    }

    @Test
    void aDirectMessageFromSomeoneOutsideTheGuildArrivesAsAPrivateMessage() {
        long carol = fake.addUser("carol");
        long dm = fake.openDm(carol);
        EchoBot bot = new EchoBot();
        jda = connect(fake, bot);

        fake.sendMessage(dm, carol, "hi in private");

        Message received = bot.awaitReceived(WAIT);
        assertEquals(ChannelType.PRIVATE, received.getChannelType());
        assertFalse(received.isFromGuild());
        assertEquals(carol, received.getAuthor().getIdLong());
        assertNull(received.getMember());
        assertEquals(dm, fake.awaitPostedMessage(p -> p.content().equals("echo: hi in private"), WAIT).channelId());
    }

    @Test
    void jdaRefusesToSendWhenEveryoneLacksSendMessages() {
        fake.everyonePermissions(FakeDiscord.VIEW_CHANNEL | FakeDiscord.READ_MESSAGE_HISTORY);
        EchoBot bot = new EchoBot();
        jda = connect(fake, bot);

        fake.sendMessage(general, alice, "hello");

        assertInstanceOf(InsufficientPermissionException.class, bot.awaitFailure(WAIT));
        assertTrue(fake.requests().stream().noneMatch(r -> r.method().equals("POST")));
    }

    @Test
    void changesToTheGuildAfterConnectReachJda() {
        fake.everyonePermissions(FakeDiscord.VIEW_CHANNEL);
        EchoBot bot = new EchoBot();
        jda = connect(fake, bot);

        fake.everyonePermissions(FakeDiscord.DEFAULT_EVERYONE_PERMISSIONS);
        long support = fake.addTextChannel("support");
        fake.sendMessage(support, alice, "new channel");

        assertEquals(support, fake.awaitPostedMessage(p -> p.content().equals("echo: new channel"), WAIT).channelId());
        assertEquals("support", jda.getTextChannelById(support).getName());
    }

    @Test
    void editsDeletesRepliesAndAttachmentsReachJda() {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        jda = connect(fake, new ListenerAdapter() {
            @Override
            public void onMessageReceived(MessageReceivedEvent event) {
                Message message = event.getMessage();
                Message referenced = message.getReferencedMessage();
                seen.add("created " + message.getContentRaw()
                        + (referenced == null ? "" : " replying to " + referenced.getContentRaw())
                        + message.getAttachments().stream().map(a -> " +" + a.getFileName())
                                .reduce("", String::concat));
            }

            @Override
            public void onMessageUpdate(MessageUpdateEvent event) {
                seen.add("edited " + event.getMessage().getContentRaw());
            }

            @Override
            public void onMessageDelete(MessageDeleteEvent event) {
                seen.add("deleted " + event.getMessageIdLong());
            }
        });

        long first = fake.sendMessage(general, alice, "first");
        fake.sendMessage(MessageSpec.of(general, alice, "see log").replyingTo(first).withAttachments("server.log"));
        fake.editMessage(general, first, "first, edited");
        fake.deleteMessage(general, first);

        assertEquals("created first", poll(seen));
        assertEquals("created see log replying to first +server.log", poll(seen));
        assertEquals("edited first, edited", poll(seen));
        assertEquals("deleted " + first, poll(seen));
    }

    @Test
    void theBotCanUseWebhooksForumPostsAndMemberLookups() {
        long forum = fake.addForumChannel("escalations");
        long carol = fake.addUser("carol");
        jda = connect(fake, new EchoBot());
        TextChannel channel = jda.getTextChannelById(general);

        Webhook relay = channel.createWebhook("relay").complete();
        Message relayed = relay.sendMessage("relayed text").complete();
        fake.everyonePermissions(FakeDiscord.DEFAULT_EVERYONE_PERMISSIONS | FakeDiscord.ATTACH_FILES);
        awaitTrue(() -> jda.getGuildById(FakeDiscord.GUILD_ID).getSelfMember()
                .hasPermission(Permission.MESSAGE_ATTACH_FILES));
        Message withFile = channel.sendMessage("transcript attached")
                .addFiles(FileUpload.fromData("line 1".getBytes(StandardCharsets.UTF_8), "transcript.txt"))
                .complete();
        ForumPost post = jda.getForumChannelById(forum)
                .createForumPost("Ticket 7", MessageCreateData.fromContent("needs a human")).complete();
        Member member = jda.getGuildById(FakeDiscord.GUILD_ID).retrieveMemberById(alice).complete();
        ErrorResponseException notMember = assertThrows(ErrorResponseException.class,
                () -> jda.getGuildById(FakeDiscord.GUILD_ID).retrieveMemberById(carol).complete());

        assertEquals("relayed text", fake.awaitPostedMessage(p -> p.id() == relayed.getIdLong(), WAIT).content());
        assertEquals(post.getThreadChannel().getIdLong(), post.getMessage().getIdLong());
        assertTrue(fake.threads().stream().anyMatch(t -> t.parentId() == forum && t.name().equals("Ticket 7")));
        assertEquals("alice", member.getUser().getName());
        assertEquals("transcript.txt", withFile.getAttachments().get(0).getFileName());
        assertEquals("transcript attached",
                fake.awaitRequest(r -> r.path().equals("/channels/" + general + "/messages"), WAIT)
                        .body().path("content").asText(), "the payload_json part of a multipart upload");
        assertEquals(ErrorResponse.UNKNOWN_MEMBER, notMember.getErrorResponse());
    }

    @Test
    void anUnknownRouteIsAnswered404AndRecorded() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(fake.restBaseUrl() + "no/such/route")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("\"code\""), response.body());
        assertEquals("/no/such/route", fake.awaitRequest(r -> r.method().equals("GET"), WAIT).path());
    }

    private static <T> T poll(BlockingQueue<T> queue) {
        try {
            T item = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("nothing arrived within " + WAIT);
            }
            return item;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            sleep(Duration.ofMillis(10));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
