package dev.baton.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.text.HashingEmbedder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conversation-shape detectors, which need no real language model. */
class DetectorsTest {

    private final HashingEmbedder embedder = new HashingEmbedder();

    @Test
    void shoutingNeedsMoreThanOneCapitalisedWord() {
        assertEquals("", ShoutingDetector.shoutedWords("is the API down?"));
        assertEquals("WHO BANNED", ShoutingDetector.shoutedWords("WHO BANNED me"));
        assertEquals("", ShoutingDetector.shoutedWords("I'm on NA servers"));
    }

    @Test
    void shoutingAloneStaysBelowTheFiringLine() {
        List<Cue> cues = new ShoutingDetector(CueKind.ANGER).detect(Conversation.of(Message.customer("WHERE IS MY ORDER")));
        assertEquals(1, cues.size());
        assertTrue(cues.get(0).score() < TriageEngine.FIRE);
    }

    @Test
    void threeUnrelatedRequestsInOneTurnAreNonlinear() {
        List<Cue> cues = new QuestionBundleDetector(embedder).detect(Conversation.of(Message.customer(
                "whats the server ip and also my vote keys never came, oh and when does the reset happen")));
        assertEquals(1, cues.size());
        assertEquals(CueKind.NONLINEAR, cues.get(0).kind());
        assertTrue(cues.get(0).score() >= TriageEngine.FIRE, cues::toString);
    }

    @Test
    void oneQuestionAskedInTwoSentencesIsNotABundle() {
        List<Cue> cues = new QuestionBundleDetector(embedder).detect(Conversation.of(Message.customer(
                "can i join the building contest? how do i join the building contest?")));
        assertTrue(cues.isEmpty(), cues::toString);
    }

    @Test
    void goingBackToAnEarlierIssueAfterTheConversationMovedOnIsAHintOfNonlinear() {
        Conversation conversation = Conversation.of(
                Message.customer("my new card never arrived in the post"),
                Message.bot("Cards arrive within 5 days."),
                Message.customer("ok different question what is the atm limit"),
                Message.bot("The limit is 500 a day."),
                Message.customer("but my new card never arrived, it has been three weeks"));
        List<Cue> cues = new ReturnDetector(embedder).detect(conversation);
        assertEquals(1, cues.size());
        assertEquals(CueKind.NONLINEAR, cues.get(0).kind());
        assertEquals(4, cues.get(0).message());
        assertTrue(cues.get(0).score() < TriageEngine.FIRE, "a hint, never a verdict on its own");
    }

    @Test
    void followingUpOnTheLastAnswerIsNotGoingBack() {
        Conversation followUp = Conversation.of(
                Message.customer("my new card never arrived in the post"),
                Message.bot("Cards arrive within 5 days."),
                Message.customer("what is the atm limit"),
                Message.bot("The limit is 500 a day."),
                Message.customer("is the atm limit higher on premium"));
        Conversation twoMessages = Conversation.of(
                Message.customer("my new card never arrived in the post"),
                Message.bot("Cards arrive within 5 days."),
                Message.customer("my new card never arrived though"));
        assertTrue(new ReturnDetector(embedder).detect(followUp).isEmpty());
        assertTrue(new ReturnDetector(embedder).detect(twoMessages).isEmpty());
    }

    @Test
    void askingAgainAfterTheBotsAnswerIsNoticedButDoesNotFireAlone() {
        Conversation conversation = Conversation.of(
                Message.customer("how do i link my account"),
                Message.bot("Type /link in game."),
                Message.customer("how do i link my account"));
        List<Cue> cues = new RepetitionDetector(embedder).detect(conversation);
        assertEquals(1, cues.size());
        assertEquals(CueKind.FRUSTRATION, cues.get(0).kind());
        assertEquals(2, cues.get(0).message());
        assertTrue(cues.get(0).score() < TriageEngine.FIRE);
    }

    @Test
    void theBotGivingTheSameAnswerTwiceIsNoticed() {
        Conversation conversation = Conversation.of(
                Message.customer("my upload is stuck"),
                Message.bot("Each photo can be up to 50 MB."),
                Message.customer("it is a small photo"),
                Message.bot("Each photo can be up to 50 MB."),
                Message.customer("hello?"));
        List<Cue> cues = new RepetitionDetector(embedder).detect(conversation);
        assertEquals(1, cues.size());
        assertTrue(cues.get(0).evidence().contains("same answer twice"), cues::toString);
    }

    @Test
    void aQuestionBeforeAnyBotAnswerIsNotARepetition() {
        Conversation conversation = Conversation.of(
                Message.customer("how do i link my account"),
                Message.customer("how do i link my account"));
        assertTrue(new RepetitionDetector(embedder).detect(conversation).isEmpty());
    }

    @Test
    void earlierMessagesCountAtADiscount() {
        LexiconDetector human = LexiconDetector.forKind(CueKind.HUMAN_REQUEST);
        Conversation conversation = Conversation.of(
                Message.customer("i want to talk to a real person"),
                Message.bot("Support is staffed 09:00 to 17:00 UTC."),
                Message.customer("ok thanks"));
        Map<CueKind, Double> combined = TriageEngine.combine(human.detect(conversation));
        assertTrue(combined.get(CueKind.HUMAN_REQUEST) < TriageEngine.FIRE, combined::toString);
    }

    /** How strongly the kind's lexicon reads one customer message alone. */
    private static double lexiconScore(CueKind kind, String message) {
        return TriageEngine.combine(LexiconDetector.forKind(kind).detect(Conversation.of(Message.customer(message))))
                .getOrDefault(kind, 0.0);
    }

    @Test
    void aMildFeelingSetAsideWithAnywayCountsLess() {
        double setAside = lexiconScore(CueKind.FRUSTRATION, "ugh, so annoying. anyway, what time is the event?");
        double meant = lexiconScore(CueKind.FRUSTRATION, "what time is the event? ugh, so annoying");
        assertTrue(setAside < meant, setAside + " vs " + meant);
    }

    @Test
    void lonelinessToldBeforeAnywayIsNotSetAsideButABadDayIs() {
        double lonely = lexiconScore(CueKind.SADNESS_GRIEF,
                "don't really have anyone to talk to these days. anyway how do i order a card");
        double badDay = lexiconScore(CueKind.SADNESS_GRIEF, "had a rough day. anyway how do i order a card");
        assertTrue(lonely >= TriageEngine.FIRE, "loneliness still fires: " + lonely);
        assertTrue(badDay < 0.4, "a bad day is set aside: " + badDay);
    }

    @Test
    void combiningKeepsEachKindApart() {
        Map<CueKind, Double> combined = TriageEngine.combine(List.of(
                new Cue(CueKind.ANGER, 0.3, 0, "a"), new Cue(CueKind.ANGER, 0.3, 1, "b"),
                new Cue(CueKind.URGENCY, 0.2, 1, "c")));
        assertEquals(0.51, combined.get(CueKind.ANGER), 1e-9);
        assertEquals(0.2, combined.get(CueKind.URGENCY), 1e-9);
    }
}
