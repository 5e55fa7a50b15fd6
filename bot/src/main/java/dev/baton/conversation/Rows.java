package dev.baton.conversation;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.baton.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How conversations and messages sit in SQLite rows: reading them back, and binding what is written. */
final class Rows {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private Rows() {
    }

    static List<StoredMessage> storedMessages(PreparedStatement s) throws SQLException {
        List<StoredMessage> found = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long conversation = rs.getLong(3);
                Long conversationId = rs.wasNull() ? null : conversation;
                found.add(new StoredMessage(rs.getLong(1), rs.getString(2), conversationId, rs.getString(4),
                        rs.getString(5), rs.getString(6), AuthorKind.fromWire(rs.getString(7)), rs.getString(8),
                        strings(rs.getString(9)), rs.getString(10), rs.getString(11), instant(rs, 12),
                        instant(rs, 13), instant(rs, 14)));
            }
        }
        return found;
    }

    static List<ConversationRecord> conversations(PreparedStatement s) throws SQLException {
        List<ConversationRecord> found = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                found.add(new ConversationRecord(rs.getLong(1), rs.getString(2), PlaceKind.fromWire(rs.getString(3)),
                        rs.getString(4), rs.getString(5), ConversationState.fromWire(rs.getString(6)),
                        instant(rs, 7), instant(rs, 8), rs.getInt(9) == 1, rs.getString(10)));
            }
        }
        return found;
    }

    static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }

    static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, value);
        }
    }

    static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        setLong(s, index, value == null ? null : value.toEpochMilli());
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write a list of strings as JSON", e);
        }
    }

    static List<String> strings(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored list is not valid JSON: " + json, e);
        }
    }
}
