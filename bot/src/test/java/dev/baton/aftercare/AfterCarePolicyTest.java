package dev.baton.aftercare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.rules.AfterCareRules;
import dev.baton.rules.AfterCareRules.Ask;
import dev.baton.triage.CueKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AfterCarePolicyTest {

    private static final AfterCareRules BUILT_IN = AfterCareRules.DEFAULTS;

    @Test
    void nothingIsAskedAfterACrisisAndTheReasonSaysSo() {
        Choice choice = AfterCarePolicy.choose("crisis", List.of("crisis"), false, BUILT_IN);
        assertTrue(assertInstanceOf(Choice.Nothing.class, choice).why().contains("crisis"), choice::toString);
    }

    @Test
    void griefGetsTheClosingLineOnly() {
        assertEquals(Kind.CLOSING_LINE, post(AfterCarePolicy.choose("sadness_grief", List.of("sadness_grief",
                "out_of_scope"), false, BUILT_IN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"anger", "anxiety", "urgency", "frustration", "human_request", "nonlinear", "out_of_scope"})
    void everyOtherReasonGetsTheRatingQuestion(String reason) {
        assertEquals(Kind.RATING, post(AfterCarePolicy.choose(reason, List.of(reason), false, BUILT_IN)));
    }

    @Test
    void aPracticeHandoffGetsNothingWhateverItsReason() {
        Choice choice = AfterCarePolicy.choose("human_request", List.of("human_request"), true, BUILT_IN);
        assertTrue(assertInstanceOf(Choice.Nothing.class, choice).why().contains("practice"), choice::toString);
    }

    @Test
    void theGentlestChoiceAmongAllReasonsWinsNotOnlyTheMainReasons() {
        assertInstanceOf(Choice.Nothing.class, AfterCarePolicy.choose("anger", List.of("anger", "crisis"), false,
                BUILT_IN));
        assertEquals(Kind.CLOSING_LINE, post(AfterCarePolicy.choose("out_of_scope", List.of("out_of_scope",
                "sadness_grief"), false, BUILT_IN)));
    }

    @Test
    void rulesYamlMayAskLessOrMoreForACue() {
        AfterCareRules rules = new AfterCareRules(Duration.ofDays(1), Map.of(CueKind.ANGER, Ask.NONE,
                CueKind.SADNESS_GRIEF, Ask.RATING));
        assertInstanceOf(Choice.Nothing.class, AfterCarePolicy.choose("anger", List.of("anger"), false, rules));
        assertEquals(Kind.RATING, post(AfterCarePolicy.choose("sadness_grief", List.of(), false, rules)));
        assertEquals(Kind.RATING, post(AfterCarePolicy.choose("crisis", List.of(), false, rules)),
                "a rules book built by hand without crisis asks; the loader keeps the built-in none");
    }

    @Test
    void aReasonNameBatonNoLongerKnowsAsksForNoLessThanARating() {
        assertEquals(Kind.RATING, post(AfterCarePolicy.choose("retired_cue", List.of("retired_cue"), false, BUILT_IN)));
    }

    private static Kind post(Choice choice) {
        return assertInstanceOf(Choice.Post.class, choice).kind();
    }
}
