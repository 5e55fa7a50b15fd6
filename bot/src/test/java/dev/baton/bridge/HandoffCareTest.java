package dev.baton.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.baton.console.api.HandoffDetail.Aftercare;
import dev.baton.console.api.HandoffDetail.RepeatCheck;
import dev.baton.conversation.StoredMessage;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffWording;
import dev.baton.health.CareHistory;
import dev.baton.health.History;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.live.RulesInForce;
import dev.baton.triage.TriageJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** A handoff's after-care answer and repeat check, read for its page from the rows the Discord side writes. */
@Tag("database")
class HandoffCareTest {

    private final History history = new History();
    private CareHistory.Written written;
    private HandoffCare care;

    @BeforeEach
    void writeTheHistory() {
        written = CareHistory.write(history);
        RulesInForce rules = new RulesInForce(null, new KnowledgeBase("none", List.of()), History.ROSTER,
                HandoffWording.defaults());
        care = new HandoffCare(history.conversations, new ConsoleViews(history.conversations, () -> rules,
                new TriageJson()));
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void aRatingWithItsCommentAndWhoWasNamedInIt() {
        Aftercare h1 = care.aftercare(written.h1().id());
        assertEquals("rating", h1.kind());
        assertEquals("alex", h1.resolvedBy());
        assertEquals("Alex", h1.resolvedByName());
        assertEquals("up", h1.verdict());
        assertEquals(CareHistory.COMMENT, h1.comment());
        assertEquals(Instant.parse("2024-06-10T10:10:01Z"), h1.askedAt());
        assertEquals(Instant.parse("2024-06-10T10:11:01Z"), h1.answeredAt());
    }

    @Test
    void aPromptNotAnsweredYetAndAHandoffNobodyAskedAbout() {
        Aftercare h4 = care.aftercare(written.h4().id());
        assertNull(h4.verdict());
        assertNull(h4.answeredAt());
        assertNull(care.aftercare(written.h5().id()));
    }

    @Test
    void aRepeatWithBothMessagesAsLinesOfTheTranscript() {
        HandoffRecord h2 = written.h2();
        List<StoredMessage> transcript = history.conversations.transcript(h2.conversationId());
        RepeatCheck repeat = care.repeat(h2.id(), h2.conversationId(), transcript);
        assertEquals("customer_restated", repeat.kind());
        assertEquals(0.92, repeat.score());
        assertEquals(CareHistory.EARLIER, repeat.earlier().text());
        assertEquals(CareHistory.RESTATED, repeat.repeated().text());
        assertEquals("customer", repeat.repeated().author());
        assertEquals(CareHistory.EARLIER, transcript.get(repeat.earlierLine()).text());
        assertEquals(CareHistory.RESTATED, transcript.get(repeat.repeatedLine()).text());
    }

    @Test
    void checkedWithoutARepeatAndNotChecked() {
        HandoffRecord h1 = written.h1();
        RepeatCheck none = care.repeat(h1.id(), h1.conversationId(), history.conversations.transcript(h1.conversationId()));
        assertNull(none.kind());
        assertNull(none.earlier());
        assertEquals(-1, none.earlierLine());
        assertNull(care.repeat(written.h5().id(), written.h5().conversationId(), List.of()));
    }
}
