package dev.baton.handoff;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.rules.Priority;
import dev.baton.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** How a handoff sits in the database: its row, its state's wire name, its packet as JSON. */
final class HandoffRows {

    private HandoffRows() {
    }

    static List<String> reasons(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored handoff packet has unreadable reasons: " + e.getOriginalMessage(), e);
        }
    }

    static HandoffRecord record(ResultSet rs) throws SQLException {
        String outcome = rs.getString(6);
        return new HandoffRecord(rs.getLong(1), rs.getLong(2), HandoffState.fromWire(rs.getString(3)),
                rs.getString(4), rs.getString(5), outcome == null ? null : Outcome.fromWire(outcome),
                Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9),
                Priority.fromWire(rs.getString(10)), rs.getInt(11) == 1, Instant.ofEpochMilli(rs.getLong(12)));
    }

    static HandoffState state(String wire) {
        return wire == null ? null : HandoffState.fromWire(wire);
    }

    static String write(HandoffPacket packet) {
        try {
            return JSON.writeValueAsString(packet);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write a handoff packet as JSON", e);
        }
    }

    /** The packet's JSON with its {@code summary} replaced; every other field is kept as stored. */
    static String withSummary(String json, String summary) {
        try {
            JsonNode tree = JSON.readTree(json);
            if (!(tree instanceof ObjectNode packet)) {
                throw new StoreException("a stored handoff packet is not a JSON object", null);
            }
            packet.put("summary", summary);
            return JSON.writeValueAsString(packet);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored handoff packet is not valid JSON", e);
        }
    }

    static HandoffPacket read(String json) {
        try {
            return JSON.readValue(json, HandoffPacket.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored handoff packet is not valid JSON", e);
        }
    }
}
