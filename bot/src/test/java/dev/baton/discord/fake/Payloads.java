package dev.baton.discord.fake;

import static dev.baton.discord.fake.Json.id;
import static dev.baton.discord.fake.Json.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.discord.fake.World.Channel;
import dev.baton.discord.fake.World.Member;
import dev.baton.discord.fake.World.Role;
import dev.baton.discord.fake.World.User;
import java.time.Instant;
import java.util.List;

/**
 * Discord-shaped JSON for the world's entities. The fields are the ones real Discord sends; the ones
 * JDA 6 cannot do without are marked, since leaving them out fails quietly (a log line, a callback
 * that never runs, a 75 s wait for READY).
 */
final class Payloads {

    private Payloads() {}

    static ObjectNode user(User user) {
        ObjectNode json = object()
                .put("id", id(user.id())) // required
                .put("username", user.username()) // required
                .put("discriminator", "0")
                .putNull("global_name")
                .put("public_flags", 0);
        if (user.avatar() == null) {
            json.putNull("avatar");
        } else {
            json.put("avatar", user.avatar());
        }
        if (user.bot()) {
            json.put("bot", true);
        }
        return json;
    }

    /** The bot's own user as READY and {@code GET /users/@me} describe it. */
    static ObjectNode selfUser(User bot) {
        return user(bot).put("verified", true).put("mfa_enabled", false).put("flags", 0).putNull("email");
    }

    static ObjectNode member(Member member, User user, boolean withUser) {
        ObjectNode json = object();
        if (withUser) {
            json.set("user", user(user)); // required in lists; in MESSAGE_CREATE the author stands in
        }
        ArrayNode roles = json.putArray("roles"); // required
        member.roleIds().forEach(roleId -> roles.add(id(roleId)));
        return json.put("joined_at", member.joinedAt().toString())
                .putNull("nick")
                .putNull("avatar")
                .putNull("premium_since")
                .putNull("communication_disabled_until")
                .put("deaf", false)
                .put("mute", false)
                .put("flags", 0)
                .put("pending", false);
    }

    static ObjectNode role(Role role) {
        ObjectNode json = object()
                .put("id", id(role.id()))
                .put("name", role.name())
                .put("position", role.position())
                .put("permissions", Long.toString(role.permissions())) // a string: 64-bit bit set
                .put("color", 0)
                .put("hoist", false)
                .put("managed", false)
                .put("mentionable", false)
                .put("flags", 0)
                .putNull("icon")
                .putNull("unicode_emoji");
        // JDA 6 reads the role colour from "colors", not the legacy "color"; without it the role fails to parse.
        json.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        return json;
    }

    static ObjectNode channel(Channel channel, User dmRecipient, long guildId) {
        ObjectNode json = object().put("id", id(channel.id())).put("type", channel.type());
        if (!channel.inGuild()) {
            json.putNull("last_message_id").put("flags", 0);
            ArrayNode recipients = json.putArray("recipients");
            if (dmRecipient != null) {
                recipients.add(user(dmRecipient));
            }
            return json;
        }
        json.put("guild_id", id(guildId)).put("name", channel.name()).put("flags", 0).put("rate_limit_per_user", 0);
        if (channel.isThread()) {
            return thread(json, channel);
        }
        json.put("position", channel.position())
                .putNull("parent_id")
                .putNull("topic")
                .put("nsfw", false)
                .putNull("last_message_id");
        json.putArray("permission_overwrites");
        if (channel.type() == World.FORUM) {
            json.putArray("available_tags");
            json.putNull("default_reaction_emoji");
            json.putNull("default_sort_order");
            json.put("default_forum_layout", 0);
            json.put("default_thread_rate_limit_per_user", 0);
        }
        return json;
    }

    private static ObjectNode thread(ObjectNode json, Channel thread) {
        World.ThreadInfo info = thread.thread();
        json.put("parent_id", id(thread.parentId())) // required
                .put("owner_id", id(info.ownerId())) // required
                .put("message_count", 0) // required
                .put("member_count", 1) // required
                .put("total_message_sent", 0)
                .putNull("last_message_id");
        json.putObject("thread_metadata") // required, with archive_timestamp and auto_archive_duration
                .put("archived", info.archived())
                .put("locked", info.locked())
                .put("invitable", thread.type() == World.PRIVATE_THREAD)
                .put("auto_archive_duration", info.autoArchiveMinutes())
                .put("archive_timestamp", info.createdAt().toString())
                .put("create_timestamp", info.createdAt().toString());
        return json;
    }

    /**
     * The skeleton of a message; callers add member, mentions, attachments and the like. Guild
     * messages carry {@code guild_id}, DM messages do not — that is how JDA tells them apart.
     */
    static ObjectNode message(long id, Channel channel, User author, String content, Instant at, long guildId) {
        ObjectNode json = object().put("id", id(id)).put("channel_id", id(channel.id()));
        if (channel.inGuild()) {
            json.put("guild_id", id(guildId));
        }
        json.put("type", 0)
                .put("content", content)
                .put("timestamp", at.toString())
                .putNull("edited_timestamp")
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("flags", 0);
        json.set("author", user(author));
        json.putArray("mentions"); // required
        json.putArray("mention_roles"); // required
        json.putArray("attachments");
        json.putArray("embeds");
        json.putArray("components");
        return json;
    }

    static ObjectNode attachment(long id, long channelId, String fileName, String baseUrl) {
        String url = baseUrl + "attachments/" + channelId + "/" + id + "/" + fileName;
        return object()
                .put("id", id(id))
                .put("filename", fileName)
                .put("size", 1024)
                .put("url", url)
                .put("proxy_url", url)
                .put("content_type", contentType(fileName));
    }

    private static String contentType(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".txt") || lower.endsWith(".log")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    static ObjectNode messageReference(long messageId, long channelId, Long guildId) {
        ObjectNode json = object().put("type", 0).put("message_id", id(messageId)).put("channel_id", id(channelId));
        if (guildId != null) {
            json.put("guild_id", id(guildId));
        }
        return json;
    }

    static ObjectNode webhook(World.Webhook webhook, User creator, long guildId, Long applicationId) {
        ObjectNode json = object()
                .put("id", id(webhook.id()))
                .put("type", 1)
                .put("guild_id", id(guildId))
                .put("channel_id", id(webhook.channelId()))
                .put("name", webhook.name())
                .putNull("avatar")
                .put("token", webhook.token());
        if (applicationId == null) {
            json.putNull("application_id");
        } else {
            json.put("application_id", id(applicationId));
        }
        json.set("user", user(creator));
        return json;
    }

    static ObjectNode application(long applicationId, User bot, User owner, boolean messageContentGranted) {
        // GATEWAY_MESSAGE_CONTENT (1 << 18): the privileged intent is switched on in the developer portal.
        int flags = messageContentGranted ? 1 << 18 : 0;
        ObjectNode json = object()
                .put("id", id(applicationId))
                .put("name", bot.username())
                .putNull("icon")
                .put("description", "")
                .put("bot_public", true)
                .put("bot_require_code_grant", false)
                .put("verify_key", "0".repeat(64))
                .put("flags", flags);
        json.putArray("rpc_origins");
        json.putArray("tags");
        json.set("bot", user(bot));
        json.set("owner", user(owner));
        json.putNull("team");
        return json;
    }

    /**
     * READY. JDA needs {@code user}, {@code guilds[].id}, {@code session_id} and {@code private_channels};
     * missing ones are only logged, and resuming then breaks silently. {@code application.id} is where
     * JDA learns the application id that interaction and command routes use.
     */
    static ObjectNode ready(User bot, List<Long> guildIds, long applicationId, boolean messageContentGranted,
            String sessionId, String resumeUrl, int shard, int total) {
        ObjectNode json = object().put("v", 10);
        json.set("user", selfUser(bot));
        ArrayNode guilds = json.putArray("guilds");
        guildIds.forEach(guildId -> guilds.addObject().put("id", id(guildId)).put("unavailable", true));
        json.put("session_id", sessionId).put("session_type", "normal").put("resume_gateway_url", resumeUrl);
        json.putArray("private_channels");
        json.putArray("relationships");
        json.putArray("presences");
        json.putArray("guild_join_requests");
        json.putArray("geo_ordered_rtc_regions");
        json.putArray("shard").add(shard).add(total);
        json.putObject("application").put("id", id(applicationId)).put("flags", messageContentGranted ? 1 << 18 : 0);
        json.putArray("_trace").add("fake-discord");
        return json;
    }

    /**
     * GUILD_CREATE with everything JDA needs to mark the guild available: {@code member_count}, a valid
     * {@code afk_timeout} (0 throws), and the arrays {@code members roles channels threads emojis
     * voice_states guild_scheduled_events}, even when empty. The bot must be among the members or JDA
     * cannot compute its own permissions and refuses to send anything.
     */
    static ObjectNode guildCreate(World world, long guildId, long ownerId) {
        ObjectNode json = object()
                .put("id", id(guildId))
                .put("name", "Fake Guild")
                .putNull("icon")
                .putNull("splash")
                .putNull("banner")
                .putNull("description")
                .put("owner_id", id(ownerId))
                .putNull("afk_channel_id")
                .put("afk_timeout", 300)
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("premium_progress_bar_enabled", false)
                .put("preferred_locale", "en-US")
                .putNull("system_channel_id")
                .put("system_channel_flags", 0)
                .putNull("rules_channel_id")
                .putNull("public_updates_channel_id")
                .putNull("safety_alerts_channel_id")
                .putNull("vanity_url_code")
                .putNull("application_id")
                .put("max_members", 500_000)
                .put("large", false)
                .put("unavailable", false)
                .put("joined_at", world.now().toString());
        json.putArray("features");
        ArrayNode roles = json.putArray("roles");
        world.roles().stream()
                .filter(role -> role.id() == guildId || (guildId == FakeDiscord.GUILD_ID && !world.isGuild(role.id())))
                .forEach(role -> roles.add(role(role)));
        ArrayNode members = json.putArray("members");
        for (Member member : world.members()) {
            members.add(member(member, world.user(member.userId()), true));
        }
        json.put("member_count", members.size());
        ArrayNode channels = json.putArray("channels");
        world.guildChannels().stream().filter(channel -> world.guildOf(channel) == guildId)
                .forEach(channel -> channels.add(channel(channel, null, guildId)));
        ArrayNode threads = json.putArray("threads");
        world.threads().stream().filter(thread -> world.guildOf(thread) == guildId)
                .forEach(thread -> threads.add(channel(thread, null, guildId)));
        json.putArray("emojis");
        json.putArray("stickers");
        json.putArray("voice_states");
        json.putArray("presences");
        json.putArray("stage_instances");
        json.putArray("guild_scheduled_events");
        json.putArray("soundboard_sounds");
        return json;
    }

    /**
     * INTERACTION_CREATE. Beyond the obvious, JDA 6 requires {@code channel} (an object with its type),
     * {@code context} and {@code authorizing_integration_owners}; in a guild the invoker comes as
     * {@code member} with {@code permissions}, in a DM as {@code user}.
     *
     * @param member the invoker's guild membership, or null in a DM
     * @param data the command or component data
     * @param message the message a component belongs to, or null
     */
    static ObjectNode interaction(World.Interaction interaction, int type, ObjectNode channel, User user,
            Member member, long userPermissions, long appPermissions, long guildId, long applicationId, ObjectNode data,
            ObjectNode message) {
        ObjectNode json = object()
                .put("id", id(interaction.id()))
                .put("application_id", id(applicationId))
                .put("type", type)
                .put("token", interaction.token())
                .put("version", 1)
                .put("channel_id", id(interaction.channelId()))
                .put("locale", "en-US")
                .put("app_permissions", Long.toString(appPermissions))
                .put("attachment_size_limit", 10 * 1024 * 1024);
        json.set("channel", channel);
        json.putArray("entitlements");
        ObjectNode owners = json.putObject("authorizing_integration_owners");
        if (member != null) {
            json.put("guild_id", id(guildId)).put("guild_locale", "en-US").put("context", 0);
            json.putObject("guild").put("id", id(guildId)).put("locale", "en-US").putArray("features");
            ObjectNode memberJson = member(member, user, true).put("permissions", Long.toString(userPermissions));
            json.set("member", memberJson);
            owners.put("0", id(guildId)); // installed to the guild
        } else {
            json.put("context", 1); // BOT_DM
            json.set("user", user(user));
            owners.put("0", "0");
        }
        json.set("data", data);
        if (message != null) {
            json.set("message", message);
        }
        return json;
    }
}
