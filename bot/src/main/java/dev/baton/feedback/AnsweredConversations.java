package dev.baton.feedback;

import dev.baton.console.api.ConversationView;
import dev.baton.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversations staff can mark "should have come sooner" without a handoff: Baton answered at least once
 * and nobody was handed them; practice never. The same rule {@link FeedbackStore#onAnswered} applies, so every
 * conversation listed here takes the click.
 */
public final class AnsweredConversations {

    /** Enough for a page; a longer list is not read by anyone. */
    static final int MAX_LIMIT = 500;

    private static final String RECENT = """
            SELECT c.id, COALESCE(cu.name, c.customer_id), c.channel_id, c.started_at, c.last_message_at, c.state,
                (SELECT COUNT(*) FROM decisions d WHERE d.conversation_id = c.id AND d.verdict = 'answer'),
                (SELECT m.text FROM messages m WHERE m.conversation_id = c.id AND m.author_kind = 'customer'
                    ORDER BY m.id LIMIT 1)
            FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id
            WHERE c.practice = 0
                AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.conversation_id = c.id)
                AND EXISTS (SELECT 1 FROM decisions d WHERE d.conversation_id = c.id AND d.verdict = 'answer')
            ORDER BY c.last_message_at DESC, c.id DESC
            LIMIT ?""";

    private final Database database;

    public AnsweredConversations(Database database) {
        this.database = database;
    }

    /** The most recently active first; {@code limit} is kept between 0 and {@value #MAX_LIMIT}. */
    public List<ConversationView.Summary> recent(int limit) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(RECENT)) {
                s.setInt(1, Math.max(0, Math.min(limit, MAX_LIMIT)));
                List<ConversationView.Summary> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String first = rs.getString(8);
                        found.add(new ConversationView.Summary(rs.getLong(1), rs.getString(2), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)),
                                rs.getString(6), rs.getInt(7), first == null ? "" : first));
                    }
                }
                return found;
            }
        });
    }
}
