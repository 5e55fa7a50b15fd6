package dev.baton.discord.fake;

import static dev.baton.discord.fake.FakeDiscord.APPLICATION_ID;
import static dev.baton.discord.fake.FakeDiscord.BOT_USER_ID;
import static dev.baton.discord.fake.FakeDiscord.GUILD_ID;
import static dev.baton.discord.fake.Http.body;
import static dev.baton.discord.fake.Http.copyArray;
import static dev.baton.discord.fake.Json.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.discord.fake.Http.DiscordError;
import dev.baton.discord.fake.World.Channel;
import dev.baton.discord.fake.World.User;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.function.Supplier;

/**
 * Messages the bot makes, by whichever route: built the way Discord builds them from a request,
 * stored in the world, recorded as posted, and (for channel messages) echoed to the gateway — bots
 * see their own messages and must ignore them.
 */
final class BotMessages {

    /** "Bot is thinking…": a deferred interaction reply users cannot see until it is edited. */
    static final int LOADING_FLAG = 1 << 7;

    private final World world;
    private final Events events;
    private final Recorder recorder;
    private final Supplier<String> serverRoot;

    BotMessages(World world, Events events, Recorder recorder, Supplier<String> serverRoot) {
        this.world = world;
        this.events = events;
        this.recorder = recorder;
        this.serverRoot = serverRoot;
    }

    User bot() {
        return world.user(BOT_USER_ID);
    }

    /**
     * A message from the request body (JSON, or {@code payload_json} plus files).
     *
     * @param webhookId set for webhook executions and interaction followups
     * @param echo whether MESSAGE_CREATE goes out; Discord sends it for channel and webhook messages
     */
    ObjectNode post(Context ctx, Channel channel, User author, Long webhookId, boolean echo) {
        JsonNode body = body(ctx);
        ObjectNode message = fromRequest(channel, author, body);
        if (webhookId != null) {
            message.put("webhook_id", id(webhookId));
        }
        Long replyTo = Json.optionalId(body.path("message_reference").path("message_id"));
        if (replyTo != null) {
            reply(message, channel, replyTo);
        }
        attachUploads(ctx, channel, message);
        if (message.path("content").asText().isEmpty() && message.path("embeds").isEmpty()
                && message.path("components").isEmpty() && message.path("attachments").isEmpty()) {
            throw new DiscordError(400, 50006, "Cannot send an empty message");
        }
        if (channel.inGuild() && webhookId == null) {
            world.member(BOT_USER_ID).ifPresent(m -> message.set("member", Payloads.member(m, null, false)));
        }
        world.putMessage(message);
        recordPosted(ctx, message);
        if (echo) {
            events.messageCreate(message, false);
        }
        return message;
    }

    /** The reply of an interaction callback (type 4), from its {@code data}. */
    ObjectNode interactionReply(Context ctx, Channel channel, JsonNode data) {
        ObjectNode message = fromRequest(channel, bot(), data);
        message.put("webhook_id", id(APPLICATION_ID));
        message.put("type", 20); // CHAT_INPUT_COMMAND
        world.putMessage(message);
        recordPosted(ctx, message);
        return message;
    }

    /** The placeholder of a deferred interaction reply (type 5); posted once it is first edited. */
    ObjectNode deferredReply(Channel channel, JsonNode data) {
        ObjectNode placeholder = Payloads.message(world.nextId(), channel, bot(), "", world.now(), world.guildOf(channel));
        placeholder.put("flags", LOADING_FLAG | data.path("flags").asInt(0));
        placeholder.put("webhook_id", id(APPLICATION_ID));
        world.putMessage(placeholder);
        return placeholder;
    }

    /** The starter message of a forum post the bot opens; it shares the thread's id. */
    ObjectNode forumStarter(Context ctx, Channel thread, JsonNode body) {
        ObjectNode starter = Payloads.message(thread.id(), thread, bot(), body.path("content").asText(""),
                world.now(), world.guildOf(thread));
        copyArray(body, starter, "components");
        copyArray(body, starter, "embeds");
        world.putMessage(starter);
        recordPosted(ctx, starter);
        events.messageCreate(starter, false);
        return starter;
    }

    /** Applies the fields an edit request carries; absent fields stay as they were. */
    ObjectNode edit(ObjectNode message, JsonNode body) {
        if (body.has("content")) {
            message.put("content", body.path("content").asText(""));
        }
        copyArray(body, message, "components");
        copyArray(body, message, "embeds");
        if (body.has("flags")) {
            message.put("flags", body.get("flags").asInt());
        }
        message.put("edited_timestamp", world.now().toString());
        world.putMessage(message);
        return message;
    }

    void recordPosted(Context ctx, JsonNode message) {
        recorder.posted.add(new PostedMessage(
                World.idOf(message),
                Long.parseLong(message.get("channel_id").asText()),
                message.path("content").asText(""),
                message.path("components"),
                message.path("embeds"),
                Json.optionalId(message.path("message_reference").path("message_id")),
                Http.receivedNanos(ctx),
                message.path("author").path("username").asText(),
                Json.optionalId(message.path("webhook_id"))));
    }

    private ObjectNode fromRequest(Channel channel, User author, JsonNode body) {
        ObjectNode message = Payloads.message(world.nextId(), channel, author, body.path("content").asText(""),
                world.now(), world.guildOf(channel));
        copyArray(body, message, "components");
        copyArray(body, message, "embeds");
        message.put("flags", body.path("flags").asInt(0));
        return message;
    }

    private void reply(ObjectNode message, Channel channel, long replyTo) {
        message.put("type", 19);
        message.set("message_reference", Payloads.messageReference(replyTo, channel.id(),
                channel.inGuild() ? world.guildOf(channel) : null));
        world.message(replyTo).ifPresent(referenced -> {
            referenced.remove("referenced_message"); // Discord nests one level only
            message.set("referenced_message", referenced);
        });
    }

    private void attachUploads(Context ctx, Channel channel, ObjectNode message) {
        if (!ctx.isMultipartFormData()) {
            return;
        }
        ArrayNode attachments = message.putArray("attachments");
        for (UploadedFile file : ctx.uploadedFiles()) {
            attachments.add(Payloads.attachment(world.nextId(), channel.id(), file.filename(), serverRoot.get())
                    .put("size", file.size()));
        }
    }
}
