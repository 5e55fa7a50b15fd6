package dev.baton.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.api.ConversationView;
import dev.baton.conversation.ConversationRecord;
import dev.baton.health.History;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("database")
class AnsweredConversationsTest {

    private final History history = new History();
    private final AnsweredConversations answered = new AnsweredConversations(history.database);

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void listsConversationsBatonAnsweredWithoutAPersonMostRecentlyActiveFirst() {
        ConversationRecord older = history.at("2024-06-10T08:00:00Z").answered();
        ConversationRecord newer = history.at("2024-06-10T09:00:00Z").answered();
        history.at("2024-06-10T10:00:00Z").answerAgain(older);
        List<ConversationView.Summary> recent = answered.recent(10);
        assertEquals(List.of(older.id(), newer.id()), recent.stream().map(ConversationView.Summary::id).toList());
        ConversationView.Summary first = recent.get(0);
        assertEquals(2, first.answers());
        assertTrue(first.customerName().startsWith("Customer "), first.customerName());
        assertEquals("support", first.channelId());
        assertEquals(Instant.parse("2024-06-10T08:00:00Z"), first.startedAt());
        assertEquals(Instant.parse("2024-06-10T10:00:00Z"), first.lastMessageAt());
        assertEquals("bot", first.state());
        assertEquals("How much does Lumen Plus cost?", first.firstMessage());
    }

    @Test
    void leavesOutHandedOffSilentAndPracticeConversations() {
        ConversationRecord kept = history.at("2024-06-10T08:00:00Z").answered();
        ConversationRecord handedOffLater = history.answered();
        history.handoff().in(handedOffLater.id()).create();
        history.unanswered();
        history.handoff().practice().create();
        assertEquals(List.of(kept.id()), answered.recent(10).stream().map(ConversationView.Summary::id).toList());
    }

    @Test
    void everyConversationListedTakesShouldHaveComeSooner() {
        history.at("2024-06-10T08:00:00Z").answered();
        history.answered();
        for (ConversationView.Summary summary : answered.recent(10)) {
            assertEquals(1, history.feedback.onAnswered(summary.id(), "sam", FeedbackKind.SHOULD_HAVE_COME_SOONER, "")
                    .size());
        }
    }

    @Test
    void givesAtMostTheLimitAndNothingForANegativeOne() {
        for (int i = 0; i < 3; i++) {
            history.answered();
        }
        assertEquals(2, answered.recent(2).size());
        assertEquals(0, answered.recent(-1).size());
    }
}
