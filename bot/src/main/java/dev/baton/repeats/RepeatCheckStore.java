package dev.baton.repeats;

import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffStore.Note;
import dev.baton.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each resolved handoff's repeat check, in {@code repeat_checks}: one row per handoff, the evidence pair when
 * a repeat was found. A found repeat is also a {@code repeat} event on the handoff's timeline, written in the
 * same transaction. Checking again (a reopened handoff resolved a second time) replaces the row; the event is
 * written only when the finding is new.
 */
public final class RepeatCheckStore {

    /** A repeat found: stored message ids (the repeat after pickup, what it repeats before it). */
    public record Found(Kind kind, long messageId, long earlierId, double score) {
    }

    /** A handoff's check: when, and what was found (empty: checked, no repeat). */
    public record Checked(long handoffId, Instant at, Optional<Found> found) {
    }

    private final Database database;
    private final HandoffStore handoffs;

    public RepeatCheckStore(Database database, HandoffStore handoffs) {
        this.database = database;
        this.handoffs = handoffs;
    }

    public void record(long handoffId, Optional<Found> found, Instant at) {
        Optional<Found> before = forHandoff(handoffId).flatMap(Checked::found);
        handoffs.noteAlongside(handoffId, HandoffEvent.BATON, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO repeat_checks (handoff_id,"
                    + " checked_at, kind, message_id, earlier_id, score) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (handoff_id) DO UPDATE SET checked_at = excluded.checked_at,"
                    + " kind = excluded.kind, message_id = excluded.message_id, earlier_id = excluded.earlier_id,"
                    + " score = excluded.score")) {
                s.setLong(1, handoffId);
                s.setLong(2, at.toEpochMilli());
                s.setObject(3, found.map(f -> f.kind().wireName()).orElse(null));
                s.setObject(4, found.map(Found::messageId).orElse(null));
                s.setObject(5, found.map(Found::earlierId).orElse(null));
                s.setObject(6, found.map(Found::score).orElse(null));
                s.executeUpdate();
            }
            boolean same = found.isPresent() && before.isPresent() && before.get().messageId() == found.get().messageId()
                    && before.get().earlierId() == found.get().earlierId();
            return found.isEmpty() || same ? List.of() : List.of(new Note("repeat", detail(found.get())));
        }, at);
    }

    public Optional<Checked> forHandoff(long handoffId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT checked_at, kind, message_id, earlier_id, score"
                    + " FROM repeat_checks WHERE handoff_id = ?")) {
                s.setLong(1, handoffId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String kind = rs.getString(2);
                    Optional<Found> found = kind == null ? Optional.empty()
                            : Optional.of(new Found(Kind.fromWire(kind), rs.getLong(3), rs.getLong(4), rs.getDouble(5)));
                    return Optional.of(new Checked(handoffId, Instant.ofEpochMilli(rs.getLong(1)), found));
                }
            }
        });
    }

    /** The timeline's words: which kind, and the two messages by their stored ids. */
    private static String detail(Found found) {
        return String.format(Locale.ROOT, "%s: message %d repeats message %d (score %.2f)", found.kind().wireName(),
                found.messageId(), found.earlierId(), found.score());
    }
}
