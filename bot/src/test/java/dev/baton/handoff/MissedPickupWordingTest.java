package dev.baton.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.triage.CueKind;
import dev.baton.yaml.ConfigException;
import dev.baton.yaml.ConfigException.Problem;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the customer is told when a pickup deadline is missed: {@code rerouted:} and {@code escalated:} in messages.yaml. */
class MissedPickupWordingTest {

    private static final String FILE = "messages.yaml";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Wednesday afternoon. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 12, 14, 30, 0, 0, LONDON);
    private static final ZonedDateTime TOMORROW_NINE = ZonedDateTime.of(2025, 3, 13, 9, 0, 0, 0, LONDON);
    private static final HandoffWording DEFAULTS = HandoffWording.defaults();

    static Stream<Arguments> everyCueOnAndOffShiftWithAndWithoutTeam() {
        List<Arguments> cases = new ArrayList<>();
        for (CueKind kind : CueKind.values()) {
            for (boolean onShift : new boolean[] {true, false}) {
                for (String team : new String[] {"billing", null}) {
                    cases.add(Arguments.of(kind, onShift, team));
                }
            }
        }
        return cases.stream();
    }

    @Nested
    @DisplayName("built in")
    class BuiltIn {

        @ParameterizedTest(name = "{0} on shift {1}, team {2}")
        @MethodSource("dev.baton.handoff.MissedPickupWordingTest#everyCueOnAndOffShiftWithAndWithoutTeam")
        void everyReRouteNamesTheNewPersonInTidySentencesWithNoBracesLeft(CueKind kind, boolean onShift, String team) {
            String notice = DEFAULTS.rerouted(kind, facts("Sam", team, onShift));

            assertTrue(notice.contains("Sam"), notice);
            assertFalse(notice.contains("{") || notice.contains("}"), notice);
            assertFalse(notice.contains("  ") || notice.contains(" .") || notice.contains(" ,"), notice);
            assertEquals(!onShift, notice.contains("tomorrow at 09:00 (Europe/London)"), notice);
        }

        @ParameterizedTest
        @EnumSource(CueKind.class)
        void everyEscalationSaysMoreHelpIsComingWithoutBlamingAnyone(CueKind kind) {
            String notice = DEFAULTS.escalated(kind, facts("Sam", "support", true));

            assertTrue(notice.contains("more of the team"), notice);
            assertFalse(notice.contains("Sam"), "never who did not pick it up: " + notice);
            assertFalse(notice.contains("{") || notice.contains("}"), notice);
        }

        @Test
        void theReRouteSaysSomeoneElseIsPickingItUpInstead() {
            assertEquals("Sorry for the wait. Sam from support is picking this up instead and can see everything you've"
                    + " written, so there's nothing to repeat. Sam is usually with you within about 10 minutes.",
                    DEFAULTS.rerouted(CueKind.OUT_OF_SCOPE, facts("Sam", "support", true)));
        }

        @Test
        void griefKeepsItsGentleToneWhenReRoutedAndEscalated() {
            String rerouted = DEFAULTS.rerouted(CueKind.SADNESS_GRIEF, facts("Sam", null, true));
            String escalated = DEFAULTS.escalated(CueKind.SADNESS_GRIEF, facts("Sam", null, true));

            assertTrue(rerouted.startsWith("I'm sorry this is taking longer than it should. Sam is going to help you"
                    + " with this personally instead."), rerouted);
            assertTrue(escalated.startsWith("I'm sorry for the wait."), escalated);
            assertFalse((rerouted + escalated).toLowerCase(java.util.Locale.ROOT).contains("faq"));
        }

        @Test
        void crisisReRoutesAndEscalationsCarryTheResourcesAgain() {
            assertTrue(DEFAULTS.rerouted(CueKind.CRISIS, facts("Sam", null, true))
                    .endsWith("\n\n" + DEFAULTS.crisisResources()));
            assertTrue(DEFAULTS.escalated(CueKind.CRISIS, facts("Sam", null, true))
                    .endsWith("\n\n" + DEFAULTS.crisisResources()));
            assertFalse(DEFAULTS.escalated(CueKind.ANGER, facts("Sam", null, true)).contains(DEFAULTS.crisisResources()));
        }
    }

    @Nested
    @DisplayName("in messages.yaml")
    class InTheFile {

        @Test
        void theShippedFileRestatesTheBuiltInWording() {
            HandoffWording shipped = HandoffWordingLoader.load(shippedFile());

            for (CueKind kind : CueKind.values()) {
                assertEquals(DEFAULTS.reroutedTemplate(kind, true), shipped.reroutedTemplate(kind, true), kind + " on");
                assertEquals(DEFAULTS.reroutedTemplate(kind, false), shipped.reroutedTemplate(kind, false), kind + " off");
                assertEquals(DEFAULTS.escalatedTemplate(kind), shipped.escalatedTemplate(kind), kind.toString());
            }
        }

        @Test
        void overridesReplaceOnlyTheTextsTheyGiveAndLeaveTheHandoffNoticesAlone() {
            HandoffWording wording = parse("""
                    rerouted:
                      anger:
                        on_shift: "{person} {from_team} has this now."
                    escalated:
                      default: "More of the team is on the way, {person} included."
                    """);

            assertEquals("Sam from support has this now.", wording.rerouted(CueKind.ANGER, facts("Sam", "support", true)));
            assertEquals(DEFAULTS.reroutedTemplate(CueKind.ANGER, false), wording.reroutedTemplate(CueKind.ANGER, false));
            assertEquals("More of the team is on the way, Sam included.",
                    wording.escalated(CueKind.OUT_OF_SCOPE, facts("Sam", null, true)));
            // Grief has built-in escalation wording of its own, which an edited default does not replace.
            assertEquals(DEFAULTS.escalatedTemplate(CueKind.SADNESS_GRIEF), wording.escalatedTemplate(CueKind.SADNESS_GRIEF));
            assertEquals(DEFAULTS.template(CueKind.ANGER, true), wording.template(CueKind.ANGER, true));
        }

        @Test
        void aReRouteFollowsTheHandoffRulesNamingThePersonAndWhenTheyAreBack() {
            List<Problem> problems = problemsIn("""
                    rerouted:
                      default:
                        on_shift: "Someone else has it now."
                        off_shift: "{person} has it now."
                    """);

            assertEquals(2, problems.size(), problems::toString);
            assertEquals(3, problems.get(0).line());
            assertTrue(problems.get(0).message().startsWith("`rerouted.default.on_shift`: the customer must be told who"
                    + " is coming"), problems.get(0).message());
            assertEquals(4, problems.get(1).line());
            assertTrue(problems.get(1).message().contains("add `{when}`"), problems.get(1).message());
        }

        @Test
        void anEscalationHasNoShiftSoWhenIsRejectedAtItsColumn() {
            Problem problem = single(problemsIn("""
                    escalated:
                      anger: "More help is coming {when}."
                    """));

            assertEquals(2, problem.line());
            assertEquals(31, problem.column());
            assertTrue(problem.message().startsWith("`escalated.anger`: `{when}` has no value here"), problem.message());
        }

        @Test
        void anEscalationIsOneTextNotShiftWording() {
            Problem problem = single(problemsIn("""
                    escalated:
                      anger:
                        on_shift: "More help is coming."
                    """));

            assertEquals(3, problem.line());
            assertTrue(problem.message().contains("`escalated.anger` must be text, but found a mapping"),
                    problem.message());
        }

        @Test
        void unknownCueKeysAndTopLevelKeysSuggestTheNearMiss() {
            List<Problem> problems = problemsIn("""
                    rerouted:
                      angr:
                        on_shift: "{person} has it now."
                    escalate:
                      anger: "More help is coming."
                    """);

            assertEquals(2, problems.size(), problems::toString);
            assertTrue(problems.get(0).message().contains("did you mean `anger`?"), problems.get(0).message());
            assertTrue(problems.get(1).message().contains("did you mean `escalated`?"), problems.get(1).message());
        }
    }

    private static NoticeFacts facts(String person, String team, boolean onShift) {
        return new NoticeFacts(person, team, null, onShift, Duration.ofMinutes(10), onShift ? null : TOMORROW_NINE, NOW);
    }

    private static HandoffWording parse(String yaml) {
        return HandoffWordingLoader.parse(FILE, new StringReader(yaml));
    }

    private static List<Problem> problemsIn(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).problems();
    }

    private static Problem single(List<Problem> problems) {
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    private static Path shippedFile() {
        for (Path candidate : List.of(Path.of("..", "config", "messages.yaml"), Path.of("config", "messages.yaml"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("config/messages.yaml not found from " + Path.of("").toAbsolutePath());
    }
}
