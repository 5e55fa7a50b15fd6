package dev.baton.bridge;

import dev.baton.console.api.HandoffDetail.Aftercare;
import dev.baton.console.api.HandoffDetail.Line;
import dev.baton.console.api.HandoffDetail.RepeatCheck;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.StoredMessage;
import dev.baton.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A handoff's after-care answer and repeat check as its page shows them. Only reads: the after-care prompt
 * and the repeat check are written by the Discord side when a handoff is resolved.
 */
final class HandoffCare {

    private static final String AFTERCARE = "SELECT kind, resolved_by, asked_at, verdict, answered_at, comment"
            + " FROM aftercare WHERE handoff_id = ?";
    private static final String REPEAT = "SELECT r.checked_at, r.kind, r.score, r.message_id, m.conversation_id,"
            + " r.earlier_id, e.conversation_id FROM repeat_checks r LEFT JOIN messages m ON m.id = r.message_id"
            + " LEFT JOIN messages e ON e.id = r.earlier_id WHERE r.handoff_id = ?";

    private final Database database;
    private final ConversationStore conversations;
    private final ConsoleViews views;

    HandoffCare(ConversationStore conversations, ConsoleViews views) {
        this.database = conversations.database();
        this.conversations = conversations;
        this.views = views;
    }

    /** What Baton asked when it was resolved, and the answer; null when it asked nothing. */
    Aftercare aftercare(long handoffId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(AFTERCARE)) {
                s.setLong(1, handoffId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    String resolvedBy = rs.getString(2);
                    return new Aftercare(rs.getString(1), resolvedBy, views.personName(resolvedBy), instant(rs, 3),
                            rs.getString(4), instant(rs, 5), rs.getString(6));
                }
            }
        });
    }

    /**
     * Its repeat check with the two messages, as lines of their conversation's transcript; null when not
     * checked.
     *
     * @param transcript the handoff's conversation now, where the two messages usually are
     */
    RepeatCheck repeat(long handoffId, long conversationId, List<StoredMessage> transcript) {
        record Row(Instant checkedAt, String kind, Double score, Long repeated, Long repeatedIn, Long earlier,
                   Long earlierIn) {
        }
        Row row = database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(REPEAT)) {
                s.setLong(1, handoffId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    double score = rs.getDouble(3);
                    Double scored = rs.wasNull() ? null : score;
                    return new Row(instant(rs, 1), rs.getString(2), scored, number(rs, 4), number(rs, 5),
                            number(rs, 6), number(rs, 7));
                }
            }
        });
        if (row == null) {
            return null;
        }
        return new RepeatCheck(row.checkedAt(), row.kind(), row.score(),
                line(row.earlier(), row.earlierIn(), conversationId, transcript),
                line(row.repeated(), row.repeatedIn(), conversationId, transcript),
                index(row.earlier(), row.earlierIn(), conversationId, transcript),
                index(row.repeated(), row.repeatedIn(), conversationId, transcript));
    }

    private Line line(Long messageId, Long inConversation, long conversationId, List<StoredMessage> transcript) {
        if (messageId == null || inConversation == null) {
            return null;
        }
        List<StoredMessage> where = inConversation == conversationId ? transcript
                : conversations.transcript(inConversation);
        return where.stream().filter(m -> m.id() == messageId).findFirst().map(views::line).orElse(null);
    }

    private static int index(Long messageId, Long inConversation, long conversationId,
                             List<StoredMessage> transcript) {
        if (messageId == null || inConversation == null || inConversation != conversationId) {
            return -1;
        }
        for (int i = 0; i < transcript.size(); i++) {
            if (transcript.get(i).id() == messageId) {
                return i;
            }
        }
        return -1;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Long millis = number(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long number(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
