package dev.baton.discord.fake;

import static dev.baton.discord.fake.FakeDiscord.APPLICATION_ID;
import static dev.baton.discord.fake.FakeDiscord.GUILD_ID;
import static dev.baton.discord.fake.Http.API;
import static dev.baton.discord.fake.Http.body;
import static dev.baton.discord.fake.Http.channel;
import static dev.baton.discord.fake.Http.idParam;
import static dev.baton.discord.fake.Http.ok;
import static dev.baton.discord.fake.Json.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.discord.fake.Http.DiscordError;
import dev.baton.discord.fake.World.Channel;
import dev.baton.discord.fake.World.Interaction;
import dev.baton.discord.fake.World.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Webhooks, interaction callbacks and followups, and command registration. They belong together
 * because Discord serves interaction followups on the webhook routes, with the application id in
 * place of a webhook id and the interaction token as the webhook token.
 */
final class InteractionRoutes {

    private static final int INTERACTION_REPLY = 4;
    private static final int DEFERRED_REPLY = 5;
    private static final int UPDATE_MESSAGE = 7;
    private static final String GLOBAL = "global";

    private final World world;
    private final Events events;
    private final Recorder recorder;
    private final BotMessages messages;
    private final Set<String> acknowledged = new HashSet<>();

    InteractionRoutes(World world, Events events, Recorder recorder, BotMessages messages) {
        this.world = world;
        this.events = events;
        this.recorder = recorder;
        this.messages = messages;
    }

    void register(RoutesConfig routes) {
        routes.post(API + "/channels/{cid}/webhooks", this::createWebhook);
        routes.get(API + "/channels/{cid}/webhooks", this::listWebhooks);
        routes.post(API + "/webhooks/{wid}/{token}", this::executeWebhook);
        routes.get(API + "/webhooks/{wid}/{token}/messages/{mid}", ctx -> ok(ctx, webhookMessage(ctx)));
        routes.patch(API + "/webhooks/{wid}/{token}/messages/{mid}", this::editWebhookMessage);
        routes.delete(API + "/webhooks/{wid}/{token}/messages/{mid}", this::deleteWebhookMessage);

        routes.post(API + "/interactions/{iid}/{token}/callback", this::interactionCallback);

        String global = API + "/applications/{aid}/commands";
        routes.get(global, ctx -> commandList(ctx, GLOBAL));
        routes.put(global, ctx -> replaceCommands(ctx, GLOBAL));
        routes.post(global, ctx -> upsertCommand(ctx, GLOBAL));
        routes.delete(global + "/{cmd}", ctx -> deleteCommand(ctx, GLOBAL));
        String guild = API + "/applications/{aid}/guilds/{gid}/commands";
        routes.get(guild, ctx -> commandList(ctx, ctx.pathParam("gid")));
        routes.put(guild, ctx -> replaceCommands(ctx, ctx.pathParam("gid")));
        routes.post(guild, ctx -> upsertCommand(ctx, ctx.pathParam("gid")));
        routes.delete(guild + "/{cmd}", ctx -> deleteCommand(ctx, ctx.pathParam("gid")));
    }

    // ---- webhooks

    /** As Discord: Manage Webhooks needed, text and forum channels only, 15 a channel, a name it accepts. */
    private void createWebhook(Context ctx) {
        Channel channel = webhookChannel(ctx);
        String name = body(ctx).path("name").asText("");
        requireWebhookName(name);
        if (world.webhooksOf(channel.id()).size() >= World.MAX_WEBHOOKS_PER_CHANNEL) {
            throw new DiscordError(400, 30007, "Maximum number of webhooks reached (" + World.MAX_WEBHOOKS_PER_CHANNEL
                    + ")");
        }
        World.Webhook webhook = world.addWebhook(channel.id(), name, FakeDiscord.BOT_USER_ID);
        ok(ctx, webhookJson(webhook));
    }

    private void listWebhooks(Context ctx) {
        Channel channel = webhookChannel(ctx);
        ArrayNode json = Json.array();
        for (World.Webhook webhook : world.webhooksOf(channel.id())) {
            json.add(webhookJson(webhook));
        }
        ok(ctx, json);
    }

    /** Webhooks the bot made carry its application id; a person's carry none. */
    private ObjectNode webhookJson(World.Webhook webhook) {
        boolean bots = webhook.creatorId() == FakeDiscord.BOT_USER_ID;
        return Payloads.webhook(webhook, world.user(webhook.creatorId()), GUILD_ID, bots ? APPLICATION_ID : null);
    }

    /** The channel of a webhook management route, refused as Discord refuses it. */
    private Channel webhookChannel(Context ctx) {
        Channel channel = channel(world, ctx);
        if (!channel.inGuild() || channel.isThread()) {
            throw new DiscordError(400, 50024, "Cannot execute action on this channel type");
        }
        long bits = world.permissionsOf(FakeDiscord.BOT_USER_ID, GUILD_ID);
        if (world.webhooksDenied() || (bits & FakeDiscord.MANAGE_WEBHOOKS) == 0) {
            throw new DiscordError(403, 50013, "Missing Permissions");
        }
        return channel;
    }

    /** Discord's rules for a webhook's name and for the name a webhook post shows. */
    private static void requireWebhookName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (name.isBlank() || name.length() > 80 || lower.contains("clyde") || lower.contains("discord")
                || lower.equals("everyone") || lower.equals("here")) {
            throw new DiscordError(400, 50035, "Invalid Form Body: username/name \"" + name + "\" is not allowed");
        }
    }

    private void executeWebhook(Context ctx) {
        long webhookId = idParam(ctx, "wid");
        String token = ctx.pathParam("token");
        if (webhookId == APPLICATION_ID) {
            // An interaction followup: a message in the interaction's channel, not echoed.
            Interaction interaction = interaction(token);
            ok(ctx, messages.post(ctx, world.requireChannel(interaction.channelId()), messages.bot(), APPLICATION_ID,
                    false));
            return;
        }
        World.Webhook webhook = world.webhook(webhookId, token)
                .orElseThrow(() -> new DiscordError(404, 10015, "Unknown Webhook"));
        Channel channel = webhookTarget(webhook, ctx.queryParam("thread_id"));
        // A webhook message's author is the webhook itself, under the name and avatar the request gives.
        JsonNode body = body(ctx);
        String username = body.path("username").asText(webhook.name());
        requireWebhookName(username);
        String avatarUrl = body.path("avatar_url").asText(null);
        String avatar = avatarUrl == null ? null : Integer.toHexString(avatarUrl.hashCode()); // stands in for the image hash
        ObjectNode message = messages.post(ctx, channel, new User(webhook.id(), username, true, avatar), webhook.id(),
                true);
        if ("true".equals(ctx.queryParam("wait"))) {
            ok(ctx, message);
        } else {
            ctx.status(204);
        }
    }

    /**
     * The webhook's channel, or with {@code thread_id} a thread in it; posting into an archived thread
     * unarchives it, as on Discord (a locked one stays closed).
     */
    private Channel webhookTarget(World.Webhook webhook, String threadId) {
        if (threadId == null) {
            return world.requireChannel(webhook.channelId());
        }
        Channel thread = world.channel(Long.parseLong(threadId));
        if (thread == null || !thread.isThread() || thread.parentId() != webhook.channelId()) {
            throw new DiscordError(400, 10003, "Unknown Channel");
        }
        if (thread.thread().locked()) {
            throw new DiscordError(400, 50083, "Thread is locked");
        }
        if (thread.thread().archived()) {
            thread = world.updateThread(thread.id(), thread.name(), false, false);
            events.channelUpdate(thread);
        }
        return thread;
    }

    private void deleteWebhookMessage(Context ctx) {
        long webhookId = idParam(ctx, "wid");
        if (webhookId != APPLICATION_ID && world.webhook(webhookId, ctx.pathParam("token")).isEmpty()) {
            throw new DiscordError(404, 10015, "Unknown Webhook");
        }
        ObjectNode message = webhookMessage(ctx);
        if (!message.path("webhook_id").asText().equals(id(webhookId))) {
            throw new DiscordError(404, 10008, "Unknown Message");
        }
        long messageId = World.idOf(message);
        world.removeMessage(messageId);
        events.messageDelete(messageId, world.requireChannel(Long.parseLong(message.path("channel_id").asText())));
        ctx.status(204);
    }

    private ObjectNode webhookMessage(Context ctx) {
        String mid = ctx.pathParam("mid");
        Long messageId = mid.equals("@original")
                ? interaction(ctx.pathParam("token")).originalMessageId()
                : Long.valueOf(idParam(ctx, "mid"));
        if (messageId == null) {
            throw new DiscordError(404, 10008, "Unknown Message");
        }
        return world.message(messageId).orElseThrow(() -> new DiscordError(404, 10008, "Unknown Message"));
    }

    /** Editing {@code @original}; a deferred reply becomes visible — and so "posted" — with its first edit. */
    private void editWebhookMessage(Context ctx) {
        ObjectNode message = webhookMessage(ctx);
        int flags = message.path("flags").asInt();
        boolean wasLoading = (flags & BotMessages.LOADING_FLAG) != 0;
        message.put("flags", flags & ~BotMessages.LOADING_FLAG);
        ObjectNode edited = messages.edit(message, body(ctx));
        if (wasLoading) {
            messages.recordPosted(ctx, edited);
        }
        ok(ctx, edited);
    }

    // ---- interactions

    private void interactionCallback(Context ctx) {
        String token = ctx.pathParam("token");
        Interaction interaction = interaction(token);
        if (interaction.id() != idParam(ctx, "iid")) {
            throw new DiscordError(404, 10062, "Unknown interaction");
        }
        synchronized (acknowledged) {
            if (!acknowledged.add(token)) {
                throw new DiscordError(400, 40060, "Interaction has already been acknowledged.");
            }
        }
        JsonNode body = body(ctx);
        recorder.interactionResponses.add(body);
        Channel channel = world.requireChannel(interaction.channelId());
        switch (body.path("type").asInt()) {
            case INTERACTION_REPLY -> {
                ObjectNode reply = messages.interactionReply(ctx, channel, body.path("data"));
                world.setOriginalMessage(token, World.idOf(reply));
            }
            case DEFERRED_REPLY -> {
                ObjectNode placeholder = messages.deferredReply(channel, body.path("data"));
                world.setOriginalMessage(token, World.idOf(placeholder));
            }
            case UPDATE_MESSAGE -> {
                // For a component interaction @original is the message the component sits on.
                if (interaction.originalMessageId() != null) {
                    world.message(interaction.originalMessageId())
                            .ifPresent(message -> messages.edit(message, body.path("data")));
                }
            }
            default -> {
                // PONG, deferred update, modal, autocomplete: acknowledged, nothing to show.
            }
        }
        ctx.status(204);
    }

    private Interaction interaction(String token) {
        return world.interaction(token).orElseThrow(() -> new DiscordError(404, 10015, "Unknown Webhook"));
    }

    // ---- commands

    private void commandList(Context ctx, String scope) {
        requireApplication(ctx);
        ArrayNode json = Json.array();
        recorder.commands(scope).forEach(json::add);
        ok(ctx, json);
    }

    private void replaceCommands(Context ctx, String scope) {
        requireApplication(ctx);
        List<JsonNode> registered = new ArrayList<>();
        for (JsonNode command : body(ctx)) {
            registered.add(registered(command, scope));
        }
        recorder.replaceCommands(scope, registered);
        ArrayNode json = Json.array();
        registered.forEach(json::add);
        ok(ctx, json);
    }

    private void upsertCommand(Context ctx, String scope) {
        requireApplication(ctx);
        JsonNode command = registered(body(ctx), scope);
        recorder.upsertCommand(scope, command);
        ok(ctx, command);
    }

    private void deleteCommand(Context ctx, String scope) {
        requireApplication(ctx);
        recorder.removeCommand(scope, ctx.pathParam("cmd"));
        ctx.status(204);
    }

    /** A command as Discord echoes it: the request plus id, application, version and defaults. */
    private JsonNode registered(JsonNode request, String scope) {
        ObjectNode command = request.deepCopy();
        command.put("id", id(world.commandId(scope, command.path("name").asText())));
        command.put("application_id", id(APPLICATION_ID));
        command.put("version", id(world.nextId()));
        command.put("type", command.path("type").asInt(1));
        command.put("description", command.path("description").asText(""));
        if (!command.has("default_member_permissions")) {
            command.putNull("default_member_permissions");
        }
        command.put("nsfw", command.path("nsfw").asBoolean(false));
        if (!scope.equals(GLOBAL)) {
            command.put("guild_id", scope);
        }
        return command;
    }

    private static void requireApplication(Context ctx) {
        if (idParam(ctx, "aid") != APPLICATION_ID) {
            throw new DiscordError(404, 10002, "Unknown Application");
        }
    }
}
