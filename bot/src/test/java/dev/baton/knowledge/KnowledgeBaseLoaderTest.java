package dev.baton.knowledge;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.yaml.ConfigException.Problem;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeBaseLoaderTest {

    private static final String FILE = "kb.yaml";

    @TempDir
    Path dir;

    @Test
    void aValidFileLoadsWithAllFieldsTrimmed() {
        KnowledgeBase kb = parse("""
                entries:
                  - id: refund-policy
                    topic: "  billing  "
                    questions:
                      - "Can I get a refund?"
                      - "  How do I get my money back?  "
                    answer: |
                      Refunds are available within 30 days.
                    source: https://example.org/refunds
                  - id: opening.hours_2
                    questions: ["When are you open?"]
                    answer: Nine to five.
                """);

        assertEquals(FILE, kb.origin());
        assertEquals(2, kb.size());
        assertEquals(new KnowledgeEntry("refund-policy", "billing",
                        List.of("Can I get a refund?", "How do I get my money back?"),
                        "Refunds are available within 30 days.", "https://example.org/refunds"),
                kb.entries().get(0));
        KnowledgeEntry minimal = kb.find("opening.hours_2").orElseThrow();
        assertAll(
                () -> assertNull(minimal.topic()),
                () -> assertNull(minimal.source()),
                () -> assertEquals(List.of("When are you open?"), minimal.questions()),
                () -> assertEquals("Nine to five.", minimal.answer()));
    }

    @Test
    void loadReadsAUtf8FileFromDisk() throws Exception {
        Path file = dir.resolve("kb.yaml");
        // With a byte-order mark, as some Windows editors save it.
        Files.writeString(file, """
                \uFEFFentries:
                  - id: cafe
                    questions: ["Où est le café ?"]
                    answer: À droite.
                """, StandardCharsets.UTF_8);

        KnowledgeBase kb = KnowledgeBaseLoader.load(file);

        assertEquals(file.toString(), kb.origin());
        assertEquals("À droite.", kb.find("cafe").orElseThrow().answer());
    }

    @Test
    void aMissingFileNamesThePath() {
        Path missing = dir.resolve("nowhere.yaml");

        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.load(missing));

        Problem problem = single(e.problems());
        assertEquals(missing.toString(), problem.file());
        assertTrue(problem.message().contains("not found"), problem.message());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void anEmptyFileIsAnError() {
        Problem problem = single(problemsIn(""));

        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("empty"), problem.message());
    }

    @Test
    void aFileWithOnlyCommentsIsAnError() {
        assertTrue(single(problemsIn("# nothing yet\n")).message().contains("empty"));
    }

    @Test
    void anEmptyEntriesListIsAnError() {
        Problem problem = single(problemsIn("""
                # knowledge base
                entries: []
                """));

        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("`entries` is empty"), problem.message());
    }

    @Test
    void entriesWithNothingAfterItIsAnError() {
        assertEquals(1, single(problemsIn("entries:\n")).line());
    }

    @Test
    void entriesThatIsNotAListIsAWrongTypeAtItsLine() {
        Problem problem = single(problemsIn("""
                entries:
                  id: refund-policy
                """));

        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("must be a list"), problem.message());
    }

    @Test
    void aTopLevelListIsAWrongType() {
        Problem problem = single(problemsIn("""
                - id: refund-policy
                """));

        assertTrue(problem.message().contains("top level"), problem.message());
    }

    @Test
    void aDuplicateIdNamesBothLines() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                    questions: ["Refund?"]
                    answer: Yes.
                  - questions: ["Money back?"]
                    id: refund-policy
                    answer: Yes.
                """));

        assertEquals(6, problem.line());
        assertEquals(9, problem.column());
        assertTrue(problem.message().contains("duplicate id `refund-policy`"), problem.message());
        assertTrue(problem.message().contains("line 2"), problem.message());
    }

    @Test
    void aMissingAnswerPointsAtTheStartOfTheEntry() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: ok
                    questions: ["A?"]
                    answer: A.
                  - id: no-answer
                    questions: ["B?"]
                """));

        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("`no-answer`"), problem.message());
        assertTrue(problem.message().contains("missing `answer:`"), problem.message());
    }

    @Test
    void aMissingIdAndQuestionsAreReportedAtTheStartOfTheEntry() {
        List<Problem> problems = problemsIn("""
                entries:
                  - answer: A.
                """);

        assertEquals(2, problems.size());
        assertTrue(problems.stream().allMatch(p -> p.line() == 2), problems::toString);
    }

    @Test
    void anUnknownKeyListsTheAllowedKeysAndSuggestsTheNearMiss() {
        List<Problem> problems = problemsIn("""
                entries:
                  - id: refund-policy
                    question: "Can I get a refund?"
                    answer: Yes.
                """);

        Problem unknown = problems.stream().filter(p -> p.message().contains("unknown key")).findFirst().orElseThrow();
        assertEquals(3, unknown.line());
        assertEquals(5, unknown.column());
        assertTrue(unknown.message().contains("did you mean `questions`?"), unknown.message());
        assertTrue(unknown.message().contains("id, topic, questions, answer, source"), unknown.message());
    }

    @Test
    void anUnknownKeyWithoutANearMissOnlyListsTheAllowedKeys() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                    questions: ["Refund?"]
                    answer: Yes.
                    colour: blue
                """));

        assertEquals(5, problem.line());
        assertFalse(problem.message().contains("did you mean"), problem.message());
        assertTrue(problem.message().contains("allowed keys"), problem.message());
    }

    @Test
    void anUnknownTopLevelKeyIsAnError() {
        List<Problem> problems = problemsIn("""
                entry:
                  - id: refund-policy
                """);

        assertEquals(1, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("did you mean `entries`?"), problems.get(0).message());
    }

    @Test
    void aDuplicateKeyInAnEntryNamesBothLines() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                    answer: Yes.
                    questions: ["Refund?"]
                    answer: No.
                """));

        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("duplicate key `answer`"), problem.message());
        assertTrue(problem.message().contains("line 3"), problem.message());
    }

    @Test
    void questionsWrittenAsAStringIsAWrongTypeAtItsLine() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                    questions: Can I get a refund?
                    answer: Yes.
                """));

        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("`questions` must be a list"), problem.message());
        assertTrue(problem.message().contains("Can I get a refund?"), problem.message());
    }

    @Test
    void anAnswerWrittenAsAListIsAWrongTypeAtItsLine() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                    questions: ["Refund?"]
                    answer:
                      - Yes.
                """));

        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("`answer` must be text"), problem.message());
    }

    @Test
    void aBlankQuestionIsReportedAtItsLine() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                    questions:
                      - "Can I get a refund?"
                      - "   "
                    answer: Yes.
                """));

        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("question 2 is blank"), problem.message());
    }

    @Test
    void anEmptyQuestionsListIsAnError() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                    questions: []
                    answer: Yes.
                """));

        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("`questions` is empty"), problem.message());
    }

    @Test
    void aBlankAnswerIsReportedAtItsLine() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                    questions: ["Refund?"]
                    answer: "  "
                """));

        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("`answer` is blank"), problem.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/refunds", "example.org/refunds", "ftp://example.org/refunds", "mailto:help@example.org",
            "https://", "https://exa mple.org"})
    void anInvalidSourceUrlIsReportedAtItsLine(String source) {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                    questions: ["Refund?"]
                    answer: Yes.
                    source: "%s"
                """.formatted(source)));

        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("absolute http(s) URL"), problem.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"refund policy", "-refund", "refund/policy", "été"})
    void anIdOutsideTheAllowedCharactersIsRejectedAtItsLine(String id) {
        Problem problem = single(problemsIn("""
                entries:
                  - questions: ["Refund?"]
                    answer: Yes.
                    id: "%s"
                """.formatted(id)));

        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("is not valid"), problem.message());
    }

    @Test
    void severalProblemsAreAllReportedInFileOrder() {
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.parse(FILE,
                new StringReader("""
                        entries:
                          - id: a
                            questions: ["A?"]
                            answer: A.
                          - id: a
                            questions: ["A again?"]
                            answer: A.
                          - id: b
                            questions: ["B?"]
                          - id: b
                            questions: ["B again?"]
                            answer: B.
                        """)));

        List<Problem> problems = e.problems();
        assertEquals(List.of(5, 8, 10), problems.stream().map(Problem::line).toList(), problems::toString);
        assertEquals(3, e.getMessage().lines().count());
        assertTrue(e.getMessage().lines().allMatch(line -> line.startsWith(FILE + ":")), e.getMessage());
    }

    @Test
    void aYamlSyntaxErrorIsReportedAtTheParsersPosition() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                    questions: ["Refund?"]
                    answer: "unterminated
                """));

        // SnakeYAML reports where it gave up (end of file) and where the broken scalar began.
        assertEquals("kb.yaml:5:1: YAML syntax error: found unexpected end of stream"
                + " (while scanning a quoted scalar at line 4)", problem.toString());
    }

    @Test
    void aBadIndentIsReportedAtTheParsersPosition() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                   answer: Yes.
                """));

        assertEquals(3, problem.line());
        assertEquals(4, problem.column());
    }

    @Test
    void aSecondYamlDocumentIsReportedAtItsSeparator() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                    questions: ["Refund?"]
                    answer: Yes.
                ---
                entries: []
                """));

        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("one document"), problem.message());
    }

    @Test
    void aControlCharacterIsReportedAtItsLine() {
        Problem problem = single(problemsIn("""
                entries:
                  - id: refund-policy
                    questions: ["Refund?"]
                    answer: Yes\u0008.
                """));

        assertEquals(4, problem.line());
        assertEquals(16, problem.column());
        assertTrue(problem.message().contains("U+0008"), problem.message());
    }

    @Test
    void aProblemPrintsAsFileLineColumnMessage() {
        assertEquals("kb.yaml:3:5: oops", new Problem("kb.yaml", 3, 5, "oops").toString());
    }

    private static KnowledgeBase parse(String yaml) {
        return KnowledgeBaseLoader.parse(FILE, new StringReader(yaml));
    }

    private static List<Problem> problemsIn(String yaml) {
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class, () -> parse(yaml));
        assertTrue(e.problems().stream().allMatch(p -> p.file().equals(FILE)));
        return e.problems();
    }

    private static Problem single(List<Problem> problems) {
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }
}
