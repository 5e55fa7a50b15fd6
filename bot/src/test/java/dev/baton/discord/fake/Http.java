package dev.baton.discord.fake;

import static dev.baton.discord.fake.FakeDiscord.GUILD_ID;
import static dev.baton.discord.fake.Json.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.discord.fake.World.Channel;
import dev.baton.discord.fake.World.User;
import io.javalin.http.Context;

/** What every REST route shares: reading the request, Discord-style answers and errors, and lookups. */
final class Http {

    static final String API = "/api/v10";

    /** Request attributes set once by the recording filter, so routes never parse a body twice. */
    static final String BODY = "fake-discord.body";
    static final String RECEIVED = "fake-discord.received";

    private Http() {}

    /** A Discord JSON error ({@code {"code":…,"message":…}}) a route throws to end the request. */
    static final class DiscordError extends RuntimeException {
        final int status;
        final int code;

        DiscordError(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    static JsonNode body(Context ctx) {
        return ctx.attribute(BODY);
    }

    static long receivedNanos(Context ctx) {
        return ctx.<Long>attribute(RECEIVED);
    }

    static long idParam(Context ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            return Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            throw new DiscordError(404, 0, "404: Not Found (" + name + " is not a snowflake: " + value + ")");
        }
    }

    static void ok(Context ctx, JsonNode json) {
        ctx.status(200).contentType("application/json").result(Json.write(json));
    }

    static void noContent(Context ctx) {
        ctx.status(204);
    }

    static void error(Context ctx, int status, int code, String message) {
        ObjectNode json = Json.object().put("code", code).put("message", message);
        ctx.status(status).contentType("application/json").result(Json.write(json));
    }

    static Channel channel(World world, Context ctx) {
        Channel channel = world.channel(idParam(ctx, "cid"));
        if (channel == null) {
            throw new DiscordError(404, 10003, "Unknown Channel");
        }
        return channel;
    }

    static ObjectNode message(World world, Context ctx, Channel channel) {
        return world.message(idParam(ctx, "mid"))
                .filter(m -> m.path("channel_id").asText().equals(id(channel.id())))
                .orElseThrow(() -> new DiscordError(404, 10008, "Unknown Message"));
    }

    static ObjectNode channelJson(World world, Channel channel) {
        User recipient = channel.recipientId() == null ? null : world.user(channel.recipientId());
        return Payloads.channel(channel, recipient, world.guildOf(channel));
    }

    /** Copies an array field when the request has one; absent means "leave as is" in Discord's API. */
    static void copyArray(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.path(field);
        if (value.isArray()) {
            to.set(field, value.deepCopy());
        }
    }
}
