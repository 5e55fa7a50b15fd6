package dev.baton.pickup;

import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffState;
import dev.baton.handoff.HandoffStore;
import dev.baton.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads every handoff that may be waiting for pickup, with its events and who last wrote in its
 * conversation, in three queries however many there are: a tick stays cheap with hundreds open.
 */
final class PickupStore {

    /** Handoffs nobody has claimed; claimed and resolved ones have no pickup deadline running. */
    private static final String UNCLAIMED = "SELECT id FROM handoffs WHERE state IN ('waiting', 'transferred')";

    private final HandoffStore handoffs;
    private final Database database;

    PickupStore(HandoffStore handoffs, Database database) {
        this.handoffs = handoffs;
        this.database = database;
    }

    /**
     * @param rosterIdOf a message author's roster id from their Discord user id (the id itself for
     *                   someone not on the roster)
     */
    List<Waiting> waiting(UnaryOperator<String> rosterIdOf) {
        List<HandoffStore.Listed> open = handoffs.listOpen().stream()
                .filter(l -> l.handoff().state() == HandoffState.WAITING || l.handoff().state() == HandoffState.TRANSFERRED)
                .toList();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<Long, List<HandoffEvent>> events = events();
        Map<Long, Map<String, Instant>> written = lastWritten(rosterIdOf);
        List<Waiting> waiting = new ArrayList<>(open.size());
        for (HandoffStore.Listed listed : open) {
            long id = listed.handoff().id();
            waiting.add(new Waiting(listed.handoff(), listed.reasons(), listed.practice(),
                    events.getOrDefault(id, List.of()),
                    written.getOrDefault(listed.handoff().conversationId(), Map.of())));
        }
        return waiting;
    }

    private Map<Long, List<HandoffEvent>> events() {
        return database.read(c -> {
            Map<Long, List<HandoffEvent>> events = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, handoff_id, at, actor, kind, from_state, to_state,"
                    + " detail FROM handoff_events WHERE handoff_id IN (" + UNCLAIMED + ") ORDER BY handoff_id, id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.computeIfAbsent(rs.getLong(2), id -> new ArrayList<>()).add(new HandoffEvent(rs.getLong(1),
                            rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), rs.getString(5),
                            state(rs.getString(6)), state(rs.getString(7)), rs.getString(8)));
                }
            }
            return events;
        });
    }

    /** Per conversation, when each person last wrote in it (deleted messages too: they were read). */
    private Map<Long, Map<String, Instant>> lastWritten(UnaryOperator<String> rosterIdOf) {
        return database.read(c -> {
            Map<Long, Map<String, Instant>> written = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT conversation_id, author_id, MAX(created_at)"
                    + " FROM messages WHERE author_kind = 'staff' AND conversation_id IN"
                    + " (SELECT conversation_id FROM handoffs WHERE id IN (" + UNCLAIMED + "))"
                    + " GROUP BY conversation_id, author_id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    written.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                            .merge(rosterIdOf.apply(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)),
                                    (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            return written;
        });
    }

    private static HandoffState state(String wire) {
        return wire == null ? null : HandoffState.fromWire(wire);
    }
}
