package dev.baton.desk;

import dev.baton.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What catching up after a shard takeover reads from the record: where each channel's stored history ends, and
 * which customer messages were stored but never decided (the instance that stored them stopped first). The desk
 * owns the {@code decisions} table, so these questions are asked here.
 */
final class CatchUpRecord {

    private CatchUpRecord() {
    }

    /**
     * The highest Discord id of a message people wrote in {@code channelId} (a channel, thread or forum post) that was
     * stored before {@code before}; empty when there is none. Reading on from there misses nothing the previous holder
     * did not store. Baton's own messages do not count (a reply confirmed while catching up is newer than messages
     * still unread), nor do messages stored after {@code before} (the live gateway's, which may have overtaken
     * unread ones). Snowflakes are compared as numbers.
     */
    static Optional<Long> lastStoredId(Database database, String channelId, Instant before) {
        return database.read(c -> {
            // Snowflakes grow with time, so a longer one is larger: ordering by length, then text, orders as numbers.
            try (PreparedStatement s = c.prepareStatement("SELECT discord_id FROM messages WHERE channel_id = ?"
                    + " AND discord_id IS NOT NULL AND discord_id NOT LIKE '%:%' AND author_kind <> 'bot'"
                    + " AND created_at < ? ORDER BY LENGTH(discord_id) DESC, discord_id DESC LIMIT 1")) {
                s.setString(1, channelId);
                s.setLong(2, before.toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(Long.parseLong(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /** A stored customer message that still waits for a decision: its Discord id and where it was written. */
    record Waiting(String discordId, String channelId) {
    }

    /**
     * Customer messages stored since {@code since} in conversations Baton still has (no person), with no decision
     * and nothing said by Baton after them: what the stopped instance stored and never decided. Oldest first.
     * Messages from slash commands ({@code interaction:…}) are left out: they cannot be fetched again.
     */
    static List<Waiting> waiting(Database database, Instant since) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT m.discord_id, m.channel_id FROM messages m"
                    + " JOIN conversations c ON c.id = m.conversation_id"
                    + " WHERE m.author_kind = 'customer' AND m.discord_id IS NOT NULL AND m.discord_id NOT LIKE '%:%'"
                    + " AND m.deleted_at IS NULL AND m.created_at >= ? AND c.state = 'bot' AND c.practice = 0"
                    + " AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.message_id = m.id)"
                    + " AND NOT EXISTS (SELECT 1 FROM messages later WHERE later.conversation_id = m.conversation_id"
                    + " AND later.id > m.id AND later.author_kind = 'bot')"
                    + " ORDER BY m.id")) {
                s.setLong(1, since.toEpochMilli());
                List<Waiting> waiting = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        waiting.add(new Waiting(rs.getString(1), rs.getString(2)));
                    }
                }
                return waiting;
            }
        });
    }

    /** Whether message row {@code row} was decided, or Baton said anything after it in its conversation. */
    static boolean settled(Database database, long row, long conversationId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM decisions WHERE message_id = ?"
                    + " UNION ALL SELECT 1 FROM messages WHERE conversation_id = ? AND id > ? AND author_kind = 'bot'")) {
                s.setLong(1, row);
                s.setLong(2, conversationId);
                s.setLong(3, row);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Baton's replies stored before {@code before} (when this instance took the shard) and never confirmed by Discord,
     * each right after the customer's message it answers: the previous holder may have stopped between storing and
     * posting, or between posting and recording what Discord said. Oldest first; practice conversations left out.
     */
    static List<UnconfirmedReply> unconfirmed(Database database, Instant since, Instant before) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT b.id, c.thread_id, m.id, m.discord_id, m.channel_id,"
                    + " c.state, b.text FROM messages b JOIN conversations c ON c.id = b.conversation_id"
                    + " JOIN messages m ON m.conversation_id = b.conversation_id AND m.id = (SELECT MAX(p.id) FROM messages p"
                    + " WHERE p.conversation_id = b.conversation_id AND p.id < b.id)"
                    + " WHERE b.author_kind = 'bot' AND b.discord_id IS NULL AND b.created_at >= ? AND b.created_at < ?"
                    + " AND c.practice = 0 AND m.author_kind = 'customer' AND m.discord_id IS NOT NULL"
                    + " AND m.discord_id NOT LIKE '%:%' ORDER BY b.id")) {
                s.setLong(1, since.toEpochMilli());
                s.setLong(2, before.toEpochMilli());
                List<UnconfirmedReply> replies = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        replies.add(new UnconfirmedReply(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5), !"bot".equals(rs.getString(6)), rs.getString(7)));
                    }
                }
                return replies;
            }
        });
    }

    /**
     * Takes back a reply that never reached Discord, and the decision it carried out, so that the customer's message
     * is undecided again and catching up decides it once more (in one transaction: both, or neither).
     */
    static void withdraw(Database database, UnconfirmedReply reply) {
        database.transaction(c -> {
            try (PreparedStatement row = c.prepareStatement("DELETE FROM messages WHERE id = ? AND discord_id IS NULL");
                 PreparedStatement decision = c.prepareStatement("DELETE FROM decisions WHERE message_id = ?")) {
                row.setLong(1, reply.row());
                if (row.executeUpdate() == 1) {
                    decision.setLong(1, reply.customerRow());
                    decision.executeUpdate();
                }
                return null;
            }
        });
    }
}
