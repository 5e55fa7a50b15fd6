package dev.baton.discord.fake;

import static dev.baton.discord.fake.Json.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.discord.fake.World.Channel;
import dev.baton.discord.fake.World.Interaction;
import dev.baton.discord.fake.World.Member;
import dev.baton.discord.fake.World.Role;
import dev.baton.discord.fake.World.User;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A wire-level fake Discord on loopback: REST under {@code /api/v10/} and the gateway websocket on
 * one port, so the real JDA client can be driven in tests (see {@link FakeDiscordJda}).
 *
 * <p>Three parts: the <em>world</em> (one guild, its members, roles and channels, set up before JDA
 * connects since READY and GUILD_CREATE are built from it); the <em>users' actions</em>
 * ({@link #sendMessage}, {@link #slashCommand}, …), which become gateway dispatches; and the
 * <em>record</em> of everything the bot did over REST ({@link #requests()}, {@link #postedMessages()},
 * …) with {@code await…} methods that wake as soon as a match arrives. {@link #failNext} and
 * {@link #dropGateway} inject the faults bots meet in production.
 *
 * <p>Thread-safe: tests call it from their own thread while Jetty serves JDA.
 */
public final class FakeDiscord implements AutoCloseable {

    public static final long GUILD_ID = 1_100_000_000_000_000_001L;
    public static final long BOT_USER_ID = 1_100_000_000_000_000_002L;
    /** Differs from the bot user id on purpose, so code mixing the two up fails here. */
    public static final long APPLICATION_ID = 1_100_000_000_000_000_003L;
    /** The guild owner: a member other than the bot, because owners bypass permission checks. */
    public static final long OWNER_USER_ID = 1_100_000_000_000_000_004L;

    // Discord permission bits (https://discord.com/developers/docs/topics/permissions).
    public static final long EMBED_LINKS = 1L << 14;
    public static final long ATTACH_FILES = 1L << 15;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long MANAGE_WEBHOOKS = 1L << 29;
    public static final long MANAGE_THREADS = 1L << 34;
    public static final long CREATE_PUBLIC_THREADS = 1L << 35;
    public static final long CREATE_PRIVATE_THREADS = 1L << 36;
    public static final long SEND_MESSAGES_IN_THREADS = 1L << 38;

    /** What a support bot needs in its channels; the @everyone role has it unless a test says otherwise. */
    public static final long DEFAULT_EVERYONE_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | SEND_MESSAGES_IN_THREADS
            | CREATE_PUBLIC_THREADS | CREATE_PRIVATE_THREADS | READ_MESSAGE_HISTORY | EMBED_LINKS | MANAGE_THREADS
            | MANAGE_WEBHOOKS;

    private static final int COMMAND = 2;
    private static final int COMPONENT = 3;
    private static final int MODAL_SUBMIT = 5;
    private static final int MODAL_RESPONSE = 9;
    private static final int LABEL = 18;
    private static final int TEXT_INPUT = 4;

    private final World world;
    private final Gateways gateway;
    private final Events events;
    private final Recorder recorder = new Recorder();
    private final Faults faults = new Faults();
    private final Map<Long, Long> dispatchedAt = new ConcurrentHashMap<>();
    private final Javalin server;
    private final int port;

    private FakeDiscord(Clock clock) {
        world = new World(clock);
        world.addUser(BOT_USER_ID, "Baton", true);
        world.addUser(OWNER_USER_ID, "guild-owner", false);
        world.putRole(new Role(GUILD_ID, "@everyone", 0, DEFAULT_EVERYONE_PERMISSIONS));
        world.addMember(BOT_USER_ID, List.of());
        world.addMember(OWNER_USER_ID, List.of());

        gateway = new Gateways(new Gateway.SessionStart() {
            @Override
            public ObjectNode ready(String sessionId, int shard, int total) {
                return Payloads.ready(world.user(BOT_USER_ID), guildsOn(shard, total), APPLICATION_ID,
                        world.messageContentGranted(), sessionId, gatewayUrl(), shard, total);
            }

            @Override
            public List<ObjectNode> guildCreates(int shard, int total) {
                return guildsOn(shard, total).stream()
                        .map(guild -> Payloads.guildCreate(world, guild, OWNER_USER_ID)).toList();
            }
        });
        events = new Events(world, gateway);
        RestRoutes rest = new RestRoutes(world, events, recorder, faults, this::root);

        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            // Jetty's default websocket idle timeout (30 s) is shorter than Discord's heartbeat
            // (41.25 s); ours is 5 s, and a long idle timeout keeps a paused test from losing the socket.
            cfg.jetty.modifyWebSocketServletFactory(ws -> ws.setIdleTimeout(Duration.ofMinutes(2)));
            rest.register(cfg.routes);
            cfg.routes.ws("/gateway", gateway::configure);
        });
        server.start();
        port = server.port();
    }

    /** The guilds Discord would deliver on shard {@code shard} of {@code total}: the one guild, or none. */
    private List<Long> guildsOn(int shard, int total) {
        return world.guilds().stream().filter(guild -> Gateways.shardOf(guild, total) == shard).toList();
    }

    /**
     * A second guild the bot is in, on the next shard after {@link #GUILD_ID}'s (its id is one step up in the bits
     * Discord shards by). Set it up before the bot connects: it is announced only in READY and GUILD_CREATE. Its
     * members are the first guild's, and its @everyone role has the default permissions.
     */
    public long addGuild() {
        long guildId = GUILD_ID + ((long) world.guilds().size() << 22);
        world.addGuild(guildId);
        world.putRole(new Role(guildId, "@everyone", 0, DEFAULT_EVERYONE_PERMISSIONS));
        return guildId;
    }

    /** A text channel in another guild ({@link #addGuild}). */
    public long addTextChannel(long guildId, String name) {
        return world.addGuildChannel(World.TEXT, name, guildId).id();
    }

    /** The shard a guild's events go to when the bot splits its gateway into {@code total} shards. */
    public static int shardOf(long guildId, int total) {
        return Gateways.shardOf(guildId, total);
    }

    /** The shard the guild's events go to when the bot splits its gateway into {@code total} shards. */
    public static int guildShard(int total) {
        return Gateways.shardOf(GUILD_ID, total);
    }

    /** What {@code GET /gateway/bot} recommends as the shard total (1 unless a test says otherwise). */
    public void recommendShards(int total) {
        world.recommendShards(total);
    }

    /** Starts a fake on 127.0.0.1 and a free port. */
    public static FakeDiscord start() {
        return new FakeDiscord(Clock.systemUTC());
    }

    /** {@code http://127.0.0.1:PORT/api/v10/}, for JDA's {@code RestConfig#setBaseUrl}. */
    public String restBaseUrl() {
        return "http://127.0.0.1:" + port + "/api/v10/";
    }

    /** {@code ws://127.0.0.1:PORT/gateway}; JDA appends {@code ?encoding=json&v=10}. */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + port + "/gateway";
    }

    /** {@code <@id>}, the way a mention is written in message content. */
    public static String mention(long userId) {
        return "<@" + userId + ">";
    }

    // ---- the world

    public long addTextChannel(String name) {
        return announceChannel(world.addGuildChannel(World.TEXT, name));
    }

    public long addForumChannel(String name) {
        return announceChannel(world.addGuildChannel(World.FORUM, name));
    }

    public long addRole(String name) {
        int position = world.roles().size();
        Role role = world.putRole(new Role(world.nextId(), name, position, 0));
        events.guildChange("GUILD_ROLE_CREATE", roleEvent(role), 0);
        return role.id();
    }

    /** A guild member (joined now) with the given roles besides @everyone; returns the user id. */
    public long addMember(String username, long... roleIds) {
        User user = world.addUser(world.nextId(), username, false);
        List<Long> roles = new ArrayList<>();
        for (long roleId : roleIds) {
            roles.add(roleId);
        }
        Member member = world.addMember(user.id(), roles);
        ObjectNode event = Payloads.member(member, user, true).put("guild_id", id(GUILD_ID));
        events.guildChange("GUILD_MEMBER_ADD", event, Events.GUILD_MEMBERS);
        return user.id();
    }

    public long addMember(String username) {
        return addMember(username, new long[0]);
    }

    /** Gives a user an avatar (its image hash, e.g. {@code "a1b2c3"}); users start with Discord's default one. */
    public void setAvatar(long userId, String avatarHash) {
        world.setAvatar(userId, avatarHash);
    }

    /** A user who shares no guild with the bot: they can only reach it by DM. */
    public long addUser(String username) {
        return world.addUser(world.nextId(), username, false).id();
    }

    /** Sets the @everyone role's permissions (JDA checks them locally before every request). */
    public void everyonePermissions(long permissionBits) {
        Role everyone = world.role(GUILD_ID);
        Role updated = world.putRole(new Role(GUILD_ID, everyone.name(), everyone.position(), permissionBits));
        events.guildChange("GUILD_ROLE_UPDATE", roleEvent(updated), 0);
    }

    /**
     * Makes Discord refuse webhook management (list and create) with 403 / 50013 Missing Permissions
     * even though JDA's cached permissions allow it — as when a channel's permissions changed and the
     * bot has not caught up, or a server-side rule says no. Taking Manage Webhooks away from the
     * @everyone role instead ({@link #everyonePermissions}) is refused by JDA before any request.
     */
    public void denyWebhooks(boolean denied) {
        world.denyWebhooks(denied);
    }

    /** Webhooks of a channel as {@code {id, channelId}}, e.g. to see that the bot made only one. */
    public List<long[]> webhooks(long channelId) {
        return world.webhooksOf(channelId).stream().map(w -> new long[] {w.id(), w.channelId()}).toList();
    }

    /** Someone deletes a webhook in Discord's settings; executing it then answers 10015 Unknown Webhook. */
    public void deleteWebhook(long webhookId) {
        world.removeWebhook(webhookId);
    }

    /** A webhook made by someone else (a person or another integration), as a server already has them. */
    public long addForeignWebhook(long channelId, String name) {
        return world.addWebhook(channelId, name, OWNER_USER_ID).id();
    }

    /**
     * Whether the MESSAGE_CONTENT privileged intent is switched on in the developer portal. When it is
     * off — or the bot did not request the intent — guild messages arrive with blank content unless
     * they mention the bot.
     */
    public void grantMessageContent(boolean granted) {
        world.grantMessageContent(granted);
    }

    // ---- what the users do

    public long sendMessage(long channelId, long authorId, String content) {
        return sendMessage(MessageSpec.of(channelId, authorId, content));
    }

    /** A user's message, dispatched as MESSAGE_CREATE; returns its id. */
    public long sendMessage(MessageSpec spec) {
        Channel channel = world.requireChannel(spec.channelId());
        ObjectNode message = userMessage(world.nextId(), channel, spec.authorId(), spec.content());
        if (spec.mentionsBot()) {
            ((ArrayNode) message.get("mentions")).add(Payloads.user(world.user(BOT_USER_ID)));
        }
        if (spec.replyToMessageId() != null) {
            long target = spec.replyToMessageId();
            message.put("type", 19);
            message.set("message_reference", Payloads.messageReference(target, channel.id(),
                    channel.inGuild() ? world.guildOf(channel) : null));
            world.message(target).ifPresent(referenced -> {
                referenced.remove("referenced_message");
                message.set("referenced_message", referenced);
            });
        }
        ArrayNode attachments = (ArrayNode) message.get("attachments");
        for (String fileName : spec.attachments()) {
            attachments.add(Payloads.attachment(world.nextId(), channel.id(), fileName, root()));
        }
        world.putMessage(message);
        long id = World.idOf(message);
        dispatchedAt.put(id, events.messageCreate(message, true));
        return id;
    }

    /** The DM channel between a user and the bot (created on first use); its messages carry no guild. */
    public long openDm(long userId) {
        return world.openDm(userId).id();
    }

    /** A user edits their message: MESSAGE_UPDATE with the whole message, as Discord sends it. */
    public void editMessage(long channelId, long messageId, String newContent) {
        ObjectNode message = requireMessage(channelId, messageId);
        message.put("content", newContent).put("edited_timestamp", world.now().toString());
        world.putMessage(message);
        events.messageUpdate(message, true);
    }

    public void deleteMessage(long channelId, long messageId) {
        requireMessage(channelId, messageId);
        world.removeMessage(messageId);
        events.messageDelete(messageId, world.requireChannel(channelId));
    }

    /**
     * A user opens a forum post: THREAD_CREATE (public thread in the forum), then MESSAGE_CREATE of the
     * starter message, whose id is the thread's. Returns the thread id.
     */
    public long createForumPost(long forumId, long authorId, String title, String content) {
        Channel forum = world.requireChannel(forumId);
        if (forum.type() != World.FORUM) {
            throw new IllegalArgumentException("channel " + forumId + " is not a forum");
        }
        long id = world.nextId();
        Channel thread = world.addThread(id, forumId, World.PUBLIC_THREAD, title, authorId, id, 4320);
        events.threadCreate(thread, true);
        ObjectNode starter = userMessage(id, thread, authorId, content);
        world.putMessage(starter);
        dispatchedAt.put(id, events.messageCreate(starter, true));
        return id;
    }

    /** A user runs a slash command (string options only); returns the interaction id. */
    public String slashCommand(long channelId, long userId, String name, Map<String, String> stringOptions) {
        ObjectNode data = Json.object();
        Long registered = world.registeredCommandId(name);
        data.put("id", id(registered != null ? registered : world.nextId())).put("name", name).put("type", 1);
        ArrayNode options = data.putArray("options");
        stringOptions.forEach((option, value) -> options.addObject().put("name", option).put("type", 3)
                .put("value", value));
        return dispatchInteraction(channelId, userId, COMMAND, data, null, null);
    }

    /** A user presses a button on a message the bot posted; returns the interaction id. */
    public String pressButton(long channelId, long messageId, long userId, String customId) {
        ObjectNode message = requireMessage(channelId, messageId);
        if (!message.path("author").path("id").asText().equals(id(BOT_USER_ID))) {
            throw new IllegalArgumentException("message " + messageId + " was not posted by the bot");
        }
        ObjectNode data = Json.object().put("custom_id", customId).put("component_type", 2);
        return dispatchInteraction(channelId, userId, COMPONENT, data, message, messageId);
    }

    /**
     * A user sends a modal the bot showed them (an interaction callback of type 9 with {@code customId}) from
     * a button on {@code messageId}; {@code values} are its text inputs by custom id. Sent as Discord does now,
     * each input inside its label ({@code {type: 18, component: {type: 4, custom_id, value}}}), the layout
     * JDA 6.5 reads. Returns the interaction id.
     */
    public String submitModal(long channelId, long messageId, long userId, String customId,
                              Map<String, String> values) {
        JsonNode modal = recorder.interactionResponses.snapshot().stream()
                .filter(r -> r.path("type").asInt() == MODAL_RESPONSE
                        && r.path("data").path("custom_id").asText().equals(customId))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("the bot never showed a modal " + customId));
        ObjectNode data = Json.object().put("custom_id", customId);
        ArrayNode components = data.putArray("components");
        int uniqueId = 1;
        for (Map.Entry<String, String> input : values.entrySet()) {
            if (!modal.path("data").path("components").findValuesAsText("custom_id").contains(input.getKey())) {
                throw new IllegalArgumentException("modal " + customId + " has no input " + input.getKey());
            }
            ObjectNode label = components.addObject().put("type", LABEL).put("id", uniqueId++);
            label.putObject("component").put("type", TEXT_INPUT).put("id", uniqueId++)
                    .put("custom_id", input.getKey()).put("value", input.getValue());
        }
        return dispatchInteraction(channelId, userId, MODAL_SUBMIT, data, requireMessage(channelId, messageId),
                messageId);
    }

    /** A message as it stands now (after any edits), e.g. to see the buttons an UPDATE_MESSAGE left. */
    public JsonNode message(long channelId, long messageId) {
        return requireMessage(channelId, messageId).deepCopy();
    }

    /**
     * {@link System#nanoTime()} just before the latest dispatch frame was handed to the socket. Any
     * dispatch counts, including the MESSAGE_CREATE echo of the bot's own reply, which may land right
     * after a test's next message; to time one message, use {@link #dispatchNanos(long)}.
     */
    public long lastDispatchNanos() {
        return gateway.lastDispatchNanos();
    }

    /**
     * {@link System#nanoTime()} just before the MESSAGE_CREATE of a message sent with
     * {@link #sendMessage} or {@link #createForumPost} was written; 0 when it was not written at once (no session, intent
     * missing, or gateway dropped — a replay after RESUME is not timed).
     */
    public long dispatchNanos(long messageId) {
        return dispatchedAt.getOrDefault(messageId, 0L);
    }

    // ---- what the bot did

    /** Every REST call JDA made, in arrival order, including failed and unknown ones. */
    public List<RecordedRequest> requests() {
        return recorder.requests.snapshot();
    }

    /**
     * The first request that matches — ever, not only from now on — waiting up to the timeout; on
     * timeout an AssertionError lists every request seen.
     */
    public RecordedRequest awaitRequest(Predicate<RecordedRequest> match, Duration timeout) {
        return recorder.requests.await(match, timeout);
    }

    /** Messages the bot made appear: channel messages, webhook executions, interaction replies and followups. */
    public List<PostedMessage> postedMessages() {
        return recorder.posted.snapshot();
    }

    /**
     * Hands each message the bot makes appear from now on to {@code listener}, on the Jetty thread
     * that served the request and in arrival order: for a load test that cannot rescan the whole
     * record per reply. Keep it quick (hand off to a queue).
     */
    public void onPostedMessage(Consumer<PostedMessage> listener) {
        recorder.posted.subscribe(listener);
    }

    public PostedMessage awaitPostedMessage(Predicate<PostedMessage> match, Duration timeout) {
        return recorder.posted.await(match, timeout);
    }

    /** Every thread in the guild, whoever created it. */
    public List<FakeThread> threads() {
        return world.threads().stream()
                .map(t -> new FakeThread(t.id(), t.parentId(), t.type(), t.name(), t.thread().starterMessageId()))
                .toList();
    }

    /** {@code {threadId, userId}} for each {@code PUT /channels/{id}/thread-members/{uid}}. */
    public List<long[]> threadMembersAdded() {
        return recorder.threadMembersAdded.snapshot();
    }

    /** Bodies of {@code POST /interactions/{id}/{token}/callback}, in arrival order. */
    public List<JsonNode> interactionResponses() {
        return recorder.interactionResponses.snapshot();
    }

    /** The commands currently registered, global ones first, as Discord echoed them (with ids). */
    public List<JsonNode> registeredCommands() {
        return recorder.allCommands();
    }

    // ---- faults

    /**
     * Answers the next request whose method and path match with this response instead of the route.
     * The path is the part after {@code /api/v10} without the query, matched whole:
     * {@code "/channels/\\d+/messages"}. Queued faults are used in order, one request each. For a 429
     * give {@code Retry-After} (whole seconds) and a body like
     * {@code {"retry_after":0.2,"global":false,"message":"You are being rate limited."}}; JDA waits
     * the larger of the two, rounded up to whole seconds.
     */
    public void failNext(String method, String pathRegex, int status, String jsonBody, Map<String, String> headers) {
        faults.add(method, pathRegex, status, jsonBody, headers);
    }

    /**
     * Serves the next request whose method and path match (as in {@link #failNext}) normally, but only
     * after this long: a slow Discord, for callers that give up waiting while the request still succeeds.
     */
    public void delayNext(String method, String pathRegex, Duration delay) {
        faults.delay(method, pathRegex, delay.toMillis());
    }

    /**
     * Discord is down: every REST request is answered with this status and body until
     * {@link #endOutage()} (the gateway stays up). Queued {@link #failNext} faults wait meanwhile.
     */
    public void outage(int status, String jsonBody) {
        faults.outage(status, jsonBody);
    }

    public void endOutage() {
        faults.endOutage();
    }

    /**
     * Closes the gateway socket with a close code (4000 lets JDA resume). Events dispatched until
     * JDA is back are queued and replayed after its RESUME, in sequence, followed by RESUMED.
     */
    public void dropGateway(int closeCode) {
        gateway.drop(closeCode);
    }

    public int identifyCount() {
        return gateway.identifyCount();
    }

    public int resumeCount() {
        return gateway.resumeCount();
    }

    /** Stops the server. Shut JDA down first, or it starts reconnecting to a closed port. */
    @Override
    public void close() {
        server.stop();
    }

    // ---- helpers

    private ObjectNode userMessage(long id, Channel channel, long authorId, String content) {
        User author = world.user(authorId);
        if (author == null) {
            throw new IllegalArgumentException("unknown user " + authorId);
        }
        ObjectNode message = Payloads.message(id, channel, author, content, world.now(), world.guildOf(channel));
        if (channel.inGuild()) {
            Member member = world.member(authorId)
                    .orElseThrow(() -> new IllegalArgumentException(author.username() + " is not a guild member"));
            message.set("member", Payloads.member(member, author, false));
        } else if (channel.recipientId() != authorId) {
            throw new IllegalArgumentException(author.username() + " is not the recipient of DM " + channel.id());
        }
        return message;
    }

    private String dispatchInteraction(long channelId, long userId, int type, ObjectNode data, ObjectNode message,
            Long componentMessageId) {
        Channel channel = world.requireChannel(channelId);
        User user = world.user(userId);
        if (user == null) {
            throw new IllegalArgumentException("unknown user " + userId);
        }
        Optional<Member> member = channel.inGuild() ? world.member(userId) : Optional.empty();
        if (channel.inGuild() && member.isEmpty()) {
            throw new IllegalArgumentException(user.username() + " is not a guild member");
        }
        Interaction interaction = world.addInteraction(channelId, userId);
        if (componentMessageId != null) {
            // For a component interaction, @original is the message the component sits on.
            world.setOriginalMessage(interaction.token(), componentMessageId);
        }
        User recipient = channel.recipientId() == null ? null : world.user(channel.recipientId());
        ObjectNode payload = Payloads.interaction(interaction, type, Payloads.channel(channel, recipient,
                        world.guildOf(channel)),
                user, member.orElse(null), world.permissionsOf(userId, GUILD_ID),
                world.permissionsOf(BOT_USER_ID, GUILD_ID), GUILD_ID, APPLICATION_ID, data, message);
        events.interactionCreate(payload);
        return id(interaction.id());
    }

    private ObjectNode requireMessage(long channelId, long messageId) {
        return world.message(messageId)
                .filter(m -> m.path("channel_id").asText().equals(id(channelId)))
                .orElseThrow(() -> new IllegalArgumentException(
                        "no message " + messageId + " in channel " + channelId));
    }

    private long announceChannel(Channel channel) {
        events.guildChange("CHANNEL_CREATE", Payloads.channel(channel, null, world.guildOf(channel)), 0);
        return channel.id();
    }

    private static ObjectNode roleEvent(Role role) {
        ObjectNode event = Json.object().put("guild_id", id(GUILD_ID));
        event.set("role", Payloads.role(role));
        return event;
    }

    /** {@code http://127.0.0.1:PORT/}: where REST, attachments and the gateway live. */
    private String root() {
        return "http://127.0.0.1:" + port + "/";
    }
}
