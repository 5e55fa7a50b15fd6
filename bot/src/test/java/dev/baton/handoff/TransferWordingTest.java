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
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** What the customer is told when a person transfers their handoff to a colleague: {@code transferred:} in messages.yaml. */
class TransferWordingTest {

    private static final String FILE = "messages.yaml";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 12, 14, 30, 0, 0, LONDON);
    private static final ZonedDateTime TOMORROW_NINE = ZonedDateTime.of(2025, 3, 13, 9, 0, 0, 0, LONDON);
    private static final HandoffWording DEFAULTS = HandoffWording.defaults();

    @ParameterizedTest(name = "{0} on shift {1}, team {2}")
    @MethodSource("dev.baton.handoff.MissedPickupWordingTest#everyCueOnAndOffShiftWithAndWithoutTeam")
    void everyTransferNamesTheNewPersonInTidySentencesWithoutApologisingForAWait(CueKind kind, boolean onShift,
                                                                               String team) {
        String notice = DEFAULTS.transferred(kind, facts("Sam", team, onShift));

        assertTrue(notice.contains("Sam"), notice);
        assertFalse(notice.contains("{") || notice.contains("}"), notice);
        assertFalse(notice.contains("  ") || notice.contains(" .") || notice.contains(" ,"), notice);
        assertEquals(!onShift, notice.contains("tomorrow at 09:00 (Europe/London)"), notice);
        String lower = notice.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("sorry for the wait") || lower.contains("took too long")
                || lower.contains("longer than it should"), () -> "a transfer is not a missed deadline: " + notice);
    }

    @Test
    void theTransferSaysWhoHasItNowAndThatThereIsNothingToRepeat() {
        assertEquals("Sam from support is taking over this conversation from here. Sam can see everything you've"
                + " written, so there's nothing to repeat, and is usually with you within about 10 minutes.",
                DEFAULTS.transferred(CueKind.OUT_OF_SCOPE, facts("Sam", "support", true)));
    }

    @Test
    void aCrisisTransferCarriesTheResourcesAgainAndOthersDoNot() {
        assertTrue(DEFAULTS.transferred(CueKind.CRISIS, facts("Sam", null, true))
                .endsWith("\n\n" + DEFAULTS.crisisResources()));
        assertTrue(DEFAULTS.transferred(CueKind.CRISIS, facts("Sam", null, false))
                .endsWith("\n\n" + DEFAULTS.crisisResources()));
        assertFalse(DEFAULTS.transferred(CueKind.ANGER, facts("Sam", null, true)).contains(DEFAULTS.crisisResources()));
    }

    @Test
    void theShippedFileRestatesTheBuiltInTransferWording() {
        HandoffWording shipped = HandoffWordingLoader.load(shippedFile());

        for (CueKind kind : CueKind.values()) {
            assertEquals(DEFAULTS.transferredTemplate(kind, true), shipped.transferredTemplate(kind, true), kind + " on");
            assertEquals(DEFAULTS.transferredTemplate(kind, false), shipped.transferredTemplate(kind, false),
                    kind + " off");
        }
    }

    @Test
    void anOverrideReplacesOnlyTheTransferTextItGives() {
        HandoffWording wording = parse("""
                transferred:
                  anger:
                    on_shift: "{person} {from_team} has this now."
                """);

        assertEquals("Sam from support has this now.", wording.transferred(CueKind.ANGER, facts("Sam", "support", true)));
        assertEquals(DEFAULTS.transferredTemplate(CueKind.ANGER, false), wording.transferredTemplate(CueKind.ANGER, false));
        assertEquals(DEFAULTS.reroutedTemplate(CueKind.ANGER, true), wording.reroutedTemplate(CueKind.ANGER, true));
        // Grief has built-in transfer wording of its own, which an edited default does not replace.
        assertEquals(DEFAULTS.transferredTemplate(CueKind.SADNESS_GRIEF, true),
                parse("transferred:\n  default:\n    on_shift: \"{person} has it.\"\n")
                        .transferredTemplate(CueKind.SADNESS_GRIEF, true));
    }

    @Test
    void aTransferFollowsTheHandoffRulesNamingThePersonAndWhenTheyAreBack() {
        List<Problem> problems = problemsIn("""
                transferred:
                  default:
                    on_shift: "Someone else has it now."
                    off_shift: "{person} has it now."
                """);

        assertEquals(2, problems.size(), problems::toString);
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("`transferred.default.on_shift`: the customer must be told"
                + " who is coming"), problems.get(0).message());
        assertEquals(4, problems.get(1).line());
        assertTrue(problems.get(1).message().contains("add `{when}`"), problems.get(1).message());
    }

    @Test
    void aPlaceholderTypoInATransferIsReportedAtItsColumn() {
        List<Problem> problems = problemsIn("""
                transferred:
                  crisis:
                    on_shift: "{persn} is here, and {person} has read everything."
                """);

        assertEquals(1, problems.size(), problems::toString);
        Problem first = problems.get(0);
        assertEquals(3, first.line());
        assertEquals(16, first.column());
        assertTrue(first.message().startsWith("`transferred.crisis.on_shift`: unknown placeholder `{persn}`"),
                first.message());
    }

    @Test
    void aMisspeltTransferSectionSuggestsTheNearMiss() {
        Problem problem = problemsIn("""
                transfered:
                  default:
                    on_shift: "{person} has it now."
                """).get(0);

        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("did you mean `transferred`?"), problem.message());
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

    private static Path shippedFile() {
        for (Path candidate : List.of(Path.of("..", "config", "messages.yaml"), Path.of("config", "messages.yaml"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("config/messages.yaml not found from " + Path.of("").toAbsolutePath());
    }
}
