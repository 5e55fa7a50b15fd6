package dev.baton.discord.fake;

import static dev.baton.discord.fake.FakeDiscord.APPLICATION_ID;
import static dev.baton.discord.fake.FakeDiscord.BOT_USER_ID;
import static dev.baton.discord.fake.FakeDiscord.GUILD_ID;
import static dev.baton.discord.fake.Http.API;
import static dev.baton.discord.fake.Http.body;
import static dev.baton.discord.fake.Http.error;
import static dev.baton.discord.fake.Http.idParam;
import static dev.baton.discord.fake.Http.ok;
import static dev.baton.discord.fake.Json.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.discord.fake.Http.DiscordError;
import dev.baton.discord.fake.World.Channel;
import dev.baton.discord.fake.World.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.EndpointNotFound;
import java.util.function.Supplier;

/**
 * Discord's REST API as far as a support bot uses it, under {@code /api/v10/}: login, guild,
 * channels, messages and threads here; webhooks, interactions and commands in
 * {@link InteractionRoutes}.
 *
 * <p>Every request is recorded before anything else happens (so a test sees even the ones that
 * failed), then a queued fault may answer it instead of the route. A request no route knows gets a
 * Discord-style 404 and a line on stderr, so a missing route is obvious rather than a mysteriously
 * stuck bot. Responses carry {@code Via: 1.1 google} like Discord's: JDA takes a 429 without a Via
 * header for a Cloudflare ban and pauses every route, not just the limited one.
 */
final class RestRoutes {

    private final World world;
    private final Events events;
    private final Recorder recorder;
    private final Faults faults;
    private final Supplier<String> serverRoot;
    private final BotMessages messages;
    private final InteractionRoutes interactions;

    /** @param serverRoot {@code http://127.0.0.1:PORT/}, known only once the server has started */
    RestRoutes(World world, Events events, Recorder recorder, Faults faults, Supplier<String> serverRoot) {
        this.world = world;
        this.events = events;
        this.recorder = recorder;
        this.faults = faults;
        this.serverRoot = serverRoot;
        this.messages = new BotMessages(world, events, recorder, serverRoot);
        this.interactions = new InteractionRoutes(world, events, recorder, messages);
    }

    void register(RoutesConfig routes) {
        routes.before(API + "/*", this::recordThenMaybeFail);

        routes.get(API + "/users/@me", ctx -> ok(ctx, Payloads.selfUser(messages.bot())));
        routes.post(API + "/users/@me/channels", this::openDm);
        routes.get(API + "/users/{uid}", this::getUser);
        routes.get(API + "/gateway", ctx -> ok(ctx, Json.object().put("url", gatewayUrl())));
        routes.get(API + "/gateway/bot", this::gatewayBot);
        routes.get(API + "/oauth2/applications/@me", this::application);
        routes.get(API + "/applications/@me", this::application);

        routes.get(API + "/guilds/{gid}",
                ctx -> ok(ctx, Payloads.guildCreate(world, guild(ctx), FakeDiscord.OWNER_USER_ID)));
        routes.get(API + "/guilds/{gid}/roles", this::roles);
        routes.get(API + "/guilds/{gid}/channels", this::guildChannels);
        routes.get(API + "/guilds/{gid}/members/{uid}", this::getMember);

        routes.get(API + "/channels/{cid}", ctx -> ok(ctx, Http.channelJson(world, channel(ctx))));
        routes.patch(API + "/channels/{cid}", this::modifyChannel);
        routes.get(API + "/channels/{cid}/messages", this::listMessages);
        routes.post(API + "/channels/{cid}/messages", this::createMessage);
        routes.get(API + "/channels/{cid}/messages/{mid}", ctx -> ok(ctx, message(ctx, channel(ctx))));
        routes.patch(API + "/channels/{cid}/messages/{mid}", this::editMessage);
        routes.delete(API + "/channels/{cid}/messages/{mid}", this::deleteMessage);
        routes.put(API + "/channels/{cid}/messages/{mid}/reactions/{emoji}/@me", Http::noContent);
        routes.delete(API + "/channels/{cid}/messages/{mid}/reactions/{emoji}/@me", Http::noContent);
        routes.post(API + "/channels/{cid}/typing", Http::noContent);

        routes.post(API + "/channels/{cid}/messages/{mid}/threads", this::threadFromMessage);
        routes.post(API + "/channels/{cid}/threads", this::threadWithoutMessage);
        routes.put(API + "/channels/{cid}/thread-members/@me", ctx -> addThreadMember(ctx, BOT_USER_ID));
        routes.put(API + "/channels/{cid}/thread-members/{uid}", ctx -> addThreadMember(ctx, idParam(ctx, "uid")));
        routes.delete(API + "/channels/{cid}/thread-members/{uid}", Http::noContent);

        interactions.register(routes);

        // The files behind attachment URLs, so a bot that downloads attachments gets bytes.
        routes.get("/attachments/{cid}/{aid}/{name}", ctx -> ctx.result("fake attachment " + ctx.pathParam("name")));

        routes.exception(DiscordError.class, (e, ctx) -> error(ctx, e.status, e.code, e.getMessage()));
        routes.exception(EndpointNotFound.class, (e, ctx) -> unknownRoute(ctx));
        routes.exception(Exception.class, (e, ctx) -> {
            System.err.println("[fake-discord] the fake failed on " + ctx.req().getMethod() + " " + ctx.path());
            e.printStackTrace();
            error(ctx, 500, 0, "fake-discord bug: " + e);
        });
    }

    // ---- recording and faults

    private void recordThenMaybeFail(Context ctx) {
        long received = System.nanoTime();
        String method = ctx.req().getMethod();
        String path = ctx.path().substring(API.length());
        // Multipart requests (files) carry their JSON in the payload_json part.
        JsonNode body = ctx.isMultipartFormData() ? Json.parse(ctx.formParam("payload_json")) : Json.parse(ctx.body());
        ctx.attribute(Http.BODY, body);
        ctx.attribute(Http.RECEIVED, received);
        ctx.header("Via", "1.1 google");
        recorder.requests.add(new RecordedRequest(method, path, body, received));
        long delay = faults.takeDelay(method, path);
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        faults.take(method, path).ifPresent(canned -> {
            canned.headers().forEach(ctx::header);
            ctx.status(canned.status()).contentType("application/json").result(canned.body());
            ctx.skipRemainingHandlers();
        });
    }

    private void unknownRoute(Context ctx) {
        System.err.println("[fake-discord] no route for " + ctx.req().getMethod() + " " + ctx.path()
                + " — add it to RestRoutes if the bot needs it");
        error(ctx, 404, 0, "404: Not Found (fake-discord has no route for this)");
    }

    // ---- login and application

    private void gatewayBot(Context ctx) {
        ObjectNode json = Json.object().put("url", gatewayUrl()).put("shards", world.recommendedShards());
        json.putObject("session_start_limit")
                .put("total", 1000)
                .put("remaining", 1000)
                .put("reset_after", 0)
                .put("max_concurrency", 1);
        ok(ctx, json);
    }

    private void application(Context ctx) {
        ok(ctx, Payloads.application(APPLICATION_ID, messages.bot(), world.user(FakeDiscord.OWNER_USER_ID),
                world.messageContentGranted()));
    }

    private void getUser(Context ctx) {
        User user = world.user(idParam(ctx, "uid"));
        if (user == null) {
            throw new DiscordError(404, 10013, "Unknown User");
        }
        ok(ctx, Payloads.user(user));
    }

    private void openDm(Context ctx) {
        Long userId = Json.optionalId(body(ctx).path("recipient_id"));
        if (userId == null || world.user(userId) == null) {
            throw new DiscordError(400, 50035, "Invalid Form Body: unknown recipient_id");
        }
        ok(ctx, Http.channelJson(world, world.openDm(userId)));
    }

    // ---- guild

    private void roles(Context ctx) {
        guild(ctx);
        ArrayNode json = Json.array();
        world.roles().forEach(role -> json.add(Payloads.role(role)));
        ok(ctx, json);
    }

    private void guildChannels(Context ctx) {
        guild(ctx);
        ArrayNode json = Json.array();
        world.guildChannels().forEach(channel -> json.add(Http.channelJson(world, channel)));
        ok(ctx, json);
    }

    private void getMember(Context ctx) {
        guild(ctx);
        long userId = idParam(ctx, "uid");
        World.Member member = world.member(userId)
                .orElseThrow(() -> new DiscordError(404, 10007, "Unknown Member"));
        ok(ctx, Payloads.member(member, world.user(userId), true));
    }

    // ---- channels and messages

    private void modifyChannel(Context ctx) {
        Channel channel = channel(ctx);
        JsonNode body = body(ctx);
        String name = body.path("name").asText(channel.name());
        Channel updated;
        if (channel.isThread()) {
            JsonNode metadata = body.has("thread_metadata") ? body.get("thread_metadata") : body;
            updated = world.updateThread(channel.id(), name,
                    metadata.path("archived").asBoolean(channel.thread().archived()),
                    metadata.path("locked").asBoolean(channel.thread().locked()));
        } else {
            updated = world.renameChannel(channel.id(), name);
        }
        events.channelUpdate(updated);
        ok(ctx, Http.channelJson(world, updated));
    }

    private void listMessages(Context ctx) {
        Channel channel = channel(ctx);
        String limitText = ctx.queryParam("limit");
        int limit = limitText == null ? 50 : Math.max(1, Math.min(100, Integer.parseInt(limitText)));
        String after = ctx.queryParam("after");
        ArrayNode json = Json.array();
        (after == null ? world.messagesIn(channel.id(), limit)
                : world.messagesAfter(channel.id(), Long.parseLong(after), limit)).forEach(json::add);
        ok(ctx, json);
    }

    private void createMessage(Context ctx) {
        Channel channel = channel(ctx);
        requireCanSend(channel);
        ok(ctx, messages.post(ctx, channel, messages.bot(), null, true));
    }

    private void editMessage(Context ctx) {
        ObjectNode message = message(ctx, channel(ctx));
        if (!message.path("author").path("id").asText().equals(id(BOT_USER_ID))) {
            throw new DiscordError(403, 50005, "Cannot edit a message authored by another user");
        }
        ObjectNode edited = messages.edit(message, body(ctx));
        events.messageUpdate(edited, false);
        ok(ctx, edited);
    }

    private void deleteMessage(Context ctx) {
        Channel channel = channel(ctx);
        long messageId = World.idOf(message(ctx, channel));
        world.removeMessage(messageId);
        events.messageDelete(messageId, channel);
        ctx.status(204);
    }

    /** Discord refuses what JDA would also refuse, for bots that bypass JDA's local check. */
    private void requireCanSend(Channel channel) {
        if (!channel.inGuild()) {
            return;
        }
        long bits = world.permissionsOf(BOT_USER_ID, GUILD_ID);
        long send = channel.isThread() ? FakeDiscord.SEND_MESSAGES_IN_THREADS : FakeDiscord.SEND_MESSAGES;
        if ((bits & FakeDiscord.VIEW_CHANNEL) == 0 || (bits & send) == 0) {
            throw new DiscordError(403, 50013, "Missing Permissions");
        }
    }

    // ---- threads

    private void threadFromMessage(Context ctx) {
        Channel parent = channel(ctx);
        long messageId = World.idOf(message(ctx, parent));
        if (world.channel(messageId) != null) {
            throw new DiscordError(400, 160004, "A thread has already been created for this message");
        }
        JsonNode body = body(ctx);
        Channel thread = world.addThread(messageId, parent.id(), World.PUBLIC_THREAD, requireName(body),
                BOT_USER_ID, messageId, body.path("auto_archive_duration").asInt(1440));
        ok(ctx, announceThread(thread));
    }

    private void threadWithoutMessage(Context ctx) {
        Channel parent = channel(ctx);
        JsonNode body = body(ctx);
        String name = requireName(body);
        int archive = body.path("auto_archive_duration").asInt(1440);
        if (parent.type() != World.FORUM) {
            // Discord's default for a thread without a starter message is private.
            int type = body.path("type").asInt(World.PRIVATE_THREAD);
            Channel thread = world.addThread(world.nextId(), parent.id(), type, name, BOT_USER_ID, null, archive);
            ok(ctx, announceThread(thread));
            return;
        }
        // A forum post: the thread and its starter message share one id, and the response carries both.
        long id = world.nextId();
        Channel thread = world.addThread(id, parent.id(), World.PUBLIC_THREAD, name, BOT_USER_ID, id, archive);
        ObjectNode json = announceThread(thread);
        json.set("message", messages.forumStarter(ctx, thread, body.path("message")));
        ok(ctx, json);
    }

    /**
     * THREAD_CREATE goes out as well, as Discord sends it to the creator. JDA does not need it — it
     * caches the thread from the REST response — and ignores it when already cached.
     */
    private ObjectNode announceThread(Channel thread) {
        events.threadCreate(thread, true);
        ObjectNode json = Http.channelJson(world, thread);
        json.putObject("member")
                .put("id", id(thread.id()))
                .put("user_id", id(BOT_USER_ID))
                .put("join_timestamp", thread.thread().createdAt().toString())
                .put("flags", 0);
        return json;
    }

    private void addThreadMember(Context ctx, long userId) {
        Channel thread = channel(ctx);
        if (!thread.isThread()) {
            throw new DiscordError(400, 50024, "Cannot execute action on this channel type");
        }
        if (world.member(userId).isEmpty()) {
            throw new DiscordError(404, 10007, "Unknown Member");
        }
        recorder.threadMembersAdded.add(new long[] {thread.id(), userId});
        ctx.status(204);
    }

    private static String requireName(JsonNode body) {
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            throw new DiscordError(400, 50035, "Invalid Form Body: name is required");
        }
        return name;
    }

    // ---- lookups

    private long guild(Context ctx) {
        long guildId = idParam(ctx, "gid");
        if (!world.isGuild(guildId)) {
            throw new DiscordError(404, 10004, "Unknown Guild");
        }
        return guildId;
    }

    private Channel channel(Context ctx) {
        return Http.channel(world, ctx);
    }

    private ObjectNode message(Context ctx, Channel channel) {
        return Http.message(world, ctx, channel);
    }

    private String gatewayUrl() {
        return serverRoot.get().replace("http://", "ws://") + "gateway";
    }
}
