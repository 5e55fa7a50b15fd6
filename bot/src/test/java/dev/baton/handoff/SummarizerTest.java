package dev.baton.handoff;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.text.HashingEmbedder;
import dev.baton.triage.Conversation;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.Message;
import dev.baton.learn.Models;
import dev.baton.triage.TriageEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummarizerTest {

    @Test
    void aDoubleChargeSummaryGivesTheRequestWhatWasTriedAndTheAnger() {
        List<Message> transcript = List.of(
                Message.customer("Hi. I was charged twice for Lumen Plus this month."),
                Message.bot("Sorry about that! Refunds are available within 14 days of purchase."),
                Message.customer("I want a refund for the double charge on 3 March. I tried restarting the app,"
                        + " reinstalling. I already emailed billing on Monday and heard nothing."),
                Message.customer("This is the third time I've asked, honestly."));
        List<Cue> cues = List.of(
                new Cue(CueKind.ANGER, 0.82, 3, "\"third time i've asked\""),
                new Cue(CueKind.FRUSTRATION, 0.6, 2, "\"heard nothing\""),
                new Cue(CueKind.OUT_OF_SCOPE, 0.7, 3, "no entry covers it"));

        Summary summary = Summarizer.summarize(transcript, cues);

        assertAll(
                () -> assertEquals("a refund for the double charge on 3 March", summary.wants()),
                () -> assertEquals("restarting the app, reinstalling; emailed billing on Monday and heard nothing",
                        summary.tried()),
                () -> assertEquals("angry (\"This is the third time I've asked, honestly\")", summary.feels()),
                () -> assertEquals("wants: a refund for the double charge on 3 March; tried: restarting the app,"
                        + " reinstalling; emailed billing on Monday and heard nothing; feels: angry (\"This is the"
                        + " third time I've asked, honestly\")", summary.line()));
    }

    @Test
    void griefAboutADeceasedRelativesAccountIsNamedGrievingFromTheCustomersOwnWords() {
        List<Message> transcript = List.of(
                Message.customer("My dad passed away in January."),
                Message.customer("How do I close his Lumen Plus account? It still bills his card every month"
                        + " and I can't bear seeing it."));
        List<Cue> cues = new TriageEngine(TriageEngine.standardDetectors(new HashingEmbedder(), Models.shipped().cues()), null, 0.5)
                .cues(new Conversation(transcript));

        Summary summary = Summarizer.summarize(transcript, cues);

        assertEquals("How do I close his Lumen Plus account?", summary.wants());
        assertEquals("", summary.tried());
        assertEquals("grieving (\"My dad passed away in January\")", summary.feels());
    }

    @Test
    void sadnessWithoutALossIsCalledSadNotGrieving() {
        List<Message> transcript = List.of(Message.customer("Honestly I feel so lonely since the server closed."));

        Summary summary = Summarizer.summarize(transcript, List.of(new Cue(CueKind.SADNESS_GRIEF, 0.7, 0, "\"so lonely\"")));

        assertEquals("sad (\"Honestly I feel so lonely since the server closed\")", summary.feels());
    }

    /** "Where is it?" is a question, but on its own it tells the person taking over nothing. */
    @Test
    void anxietyAboutALostOrderQuotesTheWorryAndListsWhatTheyChecked() {
        List<Message> transcript = List.of(
                Message.customer("hey"),
                Message.bot("Hi! What can I help with?"),
                Message.customer("My printer order #58213 says delivered but nothing arrived. I've checked with"
                        + " my neighbours and the tracking page. I'm really worried it's been stolen and I can't"
                        + " afford another one. Where is it?"));
        List<Cue> cues = List.of(new Cue(CueKind.ANXIETY, 0.74, 2, "\"really worried\", \"can't afford\""));

        Summary summary = Summarizer.summarize(transcript, cues);

        assertAll(
                () -> assertEquals("My printer order #58213 says delivered but nothing arrived", summary.wants()),
                () -> assertEquals("checked with my neighbours and the tracking page", summary.tried()),
                () -> assertEquals("anxious (\"I'm really worried it's been stolen and I can't afford another one\")",
                        summary.feels()));
    }

    @Test
    void aPlainQuestionHasOnlyWhatTheCustomerWants() {
        Summary summary = Summarizer.summarize(List.of(Message.customer("How much does Lumen Plus cost?")), List.of());

        assertEquals(new Summary("How much does Lumen Plus cost?", "", ""), summary);
        assertEquals("wants: How much does Lumen Plus cost?", summary.line());
    }

    @Test
    void withoutAQuestionTheFirstSentenceThatIsNotAnAttemptIsWhatTheyWant() {
        Summary summary = Summarizer.summarize(List.of(Message.customer(
                "Restarted the printer twice. The bed still won't heat past 40 degrees.")), List.of());

        assertEquals("The bed still won't heat past 40 degrees", summary.wants());
        assertEquals("Restarted the printer twice", summary.tried());
    }

    @Test
    void greetingsAndFillerAreSkippedWhenLookingForTheRequest() {
        Summary summary = Summarizer.summarize(List.of(
                Message.customer("Hello there!"),
                Message.customer("anyone here?"),
                Message.customer("Hi team, could you move my Plus renewal to the 1st?")), List.of());

        assertEquals("could you move my Plus renewal to the 1st?", summary.wants());
    }

    @Test
    void onlyCustomerMessagesAreSources() {
        List<Message> transcript = List.of(
                Message.bot("Have you tried restarting the app? Why not reinstall?"),
                Message.staff("I checked your account and updated the card."),
                Message.customer("ok"));

        assertTrue(Summarizer.summarize(transcript, List.of()).isEmpty());
    }

    @Test
    void aConversationWithNoCustomerMessagesHasAnEmptySummary() {
        List<Message> transcript = List.of(Message.bot("Hello! How can I help?"));
        List<Cue> cues = List.of(new Cue(CueKind.ANGER, 0.9, 0, "\"help\""));

        Summary summary = Summarizer.summarize(transcript, cues);

        assertEquals(Summary.empty(), summary);
        assertEquals("", summary.line());
    }

    @Test
    void aFeelingThatDidNotFireIsNotNamed() {
        Summary summary = Summarizer.summarize(List.of(Message.customer("Where do I download the slicer?")),
                List.of(new Cue(CueKind.CRISIS, 0.1, 0, "sounds like \"i can't go on\" (0.30 vs 0.28 neutral)"),
                        new Cue(CueKind.ANXIETY, 0.3, 0, "\"where\"")));

        assertEquals("", summary.feels());
    }

    @Test
    void crisisOutranksAStrongerAngerCue() {
        List<Message> transcript = List.of(Message.customer("You people are useless. I don't want to be alive anymore."));
        List<Cue> cues = List.of(new Cue(CueKind.ANGER, 0.95, 0, "\"you people are useless\""),
                new Cue(CueKind.CRISIS, 0.6, 0, "\"don't want to be alive\""));

        assertEquals("in crisis (\"I don't want to be alive anymore\")", Summarizer.summarize(transcript, cues).feels());
    }

    @Test
    void reasonsThatAreNotFeelingsAreNotFeelings() {
        List<Message> transcript = List.of(Message.customer("Can I talk to a human please?"));
        List<Cue> cues = List.of(new Cue(CueKind.HUMAN_REQUEST, 0.95, 0, "\"talk to a human\""),
                new Cue(CueKind.NONLINEAR, 0.8, 0, "3 requests at once"),
                new Cue(CueKind.OUT_OF_SCOPE, 0.9, 0, "no entry covers it"));

        assertEquals("", Summarizer.summarize(transcript, cues).feels());
    }

    @Test
    void aCueThatDescribesRatherThanQuotesShowsTheSentenceItCameFrom() {
        List<Message> transcript = List.of(
                Message.customer("Why does my print keep failing at layer 3?"),
                Message.bot("Try levelling the bed."),
                Message.customer("Why does my print keep failing at layer 3??"));
        List<Cue> cues = List.of(new Cue(CueKind.FRUSTRATION, 0.6, 2,
                "asks again what message 0 asked before the bot's answer"));

        assertEquals("frustrated (\"Why does my print keep failing at layer 3??\")",
                Summarizer.summarize(transcript, cues).feels());
    }

    @Test
    void shoutedWordsAreFoundInTheOriginalCase() {
        List<Message> transcript = List.of(Message.customer("My order is late. WHERE IS MY REFUND"));
        List<Cue> cues = List.of(new Cue(CueKind.ANGER, 0.6, 0, "shouting: WHERE IS MY REFUND"));

        assertEquals("angry (\"WHERE IS MY REFUND\")", Summarizer.summarize(transcript, cues).feels());
    }

    @Test
    void evidenceIsMatchedAsWholeWords() {
        List<Message> transcript = List.of(Message.customer("It went unasked for weeks. Then I asked twice and got nothing."));
        List<Cue> cues = List.of(new Cue(CueKind.FRUSTRATION, 0.6, 0, "\"asked\""));

        assertEquals("frustrated (\"Then I asked twice and got nothing\")", Summarizer.summarize(transcript, cues).feels());
    }

    @Test
    void curlyApostrophesInTheMessageStillMatchTheDetectorsStraightOnes() {
        List<Message> transcript = List.of(Message.customer("Fine. This is the third time I’ve asked."));
        List<Cue> cues = List.of(new Cue(CueKind.ANGER, 0.8, 0, "\"third time i've asked\""));

        assertEquals("angry (\"This is the third time I’ve asked\")", Summarizer.summarize(transcript, cues).feels());
    }

    @Test
    void repeatedAttemptsAreListedOnceAndAtMostTwice() {
        Summary summary = Summarizer.summarize(List.of(
                Message.customer("I restarted the app."),
                Message.customer("i restarted the app"),
                Message.customer("I've already cleared the cache. I also reinstalled the firmware."),
                Message.customer("Why is the slicer still blank?")), List.of());

        assertEquals("restarted the app; cleared the cache", summary.tried());
        assertEquals("Why is the slicer still blank?", summary.wants());
    }

    @Test
    void questionsAboutDoingSomethingAreNotAttempts() {
        Summary summary = Summarizer.summarize(List.of(
                Message.customer("How do I reset my password? The app updated last night and logged me out.")),
                List.of());

        assertEquals("How do I reset my password?", summary.wants());
        assertEquals("", summary.tried());
    }

    @Test
    void emojiAndZeroWidthCharactersDoNotGetInTheWay() {
        Summary summary = Summarizer.summarize(List.of(
                Message.customer("👋"),
                Message.customer("can\u200B you re\u200Bfund my order?? 🙏🙏 I\u2019ve tried the refund form 😤")),
                List.of(new Cue(CueKind.FRUSTRATION, 0.6, 1, "\"😤\"")));

        assertEquals("can you refund my order?? 🙏🙏", summary.wants());
        assertEquals("tried the refund form 😤", summary.tried());
        assertEquals("frustrated (\"can you refund my order?? 🙏🙏\")", summary.feels());
    }

    @Test
    void rightToLeftTextIsQuotedAsWrittenWithoutDirectionOverrides() {
        String arabic = "أريد استرداد أموالي؟";
        Summary summary = Summarizer.summarize(List.of(Message.customer("\u202E" + arabic)), List.of());

        assertEquals(arabic, summary.wants());
        assertFalse(summary.line().contains("\u202E"));
    }

    @Test
    void aVeryLongMessageGivesABoundedSummary() {
        String rambling = "I need help with my account because " + "the printer keeps stopping and ".repeat(130)
                + "nothing works.";
        assertTrue(rambling.length() > 4000);
        List<Message> transcript = List.of(Message.customer(rambling + " I tried " + "turning it off and on ".repeat(40)
                + "again."));
        List<Cue> cues = List.of(new Cue(CueKind.FRUSTRATION, 0.7, 0, "\"nothing works\""));

        Summary summary = Summarizer.summarize(transcript, cues);

        assertTrue(summary.wants().length() <= Summarizer.WANTS_MAX + 1, summary.wants());
        assertTrue(summary.wants().startsWith("help with my account because the printer"), summary.wants());
        assertTrue(summary.wants().endsWith("…"), summary.wants());
        assertTrue(summary.tried().length() <= Summarizer.TRIED_MAX + 1, summary.tried());
        assertTrue(summary.feels().contains("nothing works"), summary.feels());
        assertTrue(summary.line().length() < 400, summary.line());
    }

    @Test
    void aLongWordWithoutSpacesIsCutWithoutSplittingAnEmoji() {
        String noSpaces = "😀".repeat(200);
        Summary summary = Summarizer.summarize(List.of(Message.customer("help me " + noSpaces)), List.of());

        String wants = summary.wants();
        assertTrue(wants.endsWith("…"), wants);
        String beforeEllipsis = wants.substring(0, wants.length() - 1);
        assertFalse(Character.isHighSurrogate(beforeEllipsis.charAt(beforeEllipsis.length() - 1)), wants);
    }

    @Test
    void emptyAndAttachmentOnlyMessagesAreSkipped() {
        Summary summary = Summarizer.summarize(List.of(
                Message.customer(""),
                Message.customer("   "),
                Message.customer("Is the Lumen Plus trial free?")), List.of());

        assertEquals("Is the Lumen Plus trial free?", summary.wants());
    }

    @Test
    void aCueThatPointsOutsideTheTranscriptIsNotTheCustomersFeeling() {
        Summary summary = Summarizer.summarize(List.of(Message.customer("Refund now.")),
                List.of(new Cue(CueKind.URGENCY, 0.8, 7, "\"now\"")));

        assertEquals("", summary.feels());
    }

    @Test
    void aFeelingShownOnlyByAnEmojiIsNamedWithoutAQuote() {
        Summary summary = Summarizer.summarize(List.of(Message.customer("Where is my order?"), Message.customer("😡😡")),
                List.of(new Cue(CueKind.ANGER, 0.7, 1, "\"😡\"")));

        assertEquals("angry", summary.feels());
    }
}
