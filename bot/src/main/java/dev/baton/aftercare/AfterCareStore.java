package dev.baton.aftercare;

import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffStore.Note;
import dev.baton.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code aftercare} table, one row per handoff, each change written with its event row on the handoff in
 * the same transaction: {@code aftercare_asked} (detail {@code rating} or {@code closing_line}),
 * {@code aftercare_not_sent} (why), {@code aftercare_answered} ({@code up} or {@code down}) and
 * {@code aftercare_comment} (the comment).
 *
 * <p>An answer is taken at most once: the row is read and changed inside one transaction, so two clicks
 * arriving together still leave one answer and one event.
 */
final class AfterCareStore {

    static final String ASKED = "aftercare_asked";
    static final String NOT_SENT = "aftercare_not_sent";
    static final String ANSWERED = "aftercare_answered";
    static final String COMMENT = "aftercare_comment";

    private static final String COLUMNS = "handoff_id, conversation_id, customer_id, resolved_by, kind, asked_at,"
            + " expires_at, message_id, verdict, answered_at, comment";

    /** What became of a click: the refusal, if any, and the row as it was read. */
    record Judged(Optional<Asked.Refusal> refusal, Optional<Asked> asked) {
    }

    private final HandoffStore handoffs;
    private final Database database;

    AfterCareStore(HandoffStore handoffs, Database database) {
        this.handoffs = handoffs;
        this.database = database;
    }

    Optional<Asked> find(long handoffId) {
        return database.read(c -> find(c, handoffId));
    }

    /**
     * Records that Baton is asking (or closing): the row and {@code aftercare_asked}. Returns false, writing
     * nothing, when the handoff already has a row: Baton asks once per handoff, even if it is reopened and
     * resolved again.
     */
    boolean ask(Asked asked) {
        List<Note> notes = handoffs.noteAlongside(asked.handoffId(), HandoffEvent.BATON, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO aftercare (handoff_id,"
                    + " conversation_id, customer_id, resolved_by, kind, asked_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (handoff_id) DO NOTHING")) {
                s.setLong(1, asked.handoffId());
                s.setLong(2, asked.conversationId());
                s.setString(3, asked.customerId());
                s.setString(4, asked.resolvedBy());
                s.setString(5, asked.kind().wireName());
                s.setLong(6, asked.askedAt().toEpochMilli());
                s.setLong(7, asked.expiresAt().toEpochMilli());
                return s.executeUpdate() == 1 ? List.of(new Note(ASKED, asked.kind().wireName())) : List.of();
            }
        }, asked.askedAt());
        return !notes.isEmpty();
    }

    /** Nothing was posted, or the post failed: {@code aftercare_not_sent} with why. */
    void notSent(long handoffId, String why, Instant at) {
        handoffs.note(handoffId, HandoffEvent.BATON, NOT_SENT, why, at);
    }

    /** The message carrying the buttons, once Discord took it. */
    void posted(long handoffId, String messageId) {
        database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE aftercare SET message_id = ? WHERE handoff_id = ?")) {
                s.setString(1, messageId);
                s.setLong(2, handoffId);
                return s.executeUpdate();
            }
        });
    }

    /** Takes {@code discordUserId}'s answer unless {@link Asked#refuseAnswer} refuses it. */
    Judged answer(long handoffId, String discordUserId, Verdict verdict, Instant at) {
        return judged(handoffId, (c, asked) -> asked.refuseAnswer(discordUserId, at).isPresent()
                ? asked.refuseAnswer(discordUserId, at)
                : update(c, "UPDATE aftercare SET verdict = ?, answered_at = ? WHERE handoff_id = ?",
                        verdict.wireName(), at.toEpochMilli(), handoffId), ANSWERED, verdict.wireName(), at);
    }

    /** Keeps {@code discordUserId}'s comment unless {@link Asked#refuseComment} refuses it. */
    Judged comment(long handoffId, String discordUserId, String comment, Instant at) {
        return judged(handoffId, (c, asked) -> asked.refuseComment(discordUserId, at).isPresent()
                ? asked.refuseComment(discordUserId, at)
                : update(c, "UPDATE aftercare SET comment = ? WHERE handoff_id = ?", comment, handoffId),
                COMMENT, comment, at);
    }

    /**
     * Reads the row and applies {@code change} in one transaction, with the event {@code kind} when it was
     * taken. A missing row is {@link Asked.Refusal#UNKNOWN}.
     */
    private Judged judged(long handoffId, Change change, String kind,
                          String detail, Instant at) {
        Optional<Asked> before = find(handoffId);
        if (before.isEmpty()) {
            return new Judged(Optional.of(Asked.Refusal.UNKNOWN), before);
        }
        List<Judged> judged = new ArrayList<>(1);
        handoffs.noteAlongside(handoffId, HandoffEvent.CUSTOMER, c -> {
            Asked asked = find(c, handoffId).orElseThrow();
            Optional<Asked.Refusal> refusal = change.apply(c, asked);
            judged.add(new Judged(refusal, Optional.of(asked)));
            return refusal.isEmpty() ? List.of(new Note(kind, detail)) : List.of();
        }, at);
        return judged.get(0);
    }

    /** Refuses, or changes the row it was given; inside the transaction that read it. */
    @FunctionalInterface
    private interface Change {
        Optional<Asked.Refusal> apply(Connection c, Asked asked) throws SQLException;
    }

    private static Optional<Asked.Refusal> update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
        return Optional.empty();
    }

    private static Optional<Asked> find(Connection c, long handoffId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM aftercare WHERE handoff_id = ?")) {
            s.setLong(1, handoffId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String verdict = rs.getString(9);
                long answeredAt = rs.getLong(10);
                boolean answered = !rs.wasNull();
                return Optional.of(new Asked(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Kind.fromWire(rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6)),
                        Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8),
                        verdict == null ? null : Verdict.fromWire(verdict),
                        answered ? Instant.ofEpochMilli(answeredAt) : null, rs.getString(11)));
            }
        }
    }
}
