package dev.baton.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Wiring;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.knowledge.Match;
import dev.baton.rules.RuleBook;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The decision on the product's own hard cases, with the real in-process model and a small
 * knowledge base of a fictional photo app (src/test/resources/test-knowledge.yaml).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageEngineTest {

    private TriageEngine engine;

    @BeforeAll
    void buildEngine() throws Exception {
        Path kb = Path.of(getClass().getResource("/test-knowledge.yaml").toURI());
        engine = new Wiring().engine(KnowledgeBaseLoader.load(kb));
    }

    private Decision decide(Message... messages) {
        return engine.decide(Conversation.of(messages));
    }

    private Decision decide(String text) {
        return decide(Message.customer(text));
    }

    private static void assertAnswers(String entry, Decision decision) {
        Decision.Answer answer = assertInstanceOf(Decision.Answer.class, decision, () -> "expected an answer: " + decision);
        assertEquals(entry, answer.entry());
    }

    private static void assertHandsOffFor(CueKind reason, Decision decision) {
        Decision.Handoff handoff = assertInstanceOf(Decision.Handoff.class, decision, () -> "expected a handoff: " + decision);
        assertTrue(handoff.reasons().contains(reason), () -> "expected " + reason + " among " + handoff.reasons()
                + " (cues " + handoff.cues() + ")");
    }

    @Nested
    class AnswersOnlyWhatTheKnowledgeBaseCovers {

        @Test
        void aSimpleCoveredQuestionIsAnsweredWithItsEntry() {
            assertAnswers("plus-price", decide("how much is plus per month?"));
        }

        @Test
        void anAnswerSaysWhichPhrasingMatched() {
            Decision.Answer answer = (Decision.Answer) decide("what are your support hours");
            assertEquals("What are your support hours?", answer.matchedQuestion());
            assertTrue(answer.confidence() >= RuleBook.DEFAULT_ANSWER_CONFIDENCE);
        }

        @Test
        void mildNegativityNotAimedAtTheServiceIsStillAnAnswer() {
            assertAnswers("support-hours", decide("ugh mondays. what are support hours?"));
        }

        @Test
        void aNewSelfContainedQuestionAfterAnAnsweredOneIsAnOrdinaryFollowUp() {
            assertAnswers("refund-policy", decide(
                    Message.customer("how much does plus cost"),
                    Message.bot("Plus costs $4 a month or $40 a year."),
                    Message.customer("thanks! and can i get a refund if i don't like it?")));
        }

        @Test
        void aQuestionWrappedInAStoryIsAsSureAsTheQuestionAlone() {
            Conversation wrapped = Conversation.of(Message.customer(
                    "been shooting film again lately, scanning everything at home with a cheap scanner lol. when is support open?"));
            Conversation alone = Conversation.of(Message.customer("when is support open?"));

            assertEquals("support-hours", engine.nearest(wrapped).entry().id());
            assertEquals(engine.nearest(alone).confidence(), engine.nearest(wrapped).confidence(), 0.05);
            assertAnswers("support-hours", engine.decide(wrapped, CueSettings.standard(), 0.9));
        }

        @Test
        void aCoveredQuestionWithItsBackstoryIsNoTangle() {
            // The learned nonlinear head reads the backstory as a change of subject; the sure match says it is not.
            assertAnswers("refund-policy", decide(
                    "hey, what's your refund policy on plus? bought the yearly plan yesterday and realised i won't use it"));
        }

        @Test
        void aFollowUpIsNeverAnsweredWithTheAnswerTheCustomerHasJustRead() {
            assertHandsOffFor(CueKind.OUT_OF_SCOPE, decide(
                    Message.customer("how much does plus cost"),
                    Message.bot("Plus costs $4 a month or $40 a year."),
                    Message.customer("is the price the same in every country?")));
        }

        @Test
        void anOnTopicQuestionNoEntryCoversIsOutOfScope() {
            assertHandsOffFor(CueKind.OUT_OF_SCOPE, decide("which camera models do you recommend for street photography?"));
        }

        @Test
        void aQuestionWhoseNeighbourIsCloseButNotTheSameIntentIsOutOfScope() {
            // plus-price, delete-account and password-reset are close neighbours; none answers these.
            assertHandsOffFor(CueKind.OUT_OF_SCOPE, decide("can i share my plus subscription with family?"));
            assertHandsOffFor(CueKind.OUT_OF_SCOPE, decide("can i recover a deleted album?"));
            assertHandsOffFor(CueKind.OUT_OF_SCOPE, decide("how do i change my email address?"));
        }

        @Test
        void aTroubleshootingQuestionIsNotAnsweredFromTheFaq() {
            assertHandsOffFor(CueKind.OUT_OF_SCOPE, decide("my uploads keep failing with an error at 99%, what's causing it?"));
        }

        @Test
        void aRefundThatHasNotShownUpIsInvestigatedNotAnsweredWithThePolicy() {
            assertHandsOffFor(CueKind.OUT_OF_SCOPE, decide("my refund from last week still hasn't shown up on my card, when does it come through?"));
        }

        @Test
        void oneFacepalmAtThemselvesBesideACoveredQuestionIsAnswered() {
            assertAnswers("plus-price", decide("typo in my own username 🤦 my spelling is a crime. how much is plus per month?"));
        }

        @Test
        void aQuestionSplitOverTwoMessagesIsReadAsOne() {
            Match tailAlone = engine.nearest(Conversation.of(Message.customer("or raw?")));

            assertTrue(tailAlone.confidence() < RuleBook.DEFAULT_ANSWER_CONFIDENCE, tailAlone::toString);
            assertAnswers("file-formats", decide(Message.customer("can i upload heic"), Message.customer("or raw?")));
        }

        @Test
        void aFollowUpIsReadWithTheQuestionItFollows() {
            Message asked = Message.customer("can i upload photos from my camera");
            Message answered = Message.bot("JPEG, PNG, HEIC, WebP and most camera RAW formats can be uploaded.");
            Message followUp = Message.customer("ok and how large can one be?");
            Match alone = engine.nearest(Conversation.of(followUp));

            assertTrue(alone.confidence() < RuleBook.DEFAULT_ANSWER_CONFIDENCE, alone::toString);
            assertAnswers("upload-limit", decide(asked, answered, followUp));
        }

        @Test
        void theQuestionAFollowUpFollowsNeverPicksAnotherEntry() {
            // Read together, "how much does plus cost … and is there a refund window?" leans to the price entry;
            // the follow-up alone picks the refund entry, and the joined reading may only make Baton surer of that.
            Conversation conversation = Conversation.of(Message.customer("how much does plus cost"),
                    Message.bot("Plus costs $4 a month or $40 a year."),
                    Message.customer("and is there a refund window?"));

            assertEquals(List.of("how much does plus cost"), TriageEngine.readWith(conversation));
            assertEquals("refund-policy", engine.nearest(conversation).entry().id());
        }

        @Test
        void askingBatonToCheckWhatHappenedToTheirOwnRefundIsAnInvestigation() {
            assertHandsOffFor(CueKind.OUT_OF_SCOPE, decide(
                    "my refund was approved 12 days ago and it's still not on my card, can you check what happened?"));
        }

        @Test
        void aGreetingAloneGetsASmallTalkReplyNotAPerson() {
            assertInstanceOf(Decision.SmallTalk.class, decide("hi, I'm new here"));
        }

        @Test
        void aQuestionAfterAGreetingIsStillAnswered() {
            assertInstanceOf(Decision.Answer.class, decide("hi! how much does plus cost?"));
        }

        @Test
        void somethingUnrelatedToTheCommunityIsOutOfScope() {
            assertHandsOffFor(CueKind.OUT_OF_SCOPE, decide("what's the capital of australia"));
        }
    }

    @Nested
    class AHandoffSignalWinsOverACoveredQuestion {

        @Test
        void anAngryRefundQuestionGoesToAPerson() {
            assertHandsOffFor(CueKind.ANGER, decide("you people are scammers. i want my refund NOW or i'm doing a chargeback"));
        }

        @Test
        void griefIsNeverAnsweredWithAnFaq() {
            assertHandsOffFor(CueKind.SADNESS_GRIEF, decide("my mum passed away last week. how do i delete her account?"));
        }

        @Test
        void worryAboutAHackedAccountIsAnxiety() {
            assertHandsOffFor(CueKind.ANXIETY, decide("i think someone hacked my account, i'm really scared. how do i reset my password?"));
        }

        @Test
        void timePressureIsUrgency() {
            assertHandsOffFor(CueKind.URGENCY, decide("my exhibition opens in 20 minutes and my shared album is gone, need help asap"));
        }

        @Test
        void askingForAPersonIsAHumanRequest() {
            assertHandsOffFor(CueKind.HUMAN_REQUEST, decide("can i talk to a real person please"));
        }

        @Test
        void signsOfSelfHarmAreACrisisAndComeFirst() {
            Decision decision = decide("i can't do this anymore, i want to kill myself. how do i delete my account");
            assertHandsOffFor(CueKind.CRISIS, decision);
            assertEquals(CueKind.CRISIS, ((Decision.Handoff) decision).reasons().get(0));
        }

        @Test
        void wantingToDieIsACrisisHoweverItIsSpelled() {
            assertHandsOffFor(CueKind.CRISIS, decide("honestly i just wanna die"));
            assertHandsOffFor(CueKind.CRISIS, decide("i don't want to be here anymore"));
        }

        @Test
        void warningSignsSaidIndirectlyAreACrisis() {
            assertHandsOffFor(CueKind.CRISIS, decide("how do i delete all my albums and my account. i won't need any of it where i'm going"));
            assertHandsOffFor(CueKind.CRISIS, decide("i can't keep doing this. my kids would be better off."));
        }

        @Test
        void closingAnAccountOrHopingThingsImproveIsNoCrisis() {
            assertNoCrisis(decide("i won't be needing my account anymore, how do i delete it?"));
            assertNoCrisis(decide("things are going to get better once the update lands, right? when is it out?"));
            assertNoCrisis(decide("would we be better off on the yearly plan?"));
        }

        private void assertNoCrisis(Decision decision) {
            assertTrue(!(decision instanceof Decision.Handoff handoff) || !handoff.reasons().contains(CueKind.CRISIS),
                    () -> "no crisis expected: " + decision);
        }

        @Test
        void sarcasmAfterAnUnhelpfulAnswerIsFrustration() {
            assertHandsOffFor(CueKind.FRUSTRATION, decide(
                    Message.customer("how do i reset my password"),
                    Message.bot("Use 'Forgot password' on the login page; the reset link is valid for one hour."),
                    Message.customer("great, thanks for nothing. the link never arrives")));
        }

        @Test
        void anEyeRollThatSaysWhatItIsAboutIsStillFrustrationBesideACoveredQuestion() {
            assertHandsOffFor(CueKind.FRUSTRATION, decide("this app is garbage 🙄 how much is plus per month?"));
        }

        @Test
        void irritationBuildingAcrossTurnsIsFrustration() {
            assertHandsOffFor(CueKind.FRUSTRATION, decide(
                    Message.customer("my upload is stuck"),
                    Message.bot("Each photo can be up to 50 MB; Plus members can upload up to 200 MB."),
                    Message.customer("it's a 3 MB photo. still stuck"),
                    Message.bot("Each photo can be up to 50 MB; Plus members can upload up to 200 MB."),
                    Message.customer("same answer again")));
        }

        @Test
        void askingTheSameThingAgainAfterSayingItDidNotWorkIsFrustration() {
            assertHandsOffFor(CueKind.FRUSTRATION, decide(
                    Message.customer("how do i share an album"),
                    Message.bot("Open an album and choose Share; invited friends can view and, if you allow it, add photos."),
                    Message.customer("did that"),
                    Message.customer("did it twice"),
                    Message.customer("how do i share an album")));
        }
    }

    @Nested
    class ReadsTheShapeOfTheConversation {

        @Test
        void goingBackToAnEarlierIssueIsNonlinear() {
            assertHandsOffFor(CueKind.NONLINEAR, decide(
                    Message.customer("my album disappeared"),
                    Message.bot("Open an album and choose Share; invited friends can view and, if you allow it, add photos."),
                    Message.customer("ok whatever, how much is plus"),
                    Message.bot("Plus costs $4 a month or $40 a year."),
                    Message.customer("like i said before, my album is gone. what about that?")));
        }

        @Test
        void severalUnrelatedQuestionsInOneMessageAreNonlinear() {
            assertHandsOffFor(CueKind.NONLINEAR, decide(
                    "how do i share an album and also what's the upload limit, oh and how do refunds work"));
        }
    }

    @Nested
    class UnderACommunitysRules {

        @Test
        void withTheBuiltInSettingsItDecidesAsWithout() {
            for (String text : List.of("how much is plus per month?", "can i talk to a real person please",
                    "my mum passed away last week. how do i delete her account?")) {
                Conversation conversation = Conversation.of(Message.customer(text));
                assertEquals(engine.decide(conversation), engine.decide(conversation, CueSettings.standard(),
                        RuleBook.DEFAULT_ANSWER_CONFIDENCE), text);
            }
        }

        @Test
        void aStricterAnswerConfidenceHandsOffWhatItWouldHaveAnswered() {
            Conversation conversation = Conversation.of(Message.customer("what are your support hours"));
            Decision.Answer answer = (Decision.Answer) engine.decide(conversation);

            Decision stricter = engine.decide(conversation, CueSettings.standard(),
                    Math.min(1.0, answer.confidence() + 0.01));

            assertHandsOffFor(CueKind.OUT_OF_SCOPE, stricter);
        }

        @Test
        void turningOffTheCuesThatFiredLetsACoveredQuestionBeAnswered() {
            Conversation conversation = Conversation.of(
                    Message.customer("ugh this is so annoying. what are your support hours?"));
            Decision.Handoff before = assertInstanceOf(Decision.Handoff.class, engine.decide(conversation,
                    new CueSettings(Map.of(CueKind.ANGER, new CueSetting(true, 0.05),
                            CueKind.FRUSTRATION, new CueSetting(true, 0.05))), RuleBook.DEFAULT_ANSWER_CONFIDENCE),
                    "at a hair trigger, mild irritation hands off");
            Map<CueKind, CueSetting> off = new EnumMap<>(CueKind.class);
            for (CueKind kind : CueKind.values()) {
                if (!RuleBook.alwaysOn(kind)) {
                    off.put(kind, new CueSetting(false, CueSetting.NORMAL));
                }
            }

            assertAnswers("support-hours", engine.decide(conversation, new CueSettings(off),
                    RuleBook.DEFAULT_ANSWER_CONFIDENCE));
            assertTrue(before.reasons().stream().noneMatch(RuleBook::alwaysOn), before::toString);
        }

        @Test
        void anAssessmentKeepsTheNearestEntryEvenWhenItHandsOff() {
            Conversation conversation = Conversation.of(Message.customer(
                    "you people are scammers. i want my refund NOW or i'm doing a chargeback"));

            TriageEngine.Assessment assessment = engine.assess(conversation, CueSettings.standard(), 0.5);

            assertInstanceOf(Decision.Handoff.class, assessment.decision());
            assertEquals(engine.nearest(conversation), assessment.nearest());
            assertEquals("refund-policy", assessment.nearest().entry().id());
        }

        @Test
        void anAssessmentReplayedAtAnotherThresholdDecidesAsTheEngineWouldThere() {
            Conversation conversation = Conversation.of(Message.customer("how do refunds work"));
            TriageEngine.Assessment assessment = engine.assess(conversation, CueSettings.standard(), 0.5);
            double confidence = assessment.nearest().confidence();

            for (double threshold : new double[] {confidence - 0.01, confidence + 0.01}) {
                assertEquals(engine.decide(conversation, CueSettings.standard(), threshold).getClass(),
                        assessment.verdictAt(CueSettings.standard(), threshold).getClass());
            }
            assertTrue(assessment.answerableIfSure(CueSettings.standard()));
        }

        @Test
        void aCueThatHandsOffWhateverTheMatchLeavesNothingAnswerableIfSure() {
            Conversation conversation = Conversation.of(Message.customer(
                    "you people are scammers. i want my refund NOW or i'm doing a chargeback"));

            TriageEngine.Assessment assessment = engine.assess(conversation, CueSettings.standard(), 0.5);

            assertFalse(assessment.answerableIfSure(CueSettings.standard()));
        }
    }

    @Test
    void everyHandoffCarriesEvidenceFromTheMessage() {
        Decision.Handoff handoff = (Decision.Handoff) decide("can i talk to a real person please");
        List<Cue> human = handoff.cues().stream().filter(c -> c.kind() == CueKind.HUMAN_REQUEST).toList();
        assertTrue(human.get(0).evidence().contains("person"), human::toString);
        assertEquals(0, human.get(0).message());
    }
}
