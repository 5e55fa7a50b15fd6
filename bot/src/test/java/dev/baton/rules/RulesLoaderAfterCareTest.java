package dev.baton.rules;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.rules.AfterCareRules.Ask;
import dev.baton.triage.CueKind;
import dev.baton.yaml.ConfigException;
import dev.baton.yaml.ConfigException.Problem;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rules.yaml's {@code aftercare:} section: defaults, overrides, and each mistake at its line and column. */
class RulesLoaderAfterCareTest {

    private static final String FILE = "config/rules.yaml";

    @Test
    void withoutTheSectionBatonNeverAsksAfterCrisisAndOnlyClosesForGrief() {
        AfterCareRules rules = parse("default: {}\n").aftercare();
        assertAll(
                () -> assertEquals(Duration.ofDays(3), rules.expiresAfter()),
                () -> assertEquals(Ask.NONE, rules.ask(CueKind.CRISIS)),
                () -> assertEquals(Ask.CLOSING_LINE, rules.ask(CueKind.SADNESS_GRIEF)),
                () -> assertEquals(Ask.RATING, rules.ask(CueKind.ANGER)));
    }

    @Test
    void theSectionSetsTheExpiryAndPerCueChoicesAndCuesItLeavesOutKeepTheBuiltInOnes() {
        AfterCareRules rules = parse("""
                default: {}
                aftercare:
                  expires_after: 1d12h
                  cues: {anger: none, anxiety: closing_line}
                """).aftercare();
        assertAll(
                () -> assertEquals(Duration.ofHours(36), rules.expiresAfter()),
                () -> assertEquals(Ask.NONE, rules.ask(CueKind.ANGER)),
                () -> assertEquals(Ask.CLOSING_LINE, rules.ask(CueKind.ANXIETY)),
                () -> assertEquals(Ask.NONE, rules.ask(CueKind.CRISIS), "not named: still none"),
                () -> assertEquals(Ask.CLOSING_LINE, rules.ask(CueKind.SADNESS_GRIEF)));
    }

    @Test
    void theShippedRulesFileDocumentsAndUsesTheSection() {
        RuleBook book = RulesLoader.load(Path.of("..", "config", "rules.yaml"), null, null);
        assertEquals(Ask.NONE, book.aftercare().ask(CueKind.CRISIS));
    }

    @Test
    void anUnknownKeyIsAnErrorAtItsPlace() {
        Problem problem = single("default: {}\naftercare:\n  expire_after: 3d\n");
        assertEquals(3, problem.line());
        assertEquals(3, problem.column());
        assertTrue(problem.message().contains("expire_after"), problem.message());
    }

    @Test
    void anUnknownCueNameIsAnErrorWithASuggestion() {
        Problem problem = single("default: {}\naftercare:\n  cues: {grief: none}\n");
        assertEquals(3, problem.line());
        assertEquals(10, problem.column());
        assertTrue(problem.message().contains("did you mean `sadness_grief`"), problem.message());
    }

    @Test
    void anUnknownChoiceIsAnErrorNamingTheChoices() {
        Problem problem = single("default: {}\naftercare:\n  cues: {anger: ratings}\n");
        assertEquals(3, problem.line());
        assertEquals(17, problem.column());
        assertTrue(problem.message().contains("rating, closing_line or none")
                || problem.message().contains("`rating`"), problem.message());
        assertTrue(problem.message().contains("did you mean `rating`"), problem.message());
    }

    @Test
    void aBadDurationIsAnErrorAtTheValue() {
        Problem problem = single("default: {}\naftercare:\n  expires_after: soon\n");
        assertEquals(3, problem.line());
        assertEquals(18, problem.column());
        assertTrue(problem.message().startsWith("`expires_after`"), problem.message());
    }

    @Test
    void aCueGivenTwiceIsAnError() {
        Problem problem = single("default: {}\naftercare:\n  cues:\n    anger: none\n    anger: rating\n");
        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("given twice"), problem.message());
    }

    private static RuleBook parse(String yaml) {
        return RulesLoader.parse(FILE, new StringReader(yaml), null, null);
    }

    private static Problem single(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        List<Problem> problems = e.problems();
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(FILE, problems.get(0).file());
        return problems.get(0);
    }
}
