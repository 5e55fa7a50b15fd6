package dev.baton.conversation;


import dev.baton.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Customers, conversations and messages in the database. Saving only: no decisions here.
 *
 * <p>The lookups Discord's side uses to place a message ({@link #latestInThread}, {@link #ofMessage},
 * {@link #latestOf}, {@link #latestInChannelOrDm}) never return a practice conversation.
 */
public final class ConversationStore {

    /** Told after a conversation's messages changed (one stored, confirmed, forgotten, edited or deleted). */
    @FunctionalInterface
    public interface Listener {
        void messagesChanged(long conversationId);

        Listener NONE = conversationId -> { };
    }

    /** Channel ids and customer ids of practice conversations start with this; Discord ids are digits only. */
    public static final String PRACTICE_PREFIX = "practice:";

    private static final String CONVERSATION_COLUMNS =
            "id, customer_id, place, channel_id, thread_id, state, started_at, last_message_at, practice, parent_id";
    private static final String MESSAGE_COLUMNS = "id, discord_id, conversation_id, channel_id, author_id, author_name,"
            + " author_kind, text, attachments, reply_to, kb_id, created_at, edited_at, deleted_at";

    private final Database database;
    private final Listener listener;
    private final MessageEdits edits;

    public ConversationStore(Database database) {
        this(database, Listener.NONE);
    }

    public ConversationStore(Database database, Listener listener) {
        this.database = database;
        this.listener = listener;
        this.edits = new MessageEdits(database, listener);
    }

    public Database database() {
        return database;
    }

    // ------------------------------------------------------------------------------------ customers

    /** Records who the customer is now (name and roles change); keeps when they were first seen. */
    public void rememberCustomer(Incoming.Person person, Instant at) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO customers (id, name, roles, joined_at, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, roles = excluded.roles,
                        joined_at = COALESCE(excluded.joined_at, customers.joined_at), last_seen = excluded.last_seen""")) {
                s.setString(1, person.id());
                s.setString(2, person.name());
                s.setString(3, Rows.json(person.roles()));
                Rows.setInstant(s, 4, person.joinedAt());
                s.setLong(5, at.toEpochMilli());
                s.setLong(6, at.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    public Optional<Customer> customer(String id) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, name, roles, joined_at, first_seen, last_seen FROM customers WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Customer(rs.getString(1), rs.getString(2), Rows.strings(rs.getString(3)),
                            Rows.instant(rs, 4), Rows.instant(rs, 5), Rows.instant(rs, 6)));
                }
            }
        });
    }

    /** A customer as last seen. {@code joinedAt} is null when they were never seen as a server member. */
    public record Customer(String id, String name, List<String> roles, Instant joinedAt, Instant firstSeen,
                           Instant lastSeen) {
    }

    // -------------------------------------------------------------------------------- conversations

    /** The newest conversation that lives in this thread (started in it, or given it by Baton). */
    public Optional<ConversationRecord> latestInThread(String threadId) {
        return oneConversation("SELECT " + CONVERSATION_COLUMNS + " FROM conversations WHERE thread_id = ?"
                + " AND practice = 0 ORDER BY id DESC LIMIT 1", threadId);
    }

    /** The threads (and forum posts) of every conversation not closed yet, for catching up after a takeover. */
    public List<String> openThreads() {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT thread_id FROM conversations"
                    + " WHERE thread_id IS NOT NULL AND state <> 'closed' AND practice = 0");
                 ResultSet rs = s.executeQuery()) {
                List<String> threads = new ArrayList<>();
                while (rs.next()) {
                    threads.add(rs.getString(1));
                }
                return threads;
            }
        });
    }

    /** The conversation of a stored message, found by its Discord id. */
    public Optional<ConversationRecord> ofMessage(String discordId) {
        return oneConversation("SELECT " + prefixed("c") + " FROM conversations c JOIN messages m"
                + " ON m.conversation_id = c.id WHERE m.discord_id = ? AND c.practice = 0", discordId);
    }

    public Optional<ConversationRecord> latestOf(String customerId, String channelId) {
        return oneConversation("SELECT " + CONVERSATION_COLUMNS + " FROM conversations WHERE customer_id = ?"
                + " AND channel_id = ? AND practice = 0 ORDER BY id DESC LIMIT 1", customerId, channelId);
    }

    /** The newest conversation that started in this channel or DM and has no thread of its own. */
    public Optional<ConversationRecord> latestInChannelOrDm(String channelId) {
        return oneConversation("SELECT " + CONVERSATION_COLUMNS + " FROM conversations WHERE channel_id = ?"
                + " AND thread_id IS NULL AND practice = 0 ORDER BY id DESC LIMIT 1", channelId);
    }

    public Optional<ConversationRecord> conversation(long id) {
        return oneConversation("SELECT " + CONVERSATION_COLUMNS + " FROM conversations WHERE id = ?", id);
    }

    /** The customer's other conversations, newest first. */
    public List<ConversationRecord> conversationsOf(String customerId, long except, int limit) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + CONVERSATION_COLUMNS + " FROM conversations"
                    + " WHERE customer_id = ? AND id <> ? ORDER BY id DESC LIMIT ?")) {
                s.setString(1, customerId);
                s.setLong(2, except);
                s.setInt(3, limit);
                return Rows.conversations(s);
            }
        });
    }

    /** Starts a conversation outside any thread (in a channel or DM). */
    public ConversationRecord start(String customerId, PlaceKind place, String channelId, String threadId, Instant at) {
        return start(customerId, place, channelId, threadId, null, at);
    }

    /** @param parentId the parent channel of the thread or forum post it starts in; null elsewhere */
    public ConversationRecord start(String customerId, PlaceKind place, String channelId, String threadId,
                                    String parentId, Instant at) {
        return database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO conversations (customer_id, place, channel_id,"
                    + " thread_id, state, started_at, last_message_at, parent_id) VALUES (?, ?, ?, ?, 'bot', ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setString(1, customerId);
                s.setString(2, place.wireName());
                s.setString(3, channelId);
                s.setString(4, threadId);
                s.setLong(5, at.toEpochMilli());
                s.setLong(6, at.toEpochMilli());
                s.setString(7, parentId);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return new ConversationRecord(keys.getLong(1), customerId, place, channelId, threadId,
                            ConversationState.BOT, at, at, false, parentId);
                }
            }
        });
    }

    /**
     * Starts a practice conversation for the console's playground, in a DM-like place of its own.
     *
     * @param customerId and {@code channelId} must start with {@link #PRACTICE_PREFIX}, which no Discord id can
     */
    public ConversationRecord startPractice(String customerId, String channelId, Instant at) {
        if (!customerId.startsWith(PRACTICE_PREFIX) || !channelId.startsWith(PRACTICE_PREFIX)) {
            throw new IllegalArgumentException("practice ids start with " + PRACTICE_PREFIX + ": " + customerId + ", "
                    + channelId);
        }
        return database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO conversations (customer_id, place, channel_id,"
                    + " thread_id, state, started_at, last_message_at, practice) VALUES (?, 'dm', ?, NULL, 'bot', ?, ?, 1)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setString(1, customerId);
                s.setString(2, channelId);
                s.setLong(3, at.toEpochMilli());
                s.setLong(4, at.toEpochMilli());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return new ConversationRecord(keys.getLong(1), customerId, PlaceKind.DM, channelId, null,
                            ConversationState.BOT, at, at, true);
                }
            }
        });
    }

    /** How many practice conversations there are, for numbering the next one's customer. */
    public long practiceCount() {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM conversations WHERE practice = 1");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public void setThread(long conversationId, String threadId) {
        update("UPDATE conversations SET thread_id = ? WHERE id = ?", threadId, conversationId);
    }

    public void setState(long conversationId, ConversationState state) {
        update("UPDATE conversations SET state = ? WHERE id = ?", state.wireName(), conversationId);
    }

    /**
     * The same, inside a transaction someone else holds: a handoff's state and its conversation's change
     * together or not at all (see {@code HandoffStore}).
     */
    public static void setState(Connection c, long conversationId, ConversationState state) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE conversations SET state = ? WHERE id = ?")) {
            s.setString(1, state.wireName());
            s.setLong(2, conversationId);
            s.executeUpdate();
        }
    }

    public void touch(long conversationId, Instant at) {
        update("UPDATE conversations SET last_message_at = "
                + database.dialect().greater("last_message_at", "?") + " WHERE id = ?",
                at.toEpochMilli(), conversationId);
    }

    // ------------------------------------------------------------------------------------- messages

    /** A message to store; {@code discordId} may be null for messages that never were on Discord. */
    public record NewMessage(String discordId, Long conversationId, String channelId, String authorId,
                             String authorName, AuthorKind authorKind, String text, List<String> attachments,
                             String replyTo, String kbId, Instant at) {
        public NewMessage {
            attachments = List.copyOf(attachments);
        }
    }

    /**
     * Stores a message; returns its row id, or empty when a message with this Discord id is already
     * stored (the gateway redelivered it, e.g. after a resume), so the caller must not act twice.
     */
    public Optional<Long> insert(NewMessage m) {
        Optional<Long> row = database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO messages (discord_id, conversation_id, channel_id,"
                    + " author_id, author_name, author_kind, text, attachments, reply_to, kb_id, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (discord_id) DO NOTHING",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setString(1, m.discordId());
                Rows.setLong(s, 2, m.conversationId());
                s.setString(3, m.channelId());
                s.setString(4, m.authorId());
                s.setString(5, m.authorName());
                s.setString(6, m.authorKind().wireName());
                s.setString(7, m.text());
                s.setString(8, Rows.json(m.attachments()));
                s.setString(9, m.replyTo());
                s.setString(10, m.kbId());
                s.setLong(11, m.at().toEpochMilli());
                if (s.executeUpdate() == 0) {
                    return Optional.empty();
                }
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return Optional.of(keys.getLong(1));
                }
            }
        });
        if (row.isPresent() && m.conversationId() != null) {
            listener.messagesChanged(m.conversationId());
        }
        return row;
    }

    /** A message stored before it was sent now has its Discord id, channel and final text. */
    public void confirmSent(long row, String discordId, String channelId, String text) {
        Optional<Long> conversation = conversationOfRow(row);
        if (update("UPDATE messages SET discord_id = ?, channel_id = ?, text = ? WHERE id = ?", discordId, channelId,
                text, row) > 0) {
            conversation.ifPresent(listener::messagesChanged);
        }
    }

    /** Removes a message that was stored ahead of sending and then never sent. */
    public void forget(long row) {
        Optional<Long> conversation = conversationOfRow(row);
        if (update("DELETE FROM messages WHERE id = ? AND discord_id IS NULL", row) > 0) {
            conversation.ifPresent(listener::messagesChanged);
        }
    }

    public boolean isStored(String discordId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM messages WHERE discord_id = ?")) {
                s.setString(1, discordId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public Optional<StoredMessage> message(String discordId) {
        List<StoredMessage> found = messages("SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE discord_id = ?",
                discordId);
        return found.stream().findFirst();
    }

    /** A conversation's messages in the order they were stored, deleted ones included (and marked). */
    public List<StoredMessage> transcript(long conversationId) {
        return messages("SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE conversation_id = ? ORDER BY id",
                conversationId);
    }

    /** What the customer wrote lately outside this conversation, oldest first. */
    public List<StoredMessage> recentElsewhere(String customerId, long conversationId, Instant since, int limit) {
        List<StoredMessage> newestFirst = messages("SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE author_id = ?"
                + " AND (conversation_id IS NULL OR conversation_id <> ?) AND created_at >= ?"
                + " ORDER BY id DESC LIMIT ?", customerId, conversationId, since.toEpochMilli(), limit);
        List<StoredMessage> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Keeps the old text in {@code message_edits}; returns false when the message was never stored. */
    public boolean recordEdit(String discordId, String newText, Instant at) {
        return edits.recordEdit(discordId, newText, at);
    }

    /** Earlier versions of a message, oldest first. */
    public List<String> earlierVersions(long messageId) {
        return edits.earlierVersions(messageId);
    }

    /** Marks a message deleted; the text stays for the people helping. Returns false if never stored. */
    public boolean recordDelete(String discordId, Instant at) {
        return edits.recordDelete(discordId, at);
    }

    // ------------------------------------------------------------------------------------- helpers

    private Optional<Long> conversationOfRow(long row) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT conversation_id FROM messages WHERE id = ?")) {
                s.setLong(1, row);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long id = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(id);
                }
            }
        });
    }

    static Optional<StoredMessage> message(Connection c, String discordId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE discord_id = ?")) {
            s.setString(1, discordId);
            return Rows.storedMessages(s).stream().findFirst();
        }
    }

    private List<StoredMessage> messages(String sql, Object... parameters) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Rows.bind(s, parameters);
                return Rows.storedMessages(s);
            }
        });
    }

    private Optional<ConversationRecord> oneConversation(String sql, Object... parameters) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Rows.bind(s, parameters);
                return Rows.conversations(s).stream().findFirst();
            }
        });
    }

    private int update(String sql, Object... parameters) {
        return database.write(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Rows.bind(s, parameters);
                return s.executeUpdate();
            }
        });
    }

    private static String prefixed(String alias) {
        return alias + "." + CONVERSATION_COLUMNS.replace(", ", ", " + alias + ".");
    }

}
