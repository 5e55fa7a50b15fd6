package dev.baton.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.triage.Conversation;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a verdict may change, and what it may not. */
class OpinionTest {

    private static final KnowledgeEntry ENTRY = new KnowledgeEntry("hours", null, List.of("When are you open?"),
            "Monday to Friday, 9 to 5.", null);
    private static final Conversation CONVERSATION = Conversation.of(Message.bot("Hi! How can I help?"),
            Message.customer("I need this sorted by tonight, are you open on Sundays?"));

    private static Band.Question question(double confidence, List<Cue> cues) {
        Match nearest = new Match(ENTRY, confidence, "When are you open?");
        Decision offline = TriageEngine.verdict(cues, nearest, CONVERSATION.focus(), CueSettings.standard(), 0.5);
        return Band.of(CONVERSATION, offline, nearest, CueSettings.standard(), 0.5, 0.1).orElseThrow();
    }

    private static final List<Cue> NEAR_URGENCY = List.of(new Cue(CueKind.URGENCY, 0.45, 1, "\"by tonight\""));

    @Test
    void anEntryConfirmedInTheBandIsAnswered() {
        Opinion.Applied applied = Opinion.apply(question(0.45, List.of()), new Verdict(true, List.of()));

        Decision.Answer answer = assertInstanceOf(Decision.Answer.class, applied.decision());
        assertEquals("hours", answer.entry());
        assertTrue(answer.cues().stream().noneMatch(c -> c.kind() == CueKind.OUT_OF_SCOPE));
        assertEquals("changed", applied.outcome());
    }

    @Test
    void anAnswerTheModelSaysDoesNotFitIsHandedOffAsOutOfScope() {
        Opinion.Applied applied = Opinion.apply(question(0.55, List.of()), new Verdict(false, List.of()));

        Decision.Handoff handoff = assertInstanceOf(Decision.Handoff.class, applied.decision());
        assertEquals(List.of(CueKind.OUT_OF_SCOPE), handoff.reasons());
        assertTrue(handoff.cues().get(0).evidence().startsWith("second opinion: entry hours"));
    }

    @Test
    void aNeedShownInTheCustomersWordsIsRaisedAndFires() {
        Opinion.Applied applied = Opinion.apply(question(0.9, NEAR_URGENCY),
                new Verdict(true, List.of(new Verdict.Signal("urgency", "sorted by TONIGHT"))));

        Decision.Handoff handoff = assertInstanceOf(Decision.Handoff.class, applied.decision());
        assertEquals(List.of(CueKind.URGENCY), handoff.reasons());
        Cue raised = handoff.cues().stream().filter(c -> c.evidence().startsWith("second opinion")).findFirst()
                .orElseThrow();
        assertEquals(1, raised.message());
    }

    @Test
    void aQuoteThatIsOnlyInBatonsOwnMessageIsNotTheCustomersWords() {
        Opinion.Applied applied = Opinion.apply(question(0.9, NEAR_URGENCY),
                new Verdict(true, List.of(new Verdict.Signal("urgency", "How can I help"))));

        assertEquals("implausible", applied.outcome());
        assertInstanceOf(Decision.Answer.class, applied.decision());
    }

    @Test
    void aNeedBatonDidNotAskAboutIsIgnoredEvenWithARealQuote() {
        Band.Question question = question(0.9, NEAR_URGENCY);

        Opinion.Applied applied = Opinion.apply(question,
                new Verdict(true, List.of(new Verdict.Signal("crisis", "sorted by tonight"))));

        assertSame(question.offline(), applied.decision());
        assertTrue(applied.detail().contains("did not ask about"), applied.detail());
    }

    @Test
    void anUnknownNeedIsIgnored() {
        Opinion.Applied applied = Opinion.apply(question(0.9, NEAR_URGENCY),
                new Verdict(true, List.of(new Verdict.Signal("refund_now", "sorted by tonight"))));

        assertEquals("implausible", applied.outcome());
    }

    @Test
    void outsideTheAnswerBandTheModelCannotTurnAnAnswerIntoAHandoffWithoutANeed() {
        Band.Question question = question(0.9, NEAR_URGENCY);

        Opinion.Applied applied = Opinion.apply(question, new Verdict(false, List.of()));

        assertSame(question.offline(), applied.decision());
        assertEquals("agreed", applied.outcome());
    }

    @Test
    void aTwoLetterQuoteProvesNothing() {
        Opinion.Applied applied = Opinion.apply(question(0.9, NEAR_URGENCY),
                new Verdict(true, List.of(new Verdict.Signal("urgency", "I "))));

        assertEquals("implausible", applied.outcome());
    }
}
