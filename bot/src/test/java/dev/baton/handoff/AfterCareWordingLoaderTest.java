package dev.baton.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.yaml.ConfigException;
import dev.baton.yaml.ConfigException.Problem;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** messages.yaml's {@code aftercare:}: defaults, overrides, and {@code {person}} checked where it is written. */
class AfterCareWordingLoaderTest {

    private static final String FILE = "messages.yaml";

    @Test
    void withoutTheSectionTheBuiltInWordingNamesWhoResolvedIt() {
        AfterCareWording wording = parse("small_talk: Hi!\n").afterCare();
        assertEquals("Alex marked this as sorted. Did this help?", wording.ask("Alex"));
        assertEquals("Sam has marked this as done. We're thinking of you, and we're here whenever you need us.",
                wording.closingLine("Sam"));
        assertEquals(AfterCareWording.defaults(), wording);
    }

    @Test
    void eachTextMayBeRewordedAndTheRestKeepTheirs() {
        AfterCareWording wording = parse("""
                aftercare:
                  ask: "Did {person} sort this out for you?"
                  thanks_down: "Sorry {person} couldn't fix it. Write here and we'll look again."
                """).afterCare();
        assertEquals("Did Alex sort this out for you?", wording.ask("Alex"));
        assertEquals("Sorry Alex couldn't fix it. Write here and we'll look again.",
                AfterCareWording.fill(wording.thanksDown(), "Alex"));
        assertEquals(AfterCareWording.defaults().expired(), wording.expired());
    }

    @Test
    void theQuestionAndTheClosingLineMustNameThePerson() {
        List<Problem> problems = problemsIn("aftercare:\n  ask: Did this help?\n  closing_line: Take care.\n");
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("`aftercare.ask`: the customer must be told who"),
                problems.get(0).message());
        assertEquals(2, problems.get(0).line());
    }

    @Test
    void anUnknownPlaceholderIsReportedAtItsColumn() {
        Problem problem = single(problemsIn("aftercare:\n  ask: \"{persn} marked this as sorted, {person} says\"\n"));
        assertEquals(2, problem.line());
        assertEquals(9, problem.column());
        assertTrue(problem.message().contains("unknown placeholder `{persn}` (did you mean `{person}`?)"),
                problem.message());
    }

    @Test
    void anUnknownKeyIsAnError() {
        Problem problem = single(problemsIn("aftercare:\n  thanks: Cheers\n"));
        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("thanks"), problem.message());
    }

    @Test
    void theShippedMessagesFileRestatesTheBuiltInWording() {
        assertEquals(AfterCareWording.defaults(),
                HandoffWordingLoader.load(Path.of("..", "config", "messages.yaml")).afterCare());
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
}
