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
    private final Recorder recorder;
    private final BotMessages messages;
    private final Set<String> acknowledged = new HashSet<>();

    InteractionRoutes(World world, Recorder recorder, BotMessages messages) {
        this.world = world;
        this.recorder = recorder;
        this.messages = messages;
    }

    void register(RoutesConfig routes) {
        routes.post(API + "/channels/{cid}/webhooks", this::createWebhook);
        routes.get(API + "/channels/{cid}/webhooks", this::listWebhooks);
        routes.post(API + "/webhooks/{wid}/{token}", this::executeWebhook);
        routes.get(API + "/webhooks/{wid}/{token}/messages/{mid}", ctx -> ok(ctx, webhookMessage(ctx)));
        routes.patch(API + "/webhooks/{wid}/{token}/messages/{mid}", this::editWebhookMessage);
        routes.delete(API + "/webhooks/{wid}/{token}/messages/{mid}", Http::noContent);

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

    private void createWebhook(Context ctx) {
        Channel channel = channel(world, ctx);
        World.Webhook webhook = world.addWebhook(channel.id(), body(ctx).path("name").asText("Webhook"));
        ok(ctx, Payloads.webhook(webhook, messages.bot(), GUILD_ID, APPLICATION_ID));
    }

    private void listWebhooks(Context ctx) {
        Channel channel = channel(world, ctx);
        ArrayNode json = Json.array();
        for (World.Webhook webhook : world.webhooksOf(channel.id())) {
            json.add(Payloads.webhook(webhook, messages.bot(), GUILD_ID, APPLICATION_ID));
        }
        ok(ctx, json);
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
        String threadId = ctx.queryParam("thread_id");
        Channel channel = world.requireChannel(threadId == null ? webhook.channelId() : Long.parseLong(threadId));
        // A webhook message's author is the webhook itself, under the name the request gives.
        String username = body(ctx).path("username").asText(webhook.name());
        ObjectNode message = messages.post(ctx, channel, new User(webhook.id(), username, true), webhook.id(), true);
        if ("true".equals(ctx.queryParam("wait"))) {
            ok(ctx, message);
        } else {
            ctx.status(204);
        }
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
