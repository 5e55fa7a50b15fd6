package dev.baton.bridge;

import dev.baton.console.api.ConversationView;
import dev.baton.feedback.AnsweredConversations;
import dev.baton.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The one-line summary of any stored conversation by id, for the console's conversation page (the
 * list of answered ones is {@link AnsweredConversations}).
 */
final class ConversationSummaries {

    private static final int FIRST_MESSAGE_CHARS = 140;

    private static final String SELECT = "SELECT c.id, COALESCE(cu.name, c.customer_id), c.channel_id, c.started_at,"
            + " c.last_message_at, c.state,"
            + " (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.kb_id IS NOT NULL"
            + "    AND m.author_kind = 'bot' AND m.deleted_at IS NULL),"
            + " (SELECT m.text FROM messages m WHERE m.conversation_id = c.id AND m.author_kind = 'customer'"
            + "    ORDER BY m.id LIMIT 1)"
            + " FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id";

    private final Database database;

    ConversationSummaries(Database database) {
        this.database = database;
    }

    Optional<ConversationView.Summary> of(long id) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE c.id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(summary(rs)) : Optional.<ConversationView.Summary>empty();
                }
            }
        });
    }

    private static ConversationView.Summary summary(ResultSet rs) throws SQLException {
        String first = rs.getString(8);
        if (first != null && first.length() > FIRST_MESSAGE_CHARS) {
            first = first.substring(0, FIRST_MESSAGE_CHARS - 1) + "…";
        }
        return new ConversationView.Summary(rs.getLong(1), rs.getString(2), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6),
                rs.getInt(7), first == null ? "" : first);
    }
}
