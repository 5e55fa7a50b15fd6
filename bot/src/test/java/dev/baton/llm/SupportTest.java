package dev.baton.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.llm.Support.Slot;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.Message;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SupportTest {

    private static final List<Message> DOUBLE_CHARGE = List.of(
            Message.customer("Hi, I was charged twice for Lumen Plus this month and I want my money back."),
            Message.bot("You can reset your password or ask for a refund from Settings > Billing within 14 days."),
            Message.customer("I already tried that, the refund button is greyed out. Order 58213, paid on Monday."));

    private static final Cue ANGER = new Cue(CueKind.ANGER, 0.8, 2, "\"greyed out\"");

    private static Optional<String> check(String line, Slot slot, Cue... cues) {
        return Support.unsupported(line, slot, DOUBLE_CHARGE, List.of(cues));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "Customer wants their money back for being charged twice for Lumen Plus.",
        "a refund for order 58213, which was charged twice",
        "The customer says they paid on Monday and want a refund.",
    })
    void aWantsLineInTheCustomersWordsIsSupported(String line) {
        assertEquals(Optional.empty(), check(line, Slot.WANTS));
    }

    @Test
    void anInventedOrderNumberIsNotSupported() {
        assertEquals(Optional.of("the number \"48213\" is not in the transcript"),
                check("a refund for order #48213", Slot.WANTS));
    }

    @Test
    void anInventedNameIsNotSupported() {
        assertEquals(Optional.of("the name \"Stripe\" is not in the transcript"),
                check("their money back from Stripe", Slot.WANTS));
    }

    @Test
    void aTriedLineQuotingTheBotsAnswerIsSupported() {
        assertEquals(Optional.empty(), check("Baton already suggested resetting the password", Slot.TRIED));
        assertEquals(Optional.empty(), check("The bot suggested Settings > Billing; the refund button is greyed out",
                Slot.TRIED));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Nothing yet.", "The customer says Baton suggested a refund.", "wants to talk to a person"})
    void wordsThatDescribeTheConversationAreNotHeldAgainstALine(String line) {
        assertEquals(Optional.empty(), check(line, Slot.TRIED));
    }

    @Test
    void aLineMostlyOfWordsNobodySaidIsNotSupported() {
        Optional<String> reason = check("wants a replacement laptop shipped overnight", Slot.WANTS);

        assertEquals(Optional.of("only 0 of its 4 content words are in the transcript"
                + " (not: \"replacement\", \"laptop\", \"shipped\", \"overnight\")"), reason);
    }

    @Test
    void aFewWordsOfItsOwnAreAllowedInALineThatMostlyRepeatsTheTranscript() {
        assertEquals(Optional.empty(), check("a refund for the double charge on Lumen Plus this month", Slot.WANTS));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "  "})
    void anEmptyLineInventsNothing(String line) {
        assertEquals(Optional.empty(), check(line, Slot.FEELS, ANGER));
    }

    @Test
    void angryIsSupportedByAnAngerCue() {
        assertEquals(Optional.empty(), check("angry", Slot.FEELS, ANGER));
        assertEquals(Optional.empty(), check("The customer seems increasingly angry (\"the refund button is greyed"
                + " out\")", Slot.FEELS, ANGER));
    }

    @Test
    void angryWithoutACueOrTheWordIsNotSupported() {
        Optional<String> reason = check("angry", Slot.FEELS);

        assertTrue(reason.orElseThrow().startsWith("\"angry\" has no evidence"), reason::toString);
    }

    @Test
    void aWeakCueIsNoEvidence() {
        assertTrue(check("angry", Slot.FEELS, new Cue(CueKind.ANGER, 0.2, 2, "\"greyed out\"")).isPresent());
    }

    @Test
    void aCueOfAnotherKindIsNoEvidence() {
        assertTrue(check("grieving", Slot.FEELS, ANGER).isPresent());
    }

    @Test
    void aFeelingTheCustomerNamedNeedsNoCue() {
        List<Message> transcript = List.of(Message.customer("Honestly I'm worried and a bit confused."));

        assertEquals(Optional.empty(), Support.unsupported("worried, confused", Slot.FEELS, transcript, List.of()));
    }

    @ParameterizedTest(name = "{0} with {1} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            calm            | ANGER        | 0.8 | false
            calm            | ANGER        | 0.4 | true
            happy           | ANXIETY      | 0.6 | false
            calm            | OUT_OF_SCOPE | 0.9 | true
            calm            | HUMAN_REQUEST| 0.9 | true
            not angry       | ANGER        | 0.8 | false
            """)
    void aCalmClaimIsFalseWhenAStrongFeelingCueSaysOtherwise(String line, CueKind kind, double score,
                                                                       boolean supported) {
        Optional<String> reason = check(line, Slot.FEELS, new Cue(kind, score, 2, "evidence"));

        assertEquals(supported, reason.isEmpty(), reason::toString);
    }

    @Test
    void aCalmLineNamesTheCueThatContradictsIt() {
        assertEquals(Optional.of("\"calm\" is contradicted by the anger cue (0.8)"), check("calm", Slot.FEELS, ANGER));
    }

    @Test
    void feelingWordsCountAsContentOutsideAFeelsLine() {
        assertTrue(check("wants to stop feeling furious and devastated", Slot.WANTS).isPresent());
    }
}
