package dev.baton.replay;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.baton.conversation.AuthorKind;
import dev.baton.replay.DecisionPoint.StoredNearest;
import dev.baton.replay.History.Case;
import dev.baton.replay.History.Hold;
import dev.baton.replay.History.RealHandoff;
import dev.baton.replay.Transcript.Edit;
import dev.baton.replay.Transcript.Line;
import dev.baton.store.Database;
import dev.baton.store.Dialect;
import dev.baton.triage.Cue;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one period's conversations for a replay: a handful of queries for the whole period, never one
 * per conversation, so ten thousand conversations read in about a second. Reads only.
 *
 * <p>A conversation is replayed when it had a decision, or a handoff without one (the customer asked for
 * a person), in the period. Its decision points are those in the period; earlier ones belong to an
 * earlier period's replay.
 */
final class HistoryReader {

    /**
     * A handoff follows its decision within milliseconds, and a customer who asks for a person usually does
     * so under an answer to a recent message. Decisions this long before the period are read too, to pair
     * handoffs at its start with their decisions and reuse the nearest match of the message asked under.
     */
    private static final Duration LOOK_BEHIND = Duration.ofDays(1);

    /** Handoff ids per query when reading packets: well below SQLite's limit on bound values. */
    private static final int BATCH = 500;

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    /** Conversations with a decision or a handoff in [?, ?), each bound twice. */
    private static final String PERIOD = "SELECT conversation_id FROM decisions WHERE decided_at >= ? AND decided_at < ?"
            + " UNION SELECT conversation_id FROM handoffs WHERE created_at >= ? AND created_at < ?";

    private HistoryReader() {
    }

    static History read(Database database, Instant from, Instant to) {
        return database.read(c -> new HistoryReader.Reading(c, database.dialect(), from, to).read());
    }

    /** A decision row as stored. */
    private record StoredDecision(long id, long messageId, boolean handoff, Instant at, StoredNearest nearest,
                                  String cues, double smallTalk) {
    }

    /** One read of one period on one connection. */
    private record Reading(Connection c, Dialect dialect, Instant from, Instant to) {

        History read() throws SQLException {
            Map<Long, Case> cases = cases();
            Map<Long, List<Line>> lines = lines(edits());
            Map<Long, List<StoredDecision>> decisions = decisions();
            Map<Long, List<RealHandoff>> handoffs = handoffs();
            Map<Long, List<RealHandoff>> asked = new HashMap<>();
            for (Case base : cases.values()) {
                long id = base.conversationId();
                asked.put(id, askedForPerson(decisions.getOrDefault(id, List.of()),
                        handoffs.getOrDefault(id, List.of())));
            }
            Map<Long, List<Cue>> askedCues = packetCues(asked.values().stream().flatMap(List::stream)
                    .map(RealHandoff::id).toList());
            List<DecisionPoint> points = new ArrayList<>();
            Map<Long, Case> replayed = new HashMap<>();
            List<Duration> holds = new ArrayList<>();
            for (Case base : cases.values()) {
                long id = base.conversationId();
                List<RealHandoff> real = handoffs.getOrDefault(id, List.of());
                Case withHandoffs = new Case(id, base.customerName(), base.roles(), base.channelId(), base.parentId(),
                        real);
                Transcript transcript = new Transcript(lines.getOrDefault(id, List.of()));
                List<DecisionPoint> own = points(id, transcript, decisions.getOrDefault(id, List.of()), asked.get(id),
                        askedCues);
                if (!own.isEmpty()) {
                    points.addAll(own);
                    replayed.put(id, withHandoffs);
                }
                real.stream().filter(h -> inPeriod(h.createdAt()) && h.resolvedAt() != null)
                        .forEach(h -> holds.add(Duration.between(h.createdAt(), h.resolvedAt())));
            }
            points.sort(Comparator.comparing(DecisionPoint::at).thenComparingLong(DecisionPoint::conversationId)
                    .thenComparingLong(DecisionPoint::sequence));
            Map<String, Instant> lastRoutedAt = new HashMap<>();
            List<Hold> carriedOver = carriedOver(lastRoutedAt);
            return new History(from, to, replayed, points, carriedOver, lastRoutedAt, median(holds));
        }

        private boolean inPeriod(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }

        private PreparedStatement prepare(String sql, long... values) throws SQLException {
            PreparedStatement s = c.prepareStatement(sql);
            for (int i = 0; i < values.length; i++) {
                s.setLong(i + 1, values[i]);
            }
            return s;
        }

        /** The period bound for {@link #PERIOD}, followed by any further values. */
        private long[] period(long... more) {
            long[] values = new long[4 + more.length];
            values[0] = from.toEpochMilli();
            values[1] = to.toEpochMilli();
            values[2] = from.toEpochMilli();
            values[3] = to.toEpochMilli();
            System.arraycopy(more, 0, values, 4, more.length);
            return values;
        }

        private Map<Long, Case> cases() throws SQLException {
            Map<Long, Case> cases = new HashMap<>();
            String sql = "SELECT c.id, c.channel_id, c.parent_id, c.customer_id, cu.name, cu.roles FROM conversations c"
                    + " LEFT JOIN customers cu ON cu.id = c.customer_id"
                    + " WHERE c.practice = 0 AND c.id IN (" + PERIOD + ")";
            try (PreparedStatement s = prepare(sql, period()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(5);
                    cases.put(rs.getLong(1), new Case(rs.getLong(1), name != null ? name : rs.getString(4),
                            roles(rs.getString(6)), rs.getString(2), rs.getString(3), List.of()));
                }
            }
            return cases;
        }

        private Map<Long, List<Edit>> edits() throws SQLException {
            Map<Long, List<Edit>> edits = new HashMap<>();
            String sql = "SELECT e.message_id, e.old_text, e.edited_at FROM message_edits e"
                    + " JOIN messages m ON m.id = e.message_id"
                    + " WHERE m.conversation_id IN (" + PERIOD + ") ORDER BY e.message_id, e.id";
            try (PreparedStatement s = prepare(sql, period()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    edits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Edit(rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
            return edits;
        }

        private Map<Long, List<Line>> lines(Map<Long, List<Edit>> edits) throws SQLException {
            Map<Long, List<Line>> lines = new HashMap<>();
            String sql = "SELECT id, conversation_id, author_kind, text, kb_id, created_at, deleted_at FROM messages"
                    + " WHERE conversation_id IN (" + PERIOD + ") ORDER BY conversation_id, id";
            try (PreparedStatement s = prepare(sql, period()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long deleted = rs.getLong(7);
                    Instant deletedAt = rs.wasNull() ? null : Instant.ofEpochMilli(deleted);
                    lines.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Line(rs.getLong(1),
                            AuthorKind.fromWire(rs.getString(3)), rs.getString(4), rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6)), deletedAt, edits.getOrDefault(rs.getLong(1), List.of())));
                }
            }
            return lines;
        }

        private Map<Long, List<StoredDecision>> decisions() throws SQLException {
            Map<Long, List<StoredDecision>> decisions = new HashMap<>();
            String sql = "SELECT id, conversation_id, message_id, verdict, kb_id, confidence, cues, decided_at,"
                    + " nearest_kb_id, nearest_confidence, small_talk FROM decisions WHERE decided_at >= ? AND decided_at < ?"
                    + " ORDER BY conversation_id, decided_at, id";
            try (PreparedStatement s = prepare(sql, from.minus(LOOK_BEHIND).toEpochMilli(), to.toEpochMilli());
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean handoff = "handoff".equals(rs.getString(4));
                    String nearestId = rs.getString(9);
                    double nearestConfidence = rs.getDouble(10);
                    StoredNearest nearest = nearestId != null && !rs.wasNull()
                            ? new StoredNearest(nearestId, nearestConfidence)
                            // Rows from before the nearest columns: an answer's entry was the nearest one.
                            : !handoff && rs.getString(5) != null ? new StoredNearest(rs.getString(5), rs.getDouble(6))
                            : null;
                    decisions.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new StoredDecision(
                            rs.getLong(1), rs.getLong(3), handoff, Instant.ofEpochMilli(rs.getLong(8)), nearest,
                            rs.getString(7), rs.getDouble(11)));
                }
            }
            return decisions;
        }

        /** Every handoff of the period's conversations, oldest first, with when it was (last) resolved. */
        private Map<Long, List<RealHandoff>> handoffs() throws SQLException {
            Map<Long, List<RealHandoff>> handoffs = new HashMap<>();
            String sql = "SELECT h.id, h.conversation_id, h.created_at, " + RESOLVED_AT + " FROM handoffs h"
                    + " WHERE h.conversation_id IN (" + PERIOD + ") ORDER BY h.conversation_id, h.created_at, h.id";
            try (PreparedStatement s = prepare(sql, period()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long resolved = rs.getLong(4);
                    Instant resolvedAt = rs.wasNull() ? null : Instant.ofEpochMilli(resolved);
                    handoffs.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(new RealHandoff(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(3)), resolvedAt));
                }
            }
            return handoffs;
        }

        /**
         * Real handoffs from before the period still open at its start (they keep their person busy until
         * they were resolved), and when each person last got one before the period.
         */
        private List<Hold> carriedOver(Map<String, Instant> lastRoutedAt) throws SQLException {
            List<Hold> holds = new ArrayList<>();
            String sql = "SELECT h.assignee_id, h.created_at, " + RESOLVED_AT + " FROM handoffs h"
                    + " JOIN conversations c ON c.id = h.conversation_id WHERE c.practice = 0 AND h.created_at < ?";
            try (PreparedStatement s = prepare(sql, from.toEpochMilli()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String person = rs.getString(1);
                    Instant created = Instant.ofEpochMilli(rs.getLong(2));
                    lastRoutedAt.merge(person, created, (a, b) -> a.isAfter(b) ? a : b);
                    long resolved = rs.getLong(3);
                    Instant until = rs.wasNull() ? null : Instant.ofEpochMilli(resolved);
                    if (until == null || until.isAfter(from)) {
                        holds.add(new Hold(person, until));
                    }
                }
            }
            return holds;
        }

        /**
         * The cues stored in these handoffs' packets: a customer who asks for a person has no decision row, but
         * the packet keeps every cue their conversation showed then, which still counts (a grieving customer
         * who presses the button is handed off for grief too). Read in batches, for the few handoffs concerned.
         */
        private Map<Long, List<Cue>> packetCues(List<Long> handoffIds) throws SQLException {
            Map<Long, List<Cue>> cues = new HashMap<>();
            for (int start = 0; start < handoffIds.size(); start += BATCH) {
                List<Long> batch = handoffIds.subList(start, Math.min(handoffIds.size(), start + BATCH));
                String sql = "SELECT id, " + dialect.jsonField("packet", "cues") + " FROM handoffs WHERE id IN ("
                        + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")";
                try (PreparedStatement s = prepare(sql, batch.stream().mapToLong(Long::longValue).toArray());
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        cues.put(rs.getLong(1), StoredCues.parse(rs.getString(2)));
                    }
                }
            }
            return cues;
        }

        /** The conversation's decision points in the period, in order. */
        private List<DecisionPoint> points(long conversationId, Transcript transcript, List<StoredDecision> decisions,
                                           List<RealHandoff> askedForPerson, Map<Long, List<Cue>> askedCues) {
            Map<Long, Integer> lineOf = new HashMap<>();
            for (int i = 0; i < transcript.lines().size(); i++) {
                lineOf.put(transcript.lines().get(i).id(), i);
            }
            Map<Long, StoredNearest> nearestOfMessage = new HashMap<>();
            decisions.stream().filter(d -> d.nearest() != null)
                    .forEach(d -> nearestOfMessage.put(d.messageId(), d.nearest()));
            List<DecisionPoint> points = new ArrayList<>();
            for (StoredDecision d : decisions) {
                Integer line = lineOf.get(d.messageId());
                if (inPeriod(d.at()) && line != null) {
                    points.add(new DecisionPoint(conversationId, d.at(), d.id(), false, StoredCues.parse(d.cues()),
                            transcript.focus(line, d.at()), d.nearest(), transcript, line,
                            transcript.customerWords(line, d.at()), transcript.answered(line), d.smallTalk()));
                }
            }
            for (RealHandoff asked : askedForPerson) {
                int upTo = transcript.lastLineBy(asked.createdAt());
                Line focus = transcript.lastCustomerLine(upTo, asked.createdAt());
                points.add(new DecisionPoint(conversationId, asked.createdAt(), asked.id(), true,
                        askedCues.getOrDefault(asked.id(), List.of()), -1,
                        focus == null ? null : nearestOfMessage.get(focus.id()), transcript, upTo,
                        transcript.customerWords(upTo, asked.createdAt()), transcript.answered(upTo), 0));
            }
            return points;
        }

        /**
         * The period's handoffs that no decision made: the customer asked for a person. A decision to hand
         * off is followed by its handoff before anything else happens in the conversation, so walking both
         * in time order pairs each such decision with the next handoff.
         */
        private List<RealHandoff> askedForPerson(List<StoredDecision> decisions, List<RealHandoff> handoffs) {
            List<RealHandoff> asked = new ArrayList<>();
            int next = 0;
            StoredDecision pending = null;
            for (RealHandoff handoff : handoffs) {
                while (next < decisions.size() && !decisions.get(next).at().isAfter(handoff.createdAt())) {
                    StoredDecision d = decisions.get(next++);
                    pending = d.handoff() ? d : null;
                }
                if (pending != null) {
                    pending = null;
                } else if (inPeriod(handoff.createdAt())) {
                    asked.add(handoff);
                }
            }
            return asked;
        }
    }

    /**
     * When a handoff was resolved, from its event rows; null while it is open (never resolved, or reopened
     * since). The last resolution counts: a reopened and resolved again handoff kept its person busy until then.
     */
    private static final String RESOLVED_AT = "CASE WHEN h.state = 'resolved' THEN (SELECT MAX(e.at) FROM handoff_events e"
            + " WHERE e.handoff_id = h.id AND e.to_state = 'resolved') END";

    private static List<String> roles(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, STRINGS);
        } catch (IOException e) {
            return List.of(); // roles only refine routing; a garbled list must not stop a replay
        }
    }

    private static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return History.DEFAULT_HOLD;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
