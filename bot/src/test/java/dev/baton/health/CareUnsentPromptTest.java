package dev.baton.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.Outcome;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** A rating prompt counts as asked once it reached Discord: one Discord refused is not a question left unanswered. */
@Tag("database")
class CareUnsentPromptTest {

    private static final Instant FROM = Instant.parse("2024-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-06-08T00:00:00Z");

    private final History history = new History();

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void aPromptWithoutItsDiscordMessageIsNotCountedAsAsked() {
        HandoffRecord handoff = history.handoff().create();
        history.after(Duration.ofMinutes(10)).lifecycle.resolve(handoff.id(), "alex", Outcome.SOLVED, "");
        prompt(handoff, null);

        assertEquals(0, asked());
    }

    @Test
    void aPromptThatReachedDiscordIsCountedAsAsked() {
        HandoffRecord handoff = history.handoff().create();
        history.after(Duration.ofMinutes(10)).lifecycle.resolve(handoff.id(), "alex", Outcome.SOLVED, "");
        prompt(handoff, "1100000000000000001");

        assertEquals(1, asked());
    }

    private int asked() {
        return new CareReport(history.database).compute(FROM, TO, List.of("default"), History.ROSTER).total()
                .satisfaction().asked();
    }

    private void prompt(HandoffRecord handoff, String messageId) {
        long now = history.clock.instant().toEpochMilli();
        history.database.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO aftercare (handoff_id, conversation_id,"
                    + " customer_id, resolved_by, kind, asked_at, expires_at, message_id)"
                    + " SELECT h.id, h.conversation_id, c.customer_id, 'alex', 'rating', ?, ?, ? FROM handoffs h"
                    + " JOIN conversations c ON c.id = h.conversation_id WHERE h.id = ?")) {
                s.setLong(1, now);
                s.setLong(2, now + Duration.ofDays(3).toMillis());
                s.setString(3, messageId);
                s.setLong(4, handoff.id());
                return s.executeUpdate();
            }
        });
    }
}
