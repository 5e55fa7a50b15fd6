package dev.baton.handoff;


import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.store.Database;
import dev.baton.store.Dialect;
import dev.baton.rules.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Handoffs and their event rows. Every state change goes through {@link #move}, which writes the
 * new state and its event in one transaction, so the timeline can never disagree with the state.
 * The {@link Listener} hears of each change once its transaction has committed.
 */
public final class HandoffStore {

    /** Told after a handoff was created, or after any event row was added to one (a move, a note). */
    public interface Listener {
        void created(long handoffId);

        void changed(long handoffId);

        Listener NONE = new Listener() {
            @Override
            public void created(long handoffId) {
            }

            @Override
            public void changed(long handoffId) {
            }
        };
    }

    private static final String COLUMNS =
            "id, conversation_id, state, reason, assignee_id, outcome, created_at, updated_at, rule, priority,"
            + " private_thread, COALESCE(due_from, created_at)";

    /**
     * Practice handoffs from the console's playground never count towards anyone's workload. Checked row by row
     * against the conversation's key, so a query over the open handoffs reads only those, however many
     * conversations there have been.
     */
    private static final String NOT_PRACTICE = "NOT EXISTS (SELECT 1 FROM conversations p"
            + " WHERE p.id = handoffs.conversation_id AND p.practice = 1)";
    /**
     * Not resolved, spelled as the states it may be in so SQLite can use {@code handoffs_open}: a query asked on
     * every handoff (and every metrics scrape) then reads the open handoffs, not the whole history.
     */
    private static final String OPEN = "state IN ('waiting', 'claimed', 'transferred')";

    private final Database database;
    private final Listener listener;

    public HandoffStore(Database database) {
        this(database, Listener.NONE);
    }

    public HandoffStore(Database database, Listener listener) {
        this.database = database;
        this.listener = listener;
    }

    /** A conversation already has a handoff that is not resolved; a second would page a second person. */
    public static final class AlreadyOpen extends RuntimeException {
        private final long openId;

        AlreadyOpen(long conversationId, long openId) {
            super("conversation " + conversationId + " already has open handoff " + openId);
            this.openId = openId;
        }

        public long openId() {
            return openId;
        }
    }

    /**
     * Stores a new waiting handoff with its packet and the {@code created} event, and marks its
     * conversation handed off, in one transaction.
     *
     * @throws AlreadyOpen when the conversation has a handoff that is not resolved (checked in the same
     *                     transaction, so two decisions at once cannot both open one)
     */
    public HandoffRecord create(HandoffPacket packet, Instant at) {
        String json = HandoffRows.write(packet);
        HandoffPacket.Assignment assignment = packet.assignment();
        Priority priority = Priority.fromWire(assignment.priority());
        Instant dueFrom = dueFrom(assignment, priority, at);
        HandoffRecord created = database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM handoffs WHERE conversation_id = ?"
                    + " AND " + OPEN + " ORDER BY id DESC LIMIT 1")) {
                s.setLong(1, packet.conversationId());
                try (ResultSet open = s.executeQuery()) {
                    if (open.next()) {
                        throw new AlreadyOpen(packet.conversationId(), open.getLong(1));
                    }
                }
            }
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO handoffs (conversation_id, state, reason,"
                    + " assignee_id, packet, created_at, updated_at, rule, priority, private_thread, due_from)"
                    + " VALUES (?, 'waiting', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, packet.conversationId());
                s.setString(2, packet.reason());
                s.setString(3, packet.assignment().personId());
                s.setString(4, json);
                s.setLong(5, at.toEpochMilli());
                s.setLong(6, at.toEpochMilli());
                s.setString(7, assignment.rule());
                s.setString(8, priority.wireName());
                s.setInt(9, assignment.privateThread() ? 1 : 0);
                s.setLong(10, dueFrom.toEpochMilli());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            ConversationStore.setState(c, packet.conversationId(), ConversationState.HANDED_OFF);
            event(c, id, at, HandoffEvent.BATON, "created", null, HandoffState.WAITING,
                    "routed to " + packet.assignment().personName() + ": " + packet.assignment().why());
            return new HandoffRecord(id, packet.conversationId(), HandoffState.WAITING, packet.reason(),
                    packet.assignment().personId(), null, at, at, assignment.rule(), priority,
                    assignment.privateThread(), dueFrom);
        });
        listener.created(created.id());
        return created;
    }

    /**
     * Deadlines count from when someone can act: at once when the person was on shift or it is urgent
     * (a crisis must not wait for a shift to start), else from the start of their next shift.
     */
    static Instant dueFrom(HandoffPacket.Assignment assignment, Priority priority, Instant at) {
        if (assignment.onShift() || priority == Priority.URGENT || assignment.availableAt() == null
                || assignment.availableAt().isBefore(at)) {
            return at;
        }
        return assignment.availableAt();
    }

    /**
     * A requested change of state, with what else changes alongside it.
     *
     * @param conversationTo the conversation's new state, written in the same transaction; null to leave it
     */
    public record Move(HandoffState to, String actor, String kind, String detail, String newAssignee, Outcome outcome,
                       ConversationState conversationTo) {
    }

    /**
     * Applies {@code move} if the handoff's current state allows it.
     *
     * @throws IllegalStateException naming the current state when the move is not allowed
     */
    public HandoffRecord move(long id, Move move, Instant at) {
        return moveIf(id, current -> true, move, at).orElseThrow();
    }

    /** The event kind of a take-over: the one move from claimed to claimed (by another person). */
    public static final String TAKEN_OVER = "taken_over";

    private static boolean allowed(HandoffRecord current, Move move) {
        if (TAKEN_OVER.equals(move.kind())) {
            return current.state() == HandoffState.CLAIMED && move.to() == HandoffState.CLAIMED
                    && move.newAssignee() != null && !move.newAssignee().equals(current.assigneeId());
        }
        return current.state().canMoveTo(move.to());
    }

    /**
     * {@link #move}, but only while {@code still} holds for the handoff as it is inside the transaction;
     * empty (and nothing written) otherwise. For Baton's own moves, decided on a reading that a person
     * may have overtaken meanwhile: a re-route must not take a handoff from someone who just claimed it.
     */
    public Optional<HandoffRecord> moveIf(long id, Predicate<HandoffRecord> still, Move move, Instant at) {
        Optional<HandoffRecord> moved = database.transaction(c -> {
            HandoffRecord current = find(c, id).orElseThrow(() -> new IllegalArgumentException("no handoff " + id));
            if (!still.test(current)) {
                return Optional.<HandoffRecord>empty();
            }
            if (!allowed(current, move)) {
                throw new IllegalStateException("handoff " + id + " is " + current.state().wireName()
                        + " and cannot become " + move.to().wireName());
            }
            String assignee = move.newAssignee() != null ? move.newAssignee() : current.assigneeId();
            Outcome outcome = move.to() == HandoffState.RESOLVED ? move.outcome() : null;
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE handoffs SET state = ?, assignee_id = ?, outcome = ?, updated_at = ? WHERE id = ?")) {
                s.setString(1, move.to().wireName());
                s.setString(2, assignee);
                s.setString(3, outcome == null ? null : outcome.wireName());
                s.setLong(4, at.toEpochMilli());
                s.setLong(5, id);
                s.executeUpdate();
            }
            if (move.conversationTo() != null) {
                ConversationStore.setState(c, current.conversationId(), move.conversationTo());
            }
            event(c, id, at, move.actor(), move.kind(), current.state(), move.to(), move.detail());
            return Optional.of(new HandoffRecord(id, current.conversationId(), move.to(), current.reason(), assignee,
                    outcome, current.createdAt(), at, current.rule(), current.priority(), current.privateThread(),
                    current.dueFrom()));
        });
        moved.ifPresent(m -> listener.changed(id));
        return moved;
    }

    /** An event that changes no state: a notification sent or failed, a note, a reply. */
    public void note(long id, String actor, String kind, String detail, Instant at) {
        database.transaction(c -> {
            event(c, id, at, actor, kind, null, null, detail);
            return null;
        });
        listener.changed(id);
    }

    /**
     * Replaces the packet's summary line with a better one (the language model's, checked against the
     * transcript), with a {@code summary_refined} event whose detail keeps the line it replaced.
     */
    public void refineSummary(long id, String summary, String detail, Instant at) {
        database.transaction(c -> {
            // Read, change and write back in the transaction (not SQLite's json_set, which PostgreSQL lacks);
            // as a tree, so fields this version does not know stay as they were.
            Optional<String> packet = packetJson(c, id);
            if (packet.isPresent()) {
                try (var s = c.prepareStatement("UPDATE handoffs SET packet = ? WHERE id = ?")) {
                    s.setString(1, HandoffRows.withSummary(packet.get(), summary));
                    s.setLong(2, id);
                    s.executeUpdate();
                }
            }
            event(c, id, at, "baton", "summary_refined", null, null, detail);
            return null;
        });
        listener.changed(id);
    }

    /** An event row that changes no state: its kind and detail. */
    public record Note(String kind, String detail) {
    }

    /**
     * Writes {@code alongside} (e.g. a feedback row) and the notes it returns as event rows on handoff
     * {@code id}, in one transaction, so the timeline never misses a change nor shows one that was rolled
     * back. Returns the notes written; none (and no listener call) when {@code alongside} changed nothing.
     */
    public List<Note> noteAlongside(long id, String actor, Database.Work<List<Note>> alongside, Instant at) {
        List<Note> notes = database.transaction(c -> {
            List<Note> written = List.copyOf(alongside.run(c));
            for (Note note : written) {
                event(c, id, at, actor, note.kind(), null, null, note.detail());
            }
            return written;
        });
        if (!notes.isEmpty()) {
            listener.changed(id);
        }
        return notes;
    }

    public Optional<HandoffRecord> handoff(long id) {
        return database.read(c -> find(c, id));
    }

    public Optional<HandoffPacket> packet(long id) {
        return database.read(c -> packetJson(c, id).map(HandoffRows::read));
    }

    private static Optional<String> packetJson(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT packet FROM handoffs WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public List<HandoffEvent> events(long id) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, handoff_id, at, actor, kind, from_state, to_state,"
                    + " detail FROM handoff_events WHERE handoff_id = ? ORDER BY id")) {
                s.setLong(1, id);
                List<HandoffEvent> events = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(new HandoffEvent(rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                                rs.getString(4), rs.getString(5), HandoffRows.state(rs.getString(6)),
                                HandoffRows.state(rs.getString(7)), rs.getString(8)));
                    }
                }
                return events;
            }
        });
    }

    /** Every handoff not yet resolved, oldest first. */
    public List<HandoffRecord> open() {
        return list("SELECT " + COLUMNS + " FROM handoffs WHERE " + OPEN + " ORDER BY created_at, id");
    }

    public Optional<HandoffRecord> openFor(long conversationId) {
        return list("SELECT " + COLUMNS + " FROM handoffs WHERE " + OPEN + " AND conversation_id = "
                + conversationId + " ORDER BY id DESC LIMIT 1").stream().findFirst();
    }

    /**
     * A handoff as a list shows it: its record with the packet's reasons and summary line, the
     * customer's current name and whether it is practice. Read in one query, without parsing
     * packets, so a live queue of hundreds stays quick to refresh.
     */
    public record Listed(HandoffRecord handoff, List<String> reasons, String summary, String customerName,
                         boolean practice) {
    }

    /** Every open handoff, oldest first, as a queue lists it. */
    public List<Listed> listOpen() {
        return listed("h." + OPEN + " ORDER BY h.created_at, h.id");
    }

    /** Resolved handoffs, most recently changed first, as a queue lists them. */
    public List<Listed> listRecentlyResolved(int limit) {
        return listed("h.state = 'resolved' ORDER BY h.updated_at DESC, h.id DESC LIMIT " + Math.max(0, limit));
    }

    private List<Listed> listed(String whereAndOrder) {
        Dialect dialect = database.dialect();
        String sql = "SELECT h.id, h.conversation_id, h.state, h.reason, h.assignee_id, h.outcome, h.created_at,"
                + " h.updated_at, h.rule, h.priority, h.private_thread, COALESCE(h.due_from, h.created_at),"
                + " " + dialect.jsonField("h.packet", "reasons") + ", " + dialect.jsonField("h.packet", "summary") + ","
                + " COALESCE(cu.name, " + dialect.jsonField("h.packet", "customer", "name") + "), c.practice"
                + " FROM handoffs h JOIN conversations c ON c.id = h.conversation_id"
                + " LEFT JOIN customers cu ON cu.id = c.customer_id WHERE " + whereAndOrder;
        return database.read(c -> {
            List<Listed> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Listed(HandoffRows.record(rs), HandoffRows.reasons(rs.getString(13)),
                            rs.getString(14), rs.getString(15), rs.getInt(16) == 1));
                }
            }
            return found;
        });
    }

    /** Open handoffs by state (waiting, claimed, transferred), practice ones left out; for the metrics. */
    public Map<HandoffState, Integer> openByState() {
        return database.read(c -> {
            Map<HandoffState, Integer> counts = new EnumMap<>(HandoffState.class);
            try (PreparedStatement s = c.prepareStatement("SELECT state, COUNT(*) FROM handoffs"
                    + " WHERE " + OPEN + " AND " + NOT_PRACTICE + " GROUP BY state"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(HandoffState.fromWire(rs.getString(1)), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    public List<HandoffRecord> forConversation(long conversationId) {
        return list("SELECT " + COLUMNS + " FROM handoffs WHERE conversation_id = " + conversationId + " ORDER BY id");
    }

    /** Open handoffs per assignee, for capacity; practice handoffs do not count. */
    public Map<String, Integer> openCounts() {
        return database.read(c -> {
            Map<String, Integer> counts = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT assignee_id, COUNT(*) FROM handoffs"
                    + " WHERE " + OPEN + " AND " + NOT_PRACTICE + " GROUP BY assignee_id"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    /**
     * When each of {@code people} last had a real (not practice) handoff routed to them, for fair turns; people
     * never routed to are left out. One look each down {@code handoffs_by_assignee}, newest first, so it costs
     * the same after a year of handoffs as after a day.
     */
    public Map<String, Instant> lastRoutedAt(Collection<String> people) {
        return database.read(c -> {
            Map<String, Instant> last = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT created_at FROM handoffs WHERE assignee_id = ?"
                    + " AND " + NOT_PRACTICE + " ORDER BY created_at DESC LIMIT 1")) {
                for (String person : people) {
                    s.setString(1, person);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            last.put(person, Instant.ofEpochMilli(rs.getLong(1)));
                        }
                    }
                }
            }
            return last;
        });
    }

    private List<HandoffRecord> list(String sql) {
        return database.read(c -> {
            List<HandoffRecord> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(HandoffRows.record(rs));
                }
            }
            return found;
        });
    }

    private static Optional<HandoffRecord> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM handoffs WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(HandoffRows.record(rs)) : Optional.empty();
            }
        }
    }

    private static void event(Connection c, long handoffId, Instant at, String actor, String kind, HandoffState from,
                              HandoffState to, String detail) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO handoff_events (handoff_id, at, actor, kind,"
                + " from_state, to_state, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, handoffId);
            s.setLong(2, at.toEpochMilli());
            s.setString(3, actor);
            s.setString(4, kind);
            s.setString(5, from == null ? null : from.wireName());
            s.setString(6, to == null ? null : to.wireName());
            s.setString(7, detail == null ? "" : detail);
            s.executeUpdate();
        }
    }

}
