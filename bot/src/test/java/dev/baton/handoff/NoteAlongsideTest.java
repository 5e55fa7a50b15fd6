package dev.baton.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.feedback.FeedbackKind;
import dev.baton.handoff.HandoffStore.Note;
import dev.baton.health.History;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Event rows written in one transaction with the change they report (a feedback row, say). */
@Tag("database")
class NoteAlongsideTest {

    private final History history = new History();
    private final HandoffRecord handoff = history.handoff().create();

    @AfterEach
    void close() {
        history.close();
    }

    private int feedbackRows() {
        return history.database.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM feedback")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private Integer insertFeedback(java.sql.Connection c) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO feedback (conversation_id, handoff_id, kind, actor,"
                + " at) VALUES (?, ?, 'needed_person', 'alex', 0)")) {
            s.setLong(1, handoff.conversationId());
            s.setLong(2, handoff.id());
            return s.executeUpdate();
        }
    }

    @Test
    void writesTheChangeAndEveryNoteItReturns() {
        List<Note> written = history.handoffs.noteAlongside(handoff.id(), "alex", c -> {
            insertFeedback(c);
            return List.of(new Note("feedback", "needed_person"), new Note("feedback_withdrawn", "bot_could_answer"));
        }, history.clock.instant());
        assertEquals(2, written.size());
        assertEquals(1, feedbackRows());
        assertEquals(List.of("created", "feedback", "feedback_withdrawn"),
                history.handoffs.events(handoff.id()).stream().map(HandoffEvent::kind).toList());
    }

    @Test
    void whenTheChangeFailsNeitherItNorAnyNoteIsWritten() {
        assertThrows(IllegalStateException.class, () -> history.handoffs.noteAlongside(handoff.id(), "alex", c -> {
            insertFeedback(c);
            throw new IllegalStateException("refused halfway");
        }, history.clock.instant()));
        assertEquals(0, feedbackRows());
        assertEquals(1, history.handoffs.events(handoff.id()).size());
        assertEquals(1, history.feedback.onHandoff(handoff.id(), "alex", FeedbackKind.NEEDED_PERSON, "").size());
    }

    @Test
    void noNotesMeansNoEvent() {
        assertTrue(history.handoffs.noteAlongside(handoff.id(), "alex", c -> List.of(), history.clock.instant())
                .isEmpty());
        assertEquals(1, history.handoffs.events(handoff.id()).size());
    }
}
