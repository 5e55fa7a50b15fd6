package dev.baton.feedback;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffStore.Note;
import dev.baton.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Staff feedback, one click at a time, in the {@code feedback} table.
 *
 * <ul>
 *   <li>A click is kept once per conversation, kind and person: clicking again changes nothing and is no
 *       error (the first note stays).</li>
 *   <li>"Needed a person" and "bot could have answered" contradict each other: giving one withdraws the
 *       same person's other on the same handoff, so a mis-click can be corrected and precision never counts
 *       one person's judgement both ways.</li>
 *   <li>Feedback on a handoff adds event rows to it ({@code feedback}, and {@code feedback_withdrawn} for a
 *       withdrawn opposite; the detail is the kind), in the same transaction as the feedback row.</li>
 *   <li>On a conversation Baton answered, only {@code should_have_come_sooner} makes sense, and only where
 *       Baton did answer and nobody was handed the conversation (then it belongs on the handoff).</li>
 *   <li>Practice: a handoff from the console's playground takes feedback like any other, so a newcomer
 *       rehearses the whole handoff page; like everything practice, it never counts in the rules health
 *       numbers. A practice conversation is refused on the answered path: the playground only makes
 *       handoffs, so there is no answer there to judge.</li>
 * </ul>
 *
 * <p>Who may give feedback (a logged-in console user) is the console's business; the store only needs a name.
 */
public final class FeedbackStore {

    /** Long enough for "asked for the order number, which was in the second message"; not a place for essays. */
    static final int MAX_NOTE_CHARS = 1_000;

    private static final String COLUMNS = "id, conversation_id, handoff_id, kind, actor, at, note";

    private final Database database;
    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final Clock clock;

    public FeedbackStore(Database database, ConversationStore conversations, HandoffStore handoffs, Clock clock) {
        this.database = database;
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    /**
     * Feedback on a handoff (any kind, any state). Returns all feedback on the handoff's conversation,
     * oldest first.
     *
     * @throws FeedbackRejected when the handoff does not exist, the actor is blank or the note too long
     */
    public List<Feedback> onHandoff(long handoffId, String actor, FeedbackKind kind, String note) {
        required(kind);
        String who = actor(actor);
        String words = note(note);
        HandoffRecord handoff = handoffs.handoff(handoffId).orElseThrow(() -> new FeedbackRejected(
                FeedbackRejected.Why.NO_SUCH_HANDOFF, "There is no handoff " + handoffId + "."));
        Instant at = clock.instant();
        handoffs.noteAlongside(handoffId, who, c -> {
            List<Note> notes = new ArrayList<>();
            if (insert(c, handoff.conversationId(), handoffId, kind, who, at, words)) {
                notes.add(new Note("feedback", kind.wireName()));
                if (kind.opposite().isPresent() && withdraw(c, handoffId, kind.opposite().get(), who)) {
                    notes.add(new Note("feedback_withdrawn", kind.opposite().get().wireName()));
                }
            }
            return notes;
        }, at);
        return forConversation(handoff.conversationId());
    }

    /**
     * "Should have come sooner" on a conversation Baton answered without handing it off. Returns all
     * feedback on the conversation, oldest first.
     *
     * @throws FeedbackRejected for another kind, an unknown or practice conversation, one that was handed
     *                          off, or one Baton never answered in
     */
    public List<Feedback> onAnswered(long conversationId, String actor, FeedbackKind kind, String note) {
        required(kind);
        String who = actor(actor);
        String words = note(note);
        if (kind != FeedbackKind.SHOULD_HAVE_COME_SOONER) {
            throw new FeedbackRejected(FeedbackRejected.Why.KIND_NOT_FOR_ANSWERED, "On a conversation Baton answered,"
                    + " the only feedback is should_have_come_sooner; " + kind.wireName() + " is for handoffs.");
        }
        ConversationRecord conversation = conversations.conversation(conversationId).orElseThrow(() ->
                new FeedbackRejected(FeedbackRejected.Why.NO_SUCH_CONVERSATION,
                        "There is no conversation " + conversationId + "."));
        if (conversation.practice()) {
            throw new FeedbackRejected(FeedbackRejected.Why.PRACTICE, "Conversation " + conversationId
                    + " is practice from the playground: practice never counts in the rules health numbers.");
        }
        List<HandoffRecord> handedOff = handoffs.forConversation(conversationId);
        if (!handedOff.isEmpty()) {
            throw new FeedbackRejected(FeedbackRejected.Why.HANDED_OFF, "Conversation " + conversationId
                    + " was handed off (handoff " + handedOff.get(handedOff.size() - 1).id()
                    + "): give this feedback on the handoff's page.");
        }
        Instant at = clock.instant();
        database.transaction(c -> {
            if (!answered(c, conversationId)) {
                throw new FeedbackRejected(FeedbackRejected.Why.NOT_ANSWERED, "Baton has not answered anything in"
                        + " conversation " + conversationId + ", so it cannot have held on too long.");
            }
            return insert(c, conversationId, null, kind, who, at, words);
        });
        return forConversation(conversationId);
    }

    /** Feedback given on a conversation and its handoffs, oldest first. */
    public List<Feedback> forConversation(long conversationId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM feedback"
                    + " WHERE conversation_id = ? ORDER BY at, id")) {
                s.setLong(1, conversationId);
                List<Feedback> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long handoff = rs.getLong(3);
                        Long handoffId = rs.wasNull() ? null : handoff;
                        found.add(new Feedback(rs.getLong(1), rs.getLong(2), handoffId,
                                FeedbackKind.fromWire(rs.getString(4)), rs.getString(5),
                                Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7)));
                    }
                }
                return found;
            }
        });
    }

    /** True when the row is new; false when this person already gave this kind on this handoff or answered conversation. */
    private static boolean insert(Connection c, long conversationId, Long handoffId, FeedbackKind kind, String actor,
                                  Instant at, String note) throws SQLException {
        // No conflict target: the one that matters is the expression index feedback_once.
        try (PreparedStatement s = c.prepareStatement("INSERT INTO feedback (conversation_id,"
                + " handoff_id, kind, actor, at, note) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            s.setLong(1, conversationId);
            s.setObject(2, handoffId);
            s.setString(3, kind.wireName());
            s.setString(4, actor);
            s.setLong(5, at.toEpochMilli());
            s.setString(6, note);
            return s.executeUpdate() == 1;
        }
    }

    private static boolean withdraw(Connection c, long handoffId, FeedbackKind kind, String actor)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM feedback WHERE handoff_id = ? AND kind = ? AND actor = ?")) {
            s.setLong(1, handoffId);
            s.setString(2, kind.wireName());
            s.setString(3, actor);
            return s.executeUpdate() > 0;
        }
    }

    private static boolean answered(Connection c, long conversationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM decisions WHERE conversation_id = ? AND verdict = 'answer' LIMIT 1")) {
            s.setLong(1, conversationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void required(FeedbackKind kind) {
        if (kind == null) {
            throw FeedbackKind.missing();
        }
    }

    private static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new FeedbackRejected(FeedbackRejected.Why.NO_ACTOR, "Feedback needs the name of who gives it.");
        }
        return actor.strip();
    }

    private static String note(String note) {
        String words = note == null ? "" : note.strip();
        if (words.length() > MAX_NOTE_CHARS) {
            throw new FeedbackRejected(FeedbackRejected.Why.NOTE_TOO_LONG, "A feedback note is at most "
                    + MAX_NOTE_CHARS + " characters; this one has " + words.length() + ".");
        }
        return words;
    }
}
