package dev.baton.aftercare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aftercare.AfterCareNotices.Posted;
import dev.baton.conversation.ConversationRecord;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffWording;
import dev.baton.health.History;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.live.RulesInForce;
import dev.baton.metrics.BatonMetrics;
import dev.baton.rules.RuleBook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The after-care service and its store over a real database: what is asked, stored and taken. */
@Tag("database")
class AfterCareTest {

    private final History history = new History();
    private final BatonMetrics metrics = BatonMetrics.standalone();
    private final AfterCare aftercare = new AfterCare(history.handoffs, history.conversations,
            () -> new RulesInForce(null, new KnowledgeBase("none", List.of()), History.ROSTER,
                    HandoffWording.defaults(), RuleBook.defaults()), metrics, history.clock);
    private final List<String> posted = new ArrayList<>();
    private final AfterCareNotices discord = new AfterCareNotices() {
        @Override
        public Posted ask(ConversationRecord conversation, long handoffId, String text) {
            posted.add("ask " + handoffId + ": " + text);
            return new Posted(true, "9001", conversation.replyChannelId(), "posted in #support");
        }

        @Override
        public Posted close(ConversationRecord conversation, String text) {
            posted.add("close: " + text);
            return new Posted(true, "9002", conversation.replyChannelId(), "posted in #support");
        }
    };

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void aResolvedHandoffIsAskedAboutOnceWithItsEventAndTheMessageIdKept() {
        HandoffRecord handoff = history.handoff().reason("anger").create();
        AfterCare.Prompt prompt = aftercare.ask(handoff, "alex").orElseThrow();
        aftercare.post(prompt, discord);

        assertEquals(List.of("ask " + handoff.id() + ": Alex marked this as sorted. Did this help?"), posted);
        Asked asked = aftercare.asked(handoff.id()).orElseThrow();
        assertEquals("9001", asked.messageId());
        assertEquals(history.clock.instant().plus(Duration.ofDays(3)), asked.expiresAt());
        assertEquals("rating", event(handoff, "aftercare_asked").detail());

        assertTrue(aftercare.ask(handoff, "sam").isEmpty(), "resolved again after a reopen: not asked twice");
        assertTrue(event(handoff, "aftercare_not_sent").detail().contains("once per handoff"));
    }

    @Test
    void oneAnswerPerHandoffFromTheCustomerCountedInTheMetrics() {
        HandoffRecord handoff = asked("anger");
        String customer = customer(handoff);

        assertInstanceOf(AfterCare.Reply.Recorded.class, aftercare.answer(handoff.id(), customer, Verdict.DOWN));
        AfterCare.Reply again = aftercare.answer(handoff.id(), customer, Verdict.UP);

        assertInstanceOf(AfterCare.Reply.AlreadyAnswered.class, again);
        assertEquals(Verdict.DOWN, aftercare.asked(handoff.id()).orElseThrow().verdict());
        assertEquals(List.of("down"), details(handoff, "aftercare_answered"));
        assertEquals(HandoffEvent.CUSTOMER, event(handoff, "aftercare_answered").actor());
        assertTrue(metrics.scrape().contains("baton_csat_total{verdict=\"down\"} 1.0"), metrics.scrape());
    }

    @Test
    void onlyTheCustomerWhoWasAskedMayAnswer() {
        HandoffRecord handoff = asked("anger");
        AfterCare.Reply reply = aftercare.answer(handoff.id(), "123456789012345678", Verdict.UP);
        assertEquals(new AfterCare.Reply.NotYours("Only the person who asked can answer this."), reply);
        assertNull(aftercare.asked(handoff.id()).orElseThrow().verdict());
        assertEquals(List.of(), details(handoff, "aftercare_answered"));
    }

    @Test
    void theButtonsStopTakingAnswersWhenTheyExpire() {
        HandoffRecord handoff = asked("anger");
        history.clock.advance(Duration.ofDays(3));
        assertInstanceOf(AfterCare.Reply.Expired.class, aftercare.answer(handoff.id(), customer(handoff), Verdict.UP));
    }

    @Test
    void aCommentFollowsAnAnswerOnceOnOneLineAtMostTwoHundredCharacters() {
        HandoffRecord handoff = asked("anger");
        String customer = customer(handoff);
        assertInstanceOf(AfterCare.Reply.Unknown.class, aftercare.comment(handoff.id(), customer, "before answering"));
        aftercare.answer(handoff.id(), customer, Verdict.UP);

        AfterCare.Reply saved = aftercare.comment(handoff.id(), customer, "  great\nhelp " + "x".repeat(300));

        assertEquals("Thank you, we've passed your comment on.", saved.words());
        String comment = aftercare.asked(handoff.id()).orElseThrow().comment();
        assertEquals(200, comment.length());
        assertTrue(comment.startsWith("great help x"), comment);
        assertEquals(List.of(comment), details(handoff, "aftercare_comment"));
        assertInstanceOf(AfterCare.Reply.AlreadyAnswered.class, aftercare.comment(handoff.id(), customer, "more"));
    }

    @Test
    void theClosingLineTakesNoAnswer() {
        HandoffRecord handoff = history.handoff().reason("sadness_grief").to("sam").create();
        aftercare.post(aftercare.ask(handoff, "sam").orElseThrow(), discord);
        assertEquals(List.of("close: Sam has marked this as done. We're thinking of you, and we're here whenever you"
                + " need us."), posted);
        assertInstanceOf(AfterCare.Reply.Unknown.class, aftercare.answer(handoff.id(), customer(handoff), Verdict.UP));
    }

    @Test
    void withoutDiscordTheQuestionIsRecordedAsNotSentWithTheReason() {
        HandoffRecord handoff = history.handoff().reason("anger").create();
        aftercare.post(aftercare.ask(handoff, "alex").orElseThrow(), AfterCareNotices.NOT_CONNECTED);
        assertTrue(event(handoff, "aftercare_not_sent").detail().contains("not connected to Discord"));
        assertNull(aftercare.asked(handoff.id()).orElseThrow().messageId());
        assertTrue(history.conversations.transcript(handoff.conversationId()).stream()
                .noneMatch(m -> m.text().contains("Did this help?")), "not in the transcript: it was never shown");
    }

    @Test
    void aPracticeHandoffIsNeverAsked() {
        HandoffRecord handoff = history.handoff().practice().create();
        assertEquals(Optional.empty(), aftercare.ask(handoff, "alex"));
        assertTrue(event(handoff, "aftercare_not_sent").detail().contains("practice"));
        assertTrue(aftercare.asked(handoff.id()).isEmpty());
    }

    private HandoffRecord asked(String reason) {
        HandoffRecord handoff = history.handoff().reason(reason).create();
        aftercare.post(aftercare.ask(handoff, "alex").orElseThrow(), discord);
        return handoff;
    }

    private String customer(HandoffRecord handoff) {
        return history.conversations.conversation(handoff.conversationId()).orElseThrow().customerId();
    }

    private HandoffEvent event(HandoffRecord handoff, String kind) {
        return history.handoffs.events(handoff.id()).stream().filter(e -> e.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + history.handoffs.events(handoff.id())));
    }

    private List<String> details(HandoffRecord handoff, String kind) {
        return history.handoffs.events(handoff.id()).stream().filter(e -> e.kind().equals(kind))
                .map(HandoffEvent::detail).toList();
    }
}
