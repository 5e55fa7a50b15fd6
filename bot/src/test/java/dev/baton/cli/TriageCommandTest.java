package dev.baton.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code triage} command as other tools call it: through the CLI, stdin to stdout. */
class TriageCommandTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private record Run(int exit, List<JsonNode> lines, String stderr) {
    }

    private Run triage(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(mapper.readTree(line));
            }
        }
        return new Run(exit, lines, err.toString(StandardCharsets.UTF_8));
    }

    private static String kb() throws Exception {
        return Path.of(TriageCommandTest.class.getResource("/test-knowledge.yaml").toURI()).toString();
    }

    @Test
    void eachInputLineGetsOneOutputLineInOrderAndABadLineDoesNotStopTheStream() throws Exception {
        String input = String.join("\n",
                "{\"text\": \"how much does plus cost?\"}",
                "this is not json",
                "{\"messages\": [{\"author\": \"customer\", \"text\": \"how do i reset my password\"},"
                        + " {\"author\": \"bot\", \"text\": \"Use 'Forgot password' on the login page.\"},"
                        + " {\"author\": \"customer\", \"text\": \"i need a human, this is useless\"}], \"id\": \"ignored\"}",
                "{\"messages\": [{\"author\": \"robot\", \"text\": \"hi\"}]}",
                "",
                "{\"text\": \"can i get a refund?\"}") + "\n";
        Run run = triage(input, "triage", "--kb", kb());
        assertEquals(0, run.exit(), run.stderr());
        assertEquals(6, run.lines().size(), run.lines().toString());

        JsonNode answer = run.lines().get(0);
        assertEquals("answer", answer.get("action").asText());
        assertEquals("plus-price", answer.get("entry").asText());
        assertTrue(answer.get("confidence").asDouble() > 0 && answer.get("confidence").asDouble() <= 1);
        assertTrue(answer.get("reasons").isArray() && answer.get("reasons").isEmpty());
        assertTrue(answer.get("cues").isArray());

        assertTrue(run.lines().get(1).get("error").asText().startsWith("line 2: not valid JSON"));

        JsonNode handoff = run.lines().get(2);
        assertEquals("handoff", handoff.get("action").asText());
        assertTrue(handoff.get("entry").isNull());
        assertTrue(handoff.get("reasons").toString().contains("human_request"), handoff.toString());
        JsonNode cue = handoff.get("cues").get(0);
        assertTrue(cue.has("kind") && cue.has("score") && cue.has("message") && cue.has("evidence"), cue.toString());
        assertEquals(2, cue.get("message").asInt());

        assertEquals("line 4: messages[0].author: unknown author \"robot\" (expected customer, bot or staff)",
                run.lines().get(3).get("error").asText());
        assertEquals("line 5: empty line", run.lines().get(4).get("error").asText());
        assertEquals("refund-policy", run.lines().get(5).get("entry").asText());
    }

    @Test
    void aBotMessageMaySayWhichEntryItGaveAndOnlyABotMessage() throws Exception {
        String input = String.join("\n",
                "{\"messages\": [{\"author\": \"customer\", \"text\": \"how much does plus cost\"},"
                        + " {\"author\": \"bot\", \"text\": \"Four dollars monthly, forty yearly.\", \"entry\": \"plus-price\"},"
                        + " {\"author\": \"customer\", \"text\": \"is the price the same in every country?\"}]}",
                "{\"messages\": [{\"author\": \"customer\", \"text\": \"how much does plus cost\", \"entry\": \"plus-price\"}]}")
                + "\n";
        Run run = triage(input, "triage", "--kb", kb());

        assertEquals(0, run.exit(), run.stderr());
        JsonNode followUp = run.lines().get(0);
        assertEquals("handoff", followUp.get("action").asText(), followUp.toString());
        assertTrue(followUp.get("cues").toString().contains("is the answer Baton gave in message 1"), followUp.toString());
        assertEquals("line 2: messages[0].entry: only a bot message gives a knowledge-base entry",
                run.lines().get(1).get("error").asText());
    }

    @Test
    void anEmptyTextYieldsAnErrorLineAndTheStreamGoesOn() throws Exception {
        String input = String.join("\n",
                "{\"text\": \"\"}",
                "{\"messages\": [{\"author\": \"customer\", \"text\": \"  \"}]}",
                "{\"text\": \"how much does plus cost?\"}") + "\n";
        Run run = triage(input, "triage", "--kb", kb());

        assertEquals(0, run.exit(), run.stderr());
        assertEquals(3, run.lines().size());
        assertEquals("line 1: \"text\" is empty: there is nothing to decide on", run.lines().get(0).get("error").asText());
        assertEquals("line 2: messages[0].text is empty: a customer message needs some text",
                run.lines().get(1).get("error").asText());
        assertEquals("plus-price", run.lines().get(2).get("entry").asText());
    }

    @Test
    void anInvalidKnowledgeBaseExitsNonZeroNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("kb.yaml");
        Files.writeString(bad, """
                entries:
                  - id: a
                    questions: ["Q?"]
                """);
        Run run = triage("", "triage", "--kb", bad.toString());
        assertEquals(2, run.exit());
        assertTrue(run.stderr().contains("kb.yaml:2"), run.stderr());
        assertTrue(run.stderr().contains("answer"), run.stderr());
    }

    @Test
    void aMissingKbOptionIsAUsageError() throws Exception {
        Run run = triage("", "triage");
        assertEquals(2, run.exit());
        assertTrue(run.stderr().contains("--kb is required"), run.stderr());
    }
}
