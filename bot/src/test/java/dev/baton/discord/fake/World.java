package dev.baton.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What exists on the fake Discord: one guild with its roles, members and channels, users outside it,
 * DM channels, messages, webhooks and pending interactions.
 *
 * <p>Every method is synchronized on the world: the test thread sets things up and causes events
 * while Jetty threads serve JDA's REST calls. Values handed out are immutable records, and stored
 * message JSON is copied on the way in and out, so nobody reads a half-changed entity.
 */
final class World {

    static final int TEXT = 0;
    static final int DM = 1;
    static final int PUBLIC_THREAD = 11;
    static final int PRIVATE_THREAD = 12;
    static final int FORUM = 15;

    /** Discord's epoch (2015-01-01); snowflakes carry milliseconds since it in their top 42 bits. */
    private static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

    /** @param avatar the avatar's image hash, as Discord gives it; null for the default avatar */
    record User(long id, String username, boolean bot, String avatar) {

        User(long id, String username, boolean bot) {
            this(id, username, bot, null);
        }
    }

    record Role(long id, String name, int position, long permissions) {}

    record Member(long userId, List<Long> roleIds, Instant joinedAt) {}

    record ThreadInfo(long ownerId, Long starterMessageId, int autoArchiveMinutes, boolean archived, boolean locked,
            Instant createdAt) {}

    /**
     * A guild channel, thread or DM channel.
     *
     * @param parentId a thread's channel; null otherwise
     * @param recipientId the user at the other end of a DM; null otherwise
     * @param thread thread state; null unless a thread
     */
    record Channel(long id, int type, String name, int position, Long parentId, Long recipientId, ThreadInfo thread) {

        boolean inGuild() {
            return type != DM;
        }

        boolean isThread() {
            return type == PUBLIC_THREAD || type == PRIVATE_THREAD;
        }
    }

    /** @param creatorId who made it: the bot, or a person in the server */
    record Webhook(long id, long channelId, String name, String token, long creatorId) {}

    /** Discord allows this many webhooks per channel (error 30007 beyond). */
    static final int MAX_WEBHOOKS_PER_CHANNEL = 15;

    /**
     * An interaction the fake dispatched, so callbacks and followups can be tied back to it.
     *
     * @param originalMessageId the response message once one exists ({@code @original}); null before
     */
    record Interaction(long id, String token, long channelId, long userId, Long originalMessageId) {}

    private final Clock clock;
    private long lastId;
    private final Map<Long, User> users = new LinkedHashMap<>();
    private final Map<Long, Role> roles = new LinkedHashMap<>();
    private final Map<Long, Member> members = new LinkedHashMap<>();
    private final Map<Long, Channel> channels = new LinkedHashMap<>();
    private final Map<Long, Long> dmByUser = new HashMap<>();
    private final Map<Long, ObjectNode> messages = new HashMap<>();
    private final Map<Long, Webhook> webhooks = new HashMap<>();
    private final Map<String, Interaction> interactionsByToken = new HashMap<>();
    private final Map<String, Long> commandIds = new HashMap<>();
    private boolean messageContentGranted = true;
    private int recommendedShards = 1;
    /** Guild channels of a guild other than {@link FakeDiscord#GUILD_ID}; threads follow their parent. */
    private final Map<Long, Long> guildOfChannel = new HashMap<>();
    private final List<Long> guilds = new ArrayList<>(List.of(FakeDiscord.GUILD_ID));
    private boolean webhooksDenied;

    World(Clock clock) {
        this.clock = clock;
    }

    synchronized Instant now() {
        return clock.instant();
    }

    /** A fresh snowflake: time-based like Discord's, strictly increasing even within one millisecond. */
    synchronized long nextId() {
        long fromClock = (clock.millis() - DISCORD_EPOCH_MILLIS) << 22;
        lastId = Math.max(lastId + 1, fromClock);
        return lastId;
    }

    // ---- users, roles, members

    synchronized User addUser(long id, String username, boolean bot) {
        User user = new User(id, username, bot);
        users.put(id, user);
        return user;
    }

    synchronized User setAvatar(long userId, String avatarHash) {
        User old = users.get(userId);
        if (old == null) {
            throw new IllegalArgumentException("unknown user " + userId);
        }
        User updated = new User(userId, old.username(), old.bot(), avatarHash);
        users.put(userId, updated);
        return updated;
    }

    synchronized User user(long id) {
        return users.get(id);
    }

    synchronized Role putRole(Role role) {
        roles.put(role.id(), role);
        return role;
    }

    synchronized Role role(long id) {
        return roles.get(id);
    }

    synchronized List<Role> roles() {
        return List.copyOf(roles.values());
    }

    synchronized Member addMember(long userId, List<Long> roleIds) {
        if (!users.containsKey(userId)) {
            throw new IllegalArgumentException("unknown user " + userId);
        }
        for (long roleId : roleIds) {
            if (!roles.containsKey(roleId)) {
                throw new IllegalArgumentException("unknown role " + roleId);
            }
        }
        Member member = new Member(userId, List.copyOf(roleIds), clock.instant());
        members.put(userId, member);
        return member;
    }

    synchronized Optional<Member> member(long userId) {
        return Optional.ofNullable(members.get(userId));
    }

    synchronized List<Member> members() {
        return List.copyOf(members.values());
    }

    /** A member's guild-wide permissions: @everyone (id = guild id) plus each of their roles. */
    synchronized long permissionsOf(long userId, long everyoneRoleId) {
        long bits = roles.get(everyoneRoleId).permissions();
        Member member = members.get(userId);
        if (member != null) {
            for (long roleId : member.roleIds()) {
                bits |= roles.get(roleId).permissions();
            }
        }
        return bits;
    }

    // ---- channels and threads

    /** Another guild the bot is in (set up before the bot connects); its @everyone role shares its id. */
    synchronized void addGuild(long guildId) {
        guilds.add(guildId);
    }

    synchronized List<Long> guilds() {
        return List.copyOf(guilds);
    }

    synchronized boolean isGuild(long id) {
        return guilds.contains(id);
    }

    /** The guild a channel or thread is in; DMs have none (the first guild is returned, and never used). */
    synchronized long guildOf(Channel channel) {
        Channel top = channel.isThread() ? channels.get(channel.parentId()) : channel;
        return guildOfChannel.getOrDefault(top.id(), FakeDiscord.GUILD_ID);
    }

    synchronized Channel addGuildChannel(int type, String name, long guildId) {
        Channel channel = addGuildChannel(type, name);
        if (guildId != FakeDiscord.GUILD_ID) {
            guildOfChannel.put(channel.id(), guildId);
        }
        return channel;
    }

    synchronized Channel addGuildChannel(int type, String name) {
        long position = channels.values().stream().filter(c -> c.inGuild() && !c.isThread()).count();
        Channel channel = new Channel(nextId(), type, name, (int) position, null, null, null);
        channels.put(channel.id(), channel);
        return channel;
    }

    synchronized Channel addThread(long id, long parentId, int type, String name, long ownerId, Long starterMessageId,
            int autoArchiveMinutes) {
        Channel parent = channels.get(parentId);
        if (parent == null || !parent.inGuild() || parent.isThread()) {
            throw new IllegalArgumentException("threads need a guild channel as parent, not " + parentId);
        }
        if (channels.containsKey(id)) {
            throw new IllegalArgumentException("channel " + id + " exists already");
        }
        ThreadInfo info = new ThreadInfo(ownerId, starterMessageId, autoArchiveMinutes, false, false, clock.instant());
        Channel thread = new Channel(id, type, name, 0, parentId, null, info);
        channels.put(id, thread);
        return thread;
    }

    synchronized Channel updateThread(long id, String name, boolean archived, boolean locked) {
        Channel old = channels.get(id);
        ThreadInfo t = old.thread();
        ThreadInfo info = new ThreadInfo(t.ownerId(), t.starterMessageId(), t.autoArchiveMinutes(), archived, locked,
                t.createdAt());
        Channel updated = new Channel(id, old.type(), name, old.position(), old.parentId(), null, info);
        channels.put(id, updated);
        return updated;
    }

    synchronized Channel renameChannel(long id, String name) {
        Channel old = channels.get(id);
        Channel updated = new Channel(id, old.type(), name, old.position(), old.parentId(), old.recipientId(),
                old.thread());
        channels.put(id, updated);
        return updated;
    }

    synchronized Channel channel(long id) {
        return channels.get(id);
    }

    synchronized Channel requireChannel(long id) {
        Channel channel = channels.get(id);
        if (channel == null) {
            throw new IllegalArgumentException("unknown channel " + id);
        }
        return channel;
    }

    synchronized List<Channel> guildChannels() {
        return channels.values().stream().filter(c -> c.inGuild() && !c.isThread()).toList();
    }

    synchronized List<Channel> threads() {
        return channels.values().stream().filter(Channel::isThread).toList();
    }

    /** The DM channel between the bot and a user, created on first use like Discord does. */
    synchronized Channel openDm(long userId) {
        if (!users.containsKey(userId)) {
            throw new IllegalArgumentException("unknown user " + userId);
        }
        Long existing = dmByUser.get(userId);
        if (existing != null) {
            return channels.get(existing);
        }
        Channel dm = new Channel(nextId(), DM, null, 0, null, userId, null);
        channels.put(dm.id(), dm);
        dmByUser.put(userId, dm.id());
        return dm;
    }

    // ---- messages

    synchronized void putMessage(ObjectNode message) {
        messages.put(Long.parseLong(message.get("id").asText()), message.deepCopy());
    }

    synchronized Optional<ObjectNode> message(long id) {
        return Optional.ofNullable(messages.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized Optional<ObjectNode> removeMessage(long id) {
        return Optional.ofNullable(messages.remove(id));
    }

    /** The newest messages of a channel first, as {@code GET /channels/{id}/messages} returns them. */
    synchronized List<ObjectNode> messagesIn(long channelId, int limit) {
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode message : messages.values()) {
            if (message.path("channel_id").asText().equals(Long.toString(channelId))) {
                found.add(message.deepCopy());
            }
        }
        found.sort((a, b) -> Long.compare(b.get("id").asLong(), a.get("id").asLong()));
        return found.subList(0, Math.min(limit, found.size()));
    }

    /**
     * The {@code limit} oldest messages of a channel after the message id {@code after}, newest first, as Discord
     * answers {@code GET /channels/{id}/messages?after=ID}: a reader pages on with the highest id it got.
     */
    synchronized List<ObjectNode> messagesAfter(long channelId, long after, int limit) {
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode message : messages.values()) {
            if (message.path("channel_id").asText().equals(Long.toString(channelId))
                    && message.get("id").asLong() > after) {
                found.add(message.deepCopy());
            }
        }
        found.sort((a, b) -> Long.compare(a.get("id").asLong(), b.get("id").asLong()));
        List<ObjectNode> page = new ArrayList<>(found.subList(0, Math.min(limit, found.size())));
        java.util.Collections.reverse(page);
        return page;
    }

    // ---- webhooks, interactions, commands

    synchronized Webhook addWebhook(long channelId, String name, long creatorId) {
        Webhook webhook = new Webhook(nextId(), channelId, name, UUID.randomUUID().toString().replace("-", ""),
                creatorId);
        webhooks.put(webhook.id(), webhook);
        return webhook;
    }

    synchronized Optional<Webhook> removeWebhook(long id) {
        return Optional.ofNullable(webhooks.remove(id));
    }

    synchronized Optional<Webhook> webhook(long id, String token) {
        return Optional.ofNullable(webhooks.get(id)).filter(w -> w.token().equals(token));
    }

    synchronized List<Webhook> webhooksOf(long channelId) {
        return webhooks.values().stream().filter(w -> w.channelId() == channelId).toList();
    }

    synchronized Interaction addInteraction(long channelId, long userId) {
        Interaction interaction = new Interaction(nextId(), "itoken-" + UUID.randomUUID(), channelId, userId, null);
        interactionsByToken.put(interaction.token(), interaction);
        return interaction;
    }

    synchronized Optional<Interaction> interaction(String token) {
        return Optional.ofNullable(interactionsByToken.get(token));
    }

    synchronized void setOriginalMessage(String token, long messageId) {
        Interaction old = interactionsByToken.get(token);
        interactionsByToken.put(token, new Interaction(old.id(), token, old.channelId(), old.userId(), messageId));
    }

    /** The id a command keeps across re-registrations, as Discord keeps it for an unchanged name. */
    synchronized long commandId(String scope, String name) {
        return commandIds.computeIfAbsent(scope + "/" + name, k -> nextId());
    }

    synchronized Long registeredCommandId(String name) {
        return commandIds.entrySet().stream()
                .filter(e -> e.getKey().endsWith("/" + name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    synchronized boolean webhooksDenied() {
        return webhooksDenied;
    }

    synchronized void denyWebhooks(boolean denied) {
        webhooksDenied = denied;
    }

    synchronized int recommendedShards() {
        return recommendedShards;
    }

    synchronized void recommendShards(int total) {
        recommendedShards = total;
    }

    synchronized boolean messageContentGranted() {
        return messageContentGranted;
    }

    synchronized void grantMessageContent(boolean granted) {
        messageContentGranted = granted;
    }

    static long idOf(JsonNode message) {
        return Long.parseLong(message.get("id").asText());
    }
}
