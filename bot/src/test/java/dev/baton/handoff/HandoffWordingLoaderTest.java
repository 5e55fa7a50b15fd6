package dev.baton.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.triage.CueKind;
import dev.baton.yaml.ConfigException;
import dev.baton.yaml.ConfigException.Problem;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoffWordingLoaderTest {

    private static final String FILE = "messages.yaml";
    private static final HandoffWording DEFAULTS = HandoffWording.defaults();

    @TempDir
    Path dir;

    @Test
    void theShippedFileLoadsAndRestatesTheBuiltInWording() {
        HandoffWording shipped = HandoffWordingLoader.load(shippedFile());

        for (CueKind kind : CueKind.values()) {
            assertEquals(DEFAULTS.template(kind, true), shipped.template(kind, true), kind + " on shift");
            assertEquals(DEFAULTS.template(kind, false), shipped.template(kind, false), kind + " off shift");
        }
        assertEquals(DEFAULTS.crisisResources(), shipped.crisisResources());
        assertEquals(DEFAULTS.smallTalk(), shipped.smallTalk());
    }

    @Test
    void theSmallTalkReplyCanBeReworded() {
        HandoffWording wording = parse("small_talk: \"Hey! Ask away, or type 'person' for a human.\"\n");

        assertEquals("Hey! Ask away, or type 'person' for a human.", wording.smallTalk());
        assertEquals(DEFAULTS.crisisResources(), wording.crisisResources());
    }

    @Test
    void aSmallTalkReplyWithAPlaceholderIsRefusedWhereItIs() {
        Problem problem = single(problemsIn("small_talk: \"Hi {person}!\"\n"));

        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("`small_talk` is shown exactly as written"), problem.message());
    }

    @Test
    void anEmptyFileOrOneWithOnlyCommentsKeepsTheBuiltInWording() {
        for (String yaml : List.of("", "# nothing changed yet\n", "handoff:\n")) {
            HandoffWording wording = parse(yaml);

            assertEquals(DEFAULTS.template(CueKind.ANGER, true), wording.template(CueKind.ANGER, true));
            assertEquals(DEFAULTS.crisisResources(), wording.crisisResources());
        }
    }

    @Test
    void overridesReplaceOnlyTheTextsTheyGive() {
        HandoffWording wording = parse("""
                handoff:
                  sadness_grief:
                    on_shift: "I'm so sorry. {person} will look after this for you, gently and without rushing."
                  default:
                    on_shift: >-
                      {person} {from_team} is on the way,
                      usually within {wait}.
                crisis_resources: "Call 999 if you are in danger."
                """);

        assertEquals("I'm so sorry. {person} will look after this for you, gently and without rushing.",
                wording.template(CueKind.SADNESS_GRIEF, true));
        assertEquals(DEFAULTS.template(CueKind.SADNESS_GRIEF, false), wording.template(CueKind.SADNESS_GRIEF, false));
        assertEquals("Sam from billing is on the way, usually within about 5 minutes.",
                wording.render(CueKind.OUT_OF_SCOPE, NoticeFacts.onShift("Sam", "billing", Duration.ofMinutes(5), now())));
        // Anger has built-in wording of its own, which an edited default does not replace.
        assertEquals(DEFAULTS.template(CueKind.ANGER, true), wording.template(CueKind.ANGER, true));
        assertEquals("Call 999 if you are in danger.", wording.crisisResources());
        assertTrue(wording.render(CueKind.CRISIS, NoticeFacts.onShift("Sam", null, Duration.ofMinutes(5), now()))
                .endsWith("\n\nCall 999 if you are in danger."));
    }

    @Test
    void anUnknownCueKeySuggestsTheNearMissAndListsTheKeys() {
        Problem problem = single(problemsIn("""
                handoff:
                  sadness:
                    on_shift: "{person} is coming."
                """));

        assertEquals(2, problem.line());
        assertEquals(3, problem.column());
        assertTrue(problem.message().contains("unknown key `sadness` (did you mean `sadness_grief`?)"), problem.message());
        assertTrue(problem.message().contains("default, crisis, anger, sadness_grief"), problem.message());
    }

    @Test
    void anUnknownShiftKeySuggestsTheNearMiss() {
        Problem problem = single(problemsIn("""
                handoff:
                  anger:
                    onshift: "{person} is coming."
                """));

        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("did you mean `on_shift`?"), problem.message());
    }

    @Test
    void anUnknownPlaceholderIsReportedAtItsOwnColumnWithTheNearMiss() {
        Problem problem = single(problemsIn("""
                handoff:
                  anger:
                    on_shift: "Handing this to {persn} now, {person} will reply within {wait}."
                """));

        assertEquals("messages.yaml:3:32: `handoff.anger.on_shift`: unknown placeholder `{persn}` (did you mean"
                + " `{person}`?); placeholders: {person}, {from_team}, {team}, {mention}, {wait}, {when}",
                problem.toString());
    }

    @Test
    void aPlaceholderTypoInsideAParagraphIsReportedOnItsOwnLine() {
        List<Problem> problems = problemsIn("""
                handoff:
                  default:
                    off_shift: >-
                      {person} is away just now
                      and back {wehn}.
                """);

        // The missing {when} concerns the whole text; the typo is found where it was typed.
        assertEquals(2, problems.size(), problems::toString);
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("add `{when}`"), problems.get(0).message());
        Problem typo = problems.get(1);
        assertEquals(5, typo.line());
        assertEquals(16, typo.column());
        assertTrue(typo.message().contains("did you mean `{when}`?"), typo.message());
    }

    @Test
    void aStrayBraceAfterAGoodPlaceholderIsPointedAtNotTheGoodOne() {
        Problem problem = single(problemsIn("""
                handoff:
                  default:
                    on_shift: "{person} is coming within {wait}, {person} said so}."
                """));

        assertEquals(66, problem.column());
        assertTrue(problem.message().contains("a lone `}`"), problem.message());
    }

    @Test
    void theSameTypoTwiceIsReportedAtEachPlace() {
        List<Problem> problems = problemsIn("""
                handoff:
                  default:
                    on_shift: "{person} {wiat}, really {wiat}."
                """);

        assertEquals(List.of(25, 40), problems.stream().map(Problem::column).toList(), problems::toString);
    }

    @Test
    void aTemplateThatDoesNotNameThePersonIsRejected() {
        Problem problem = single(problemsIn("""
                handoff:
                  urgency:
                    on_shift: "Someone from {team} is on it."
                """));

        assertEquals(3, problem.line());
        assertEquals(15, problem.column());
        assertTrue(problem.message().contains("`handoff.urgency.on_shift`: the customer must be told who is coming:"
                + " add `{person}`"), problem.message());
    }

    @Test
    void anOffShiftTemplateMustSayWhenAndAnOnShiftOneCannot() {
        List<Problem> problems = problemsIn("""
                handoff:
                  anxiety:
                    on_shift: "{person} is back {when}."
                    off_shift: "{person} will reply soon."
                """);

        assertEquals(2, problems.size(), problems::toString);
        assertEquals(3, problems.get(0).line());
        assertEquals(33, problems.get(0).column());
        assertTrue(problems.get(0).message().contains("on shift, say how soon with `{wait}`"), problems.get(0).message());
        assertEquals(4, problems.get(1).line());
        assertTrue(problems.get(1).message().contains("add `{when}`"), problems.get(1).message());
    }

    @Test
    void aLoneBraceIsRejectedAtItsColumn() {
        List<Problem> problems = problemsIn("""
                handoff:
                  default:
                    on_shift: "{person is coming within {wait}."
                """);

        // "{person" without its brace is not {person}, so the person is not named either.
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("add `{person}`"), problems.get(0).message());
        assertEquals(16, problems.get(1).column());
        assertTrue(problems.get(1).message().contains("a lone `{`"), problems.get(1).message());
    }

    @Test
    void emptyTextIsRejectedAtItsLine() {
        List<Problem> problems = problemsIn("""
                handoff:
                  anger:
                    on_shift: ""
                    off_shift:
                crisis_resources: "   "
                """);

        assertEquals(List.of(3, 4, 5), problems.stream().map(Problem::line).toList(), problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.message().contains("is empty")), problems::toString);
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndWhatWasFound() {
        List<Problem> problems = problemsIn("""
                handoff:
                  anger: "{person} is coming."
                  anxiety:
                    on_shift:
                      - "{person} is coming."
                  urgency: {}
                crisis_resources:
                  text: "Call 999."
                """);

        assertEquals(List.of(2, 5, 6, 8), problems.stream().map(Problem::line).toList(), problems::toString);
        assertTrue(problems.get(0).message().contains("`handoff.anger` must give `on_shift:` and/or `off_shift:`"
                + " wording, but found a single value"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("`handoff.anxiety.on_shift` must be text, but found a list"),
                problems.get(1).message());
        assertTrue(problems.get(2).message().contains("but found nothing"), problems.get(2).message());
        assertTrue(problems.get(3).message().contains("`crisis_resources` must be text"), problems.get(3).message());
    }

    @Test
    void handoffThatIsNotAMappingIsAWrongType() {
        Problem problem = single(problemsIn("""
                handoff:
                  - "{person} is coming."
                """));

        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("`handoff` must map cue names"), problem.message());
    }

    @Test
    void crisisResourcesAreShownAsWrittenSoPlaceholdersAreRejected() {
        Problem problem = single(problemsIn("""
                crisis_resources: "Please call {emergency_number}."
                """));

        assertEquals(1, problem.line());
        assertEquals(32, problem.column());
        assertTrue(problem.message().contains("cannot hold placeholders"), problem.message());
    }

    @Test
    void anUnknownTopLevelKeyAndADuplicateKeyAreReported() {
        List<Problem> problems = problemsIn("""
                handoffs:
                  default:
                    on_shift: "{person}"
                crisis_resources: "Call 999."
                crisis_resources: "Call 112."
                """);

        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("did you mean `handoff`?"), problems.get(0).message());
        assertEquals(5, problems.get(1).line());
        assertTrue(problems.get(1).message().contains("duplicate key `crisis_resources`"), problems.get(1).message());
    }

    @Test
    void severalProblemsAreAllReportedInFileOrder() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                handoff:
                  angr:
                    on_shift: "{person} is coming."
                  sadness_grief:
                    on_shift: "Someone will be with you."
                    off_shift: "{person} is back {when}, {persn}."
                  default:
                    on_shift: ""
                """));

        List<Problem> problems = e.problems();
        assertEquals(List.of(2, 5, 6, 8), problems.stream().map(Problem::line).toList(), problems::toString);
        assertEquals(4, e.getMessage().lines().count());
        assertTrue(e.getMessage().lines().allMatch(line -> line.startsWith(FILE + ":")), e.getMessage());
    }

    @Test
    void aTopLevelListIsAWrongType() {
        Problem problem = single(problemsIn("- handoff\n"));

        assertTrue(problem.message().contains("the top level must be a mapping"), problem.message());
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithItsLine() {
        Problem problem = single(problemsIn("""
                handoff:
                  anger:
                    on_shift: "{person} is coming.
                """));

        assertTrue(problem.message().startsWith("YAML syntax error"), problem.message());
        assertTrue(problem.message().contains("line 3"), problem.message());
    }

    @Test
    void loadReadsAUtf8FileAndPointsIntoIt() throws Exception {
        Path file = dir.resolve("messages.yaml");
        // With a byte-order mark and Windows line endings, as some editors save it.
        Files.writeString(file, "\uFEFF" + """
                handoff:
                  default:
                    on_shift: "Je fais venir {person} — réponse d’ici {attente}."
                """.replace("\n", "\r\n"), StandardCharsets.UTF_8);

        ConfigException e = assertThrows(ConfigException.class, () -> HandoffWordingLoader.load(file));

        Problem problem = single(e.problems());
        assertEquals(file.toString(), problem.file());
        assertEquals(3, problem.line());
        assertEquals(55, problem.column());
    }

    @Test
    void aMissingFileNamesThePath() {
        Path missing = dir.resolve("nowhere.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> HandoffWordingLoader.load(missing));

        assertTrue(single(e.problems()).message().contains("not found"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    private static Path shippedFile() {
        // Tests run in bot/; the shipped configuration sits beside it.
        for (Path candidate : List.of(Path.of("..", "config", "messages.yaml"), Path.of("config", "messages.yaml"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("config/messages.yaml not found from " + Path.of("").toAbsolutePath());
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.of(2025, 3, 12, 14, 30, 0, 0, ZoneId.of("Europe/London"));
    }

    private static HandoffWording parse(String yaml) {
        return HandoffWordingLoader.parse(FILE, new StringReader(yaml));
    }

    private static List<Problem> problemsIn(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertTrue(e.problems().stream().allMatch(p -> p.file().equals(FILE)));
        return e.problems();
    }

    private static Problem single(List<Problem> problems) {
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }
}
