package dev.baton.discord.fake;

import static dev.baton.discord.fake.Json.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.discord.fake.World.Channel;
import java.util.OptionalInt;

/**
 * Turns world changes into gateway dispatches the way Discord filters them: message events only
 * reach a session that asked for the matching intent, and without the MESSAGE_CONTENT intent (or
 * with it not granted in the portal) guild messages arrive with their content blanked — unless they
 * mention the bot or are the bot's own. JDA filters nothing by intent itself, so this is the only
 * place the "forgot the privileged intent" failure can show up in a test.
 */
final class Events {

    static final int GUILD_MEMBERS = 1 << 1;
    static final int GUILD_MESSAGES = 1 << 9;
    static final int DIRECT_MESSAGES = 1 << 12;
    static final int MESSAGE_CONTENT = 1 << 15;

    private final World world;
    private final Gateways gateways;

    Events(World world, Gateways gateways) {
        this.world = world;
        this.gateways = gateways;
    }

    /**
     * @param byUser true when a test caused it; then an event that cannot be delivered is reported on
     *     stderr, since a silently missing event is the hardest test failure to read
     */
    /** @return when the frame was written ({@link System#nanoTime()}), 0 when it was not */
    long messageCreate(ObjectNode message, boolean byUser) {
        return message("MESSAGE_CREATE", message, byUser);
    }

    void messageUpdate(ObjectNode message, boolean byUser) {
        message("MESSAGE_UPDATE", message, byUser);
    }

    void messageDelete(long messageId, Channel channel) {
        ObjectNode data = Json.object().put("id", id(messageId)).put("channel_id", id(channel.id()));
        if (channel.inGuild()) {
            data.put("guild_id", id(world.guildOf(channel)));
        }
        deliver("MESSAGE_DELETE", data, channel.inGuild() ? GUILD_MESSAGES : DIRECT_MESSAGES, true);
    }

    void threadCreate(Channel thread, boolean newlyCreated) {
        ObjectNode data = Payloads.channel(thread, null, world.guildOf(thread));
        if (newlyCreated) {
            data.put("newly_created", true);
        }
        deliver("THREAD_CREATE", data, 0, false);
    }

    void channelUpdate(Channel channel) {
        String type = channel.isThread() ? "THREAD_UPDATE" : "CHANNEL_UPDATE";
        deliver(type, Payloads.channel(channel, null, world.guildOf(channel)), 0, false);
    }

    void interactionCreate(ObjectNode interaction) {
        deliver("INTERACTION_CREATE", interaction, 0, true);
    }

    /** Guild-structure changes made after connect (new channel, role, member, permissions). */
    void guildChange(String type, ObjectNode data, int requiredIntent) {
        deliver(type, data, requiredIntent, false);
    }

    private long message(String type, ObjectNode message, boolean byUser) {
        boolean inGuild = message.has("guild_id");
        OptionalInt intents = gateways.target(message).intents();
        ObjectNode data = message;
        if (inGuild && intents.isPresent() && !contentVisible(message, intents.getAsInt())) {
            data = blanked(message);
        }
        return deliver(type, data, inGuild ? GUILD_MESSAGES : DIRECT_MESSAGES, byUser);
    }

    private boolean contentVisible(JsonNode message, int intents) {
        boolean granted = world.messageContentGranted() && (intents & MESSAGE_CONTENT) != 0;
        return granted || isFromBot(message) || mentionsBot(message);
    }

    private static boolean isFromBot(JsonNode message) {
        return message.path("author").path("id").asText().equals(id(FakeDiscord.BOT_USER_ID));
    }

    private static boolean mentionsBot(JsonNode message) {
        for (JsonNode user : message.path("mentions")) {
            if (user.path("id").asText().equals(id(FakeDiscord.BOT_USER_ID))) {
                return true;
            }
        }
        return false;
    }

    /** What Discord sends without content access: the message minus everything the user wrote. */
    private static ObjectNode blanked(ObjectNode message) {
        ObjectNode copy = message.deepCopy();
        copy.put("content", "");
        copy.putArray("embeds");
        copy.putArray("attachments");
        copy.putArray("components");
        copy.remove("poll");
        return copy;
    }

    private long deliver(String type, ObjectNode data, int requiredIntent, boolean byUser) {
        Gateway gateway = gateways.target(data);
        OptionalInt intents = gateway.intents();
        if (intents.isEmpty()) {
            if (byUser) {
                System.err.println("[fake-discord] " + type + " dropped: no gateway session yet (await READY first)");
            }
            return 0;
        }
        if ((intents.getAsInt() & requiredIntent) != requiredIntent) {
            if (byUser) {
                System.err.println("[fake-discord] " + type + " not delivered: the session's intents ("
                        + Integer.toBinaryString(intents.getAsInt()) + ") lack bit "
                        + Integer.numberOfTrailingZeros(requiredIntent));
            }
            return 0;
        }
        return gateway.dispatch(type, data);
    }
}
