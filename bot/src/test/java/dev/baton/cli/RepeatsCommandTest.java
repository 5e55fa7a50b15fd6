package dev.baton.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.text.Jackson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code repeats} command as other tools call it: JSON Lines in, one line per transcript out. */
class RepeatsCommandTest {

    private static final String MESSAGES = "[{\"author\": \"customer\", \"text\": \"my order LP-48213 never arrived\"},"
            + " {\"author\": \"bot\", \"text\": \"Tom will help you.\"},"
            + " {\"author\": \"staff\", \"text\": \"Hi, Tom here. What is your order number?\"}]";

    private final CliRun cli = new CliRun();

    private List<JsonNode> repeats(String input) throws Exception {
        assertEquals(0, cli.runWithInput(input, Map.of(), Clock.systemUTC(), "repeats"), cli.err());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : cli.out().split("\n")) {
            lines.add(Jackson.JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void eachTranscriptGetsOneLineWithTheFindingOrItsAbsence() throws Exception {
        List<JsonNode> lines = repeats("{\"messages\": " + MESSAGES + ", \"picked_up_at\": 2}\n"
                + "{\"messages\": " + MESSAGES + ", \"picked_up_at\": 0}\n");

        assertEquals(2, lines.size(), cli.out());
        JsonNode found = lines.get(0);
        assertEquals(List.of("repeat", "kind", "message", "earlier", "score"), fieldNames(found));
        assertTrue(found.get("score").isNumber() && found.get("score").asDouble() >= 0, found.toString());
        if (found.get("repeat").asBoolean()) {
            assertEquals("staff_reasked", found.get("kind").asText());
            assertEquals(2, found.get("message").asInt());
            assertEquals(0, found.get("earlier").asInt());
        }
        JsonNode nothingBefore = lines.get(1);
        assertEquals("{\"repeat\":false,\"kind\":null,\"message\":null,\"earlier\":null,\"score\":0.0}",
                nothingBefore.toString());
    }

    @Test
    void eachKindOfBadLineGetsOneErrorLineNamingItAndTheStreamGoesOn() throws Exception {
        String good = "{\"messages\": " + MESSAGES + ", \"picked_up_at\": 2}";
        List<JsonNode> lines = repeats(String.join("\n",
                "this is not json",
                "{\"picked_up_at\": 1}",
                "{\"messages\": [{\"author\": \"robot\", \"text\": \"hi\"}], \"picked_up_at\": 0}",
                "{\"messages\": [{\"author\": \"customer\", \"text\": \"  \"}], \"picked_up_at\": 0}",
                "{\"messages\": " + MESSAGES + "}",
                "{\"messages\": " + MESSAGES + ", \"picked_up_at\": 1.5}",
                "{\"messages\": " + MESSAGES + ", \"picked_up_at\": \"2\"}",
                "{\"messages\": " + MESSAGES + ", \"picked_up_at\": 7}",
                "{\"messages\": " + MESSAGES + ", \"picked_up_at\": -1}",
                "",
                good) + "\n");

        assertEquals(10, lines.size(), cli.out());
        assertTrue(error(lines, 0).startsWith("line 1: not valid JSON"), error(lines, 0));
        assertEquals("line 2: \"messages\" is missing", error(lines, 1));
        assertEquals("line 3: messages[0].author: unknown author \"robot\" (expected customer, bot or staff)",
                error(lines, 2));
        assertEquals("line 4: messages[0].text is empty", error(lines, 3));
        assertEquals("line 5: \"picked_up_at\" is missing", error(lines, 4));
        assertEquals("line 6: picked_up_at must be a whole number (the index of the first message after pickup),"
                + " was 1.5", error(lines, 5));
        assertEquals("line 7: picked_up_at must be a whole number (the index of the first message after pickup),"
                + " was \"2\"", error(lines, 6));
        assertEquals("line 8: picked_up_at 7 is past the last message (3 messages)", error(lines, 7));
        assertEquals("line 9: picked_up_at -1 is negative", error(lines, 8));
        assertTrue(lines.get(9).has("repeat"), "the blank line 10 is skipped and line 11 answered: " + lines.get(9));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, cli.runWithInput("", Map.of(), Clock.systemUTC(), "repeats", "--kb", "x.yaml"));
        assertTrue(cli.err().contains("unknown option --kb"), cli.err());
    }

    @Test
    void helpListsTheRepeatsCommand() {
        assertEquals(0, cli.run(Map.of(), Clock.systemUTC(), "--help"));
        assertTrue(cli.out().contains("\n  repeats "), cli.out());
    }

    private static String error(List<JsonNode> lines, int i) {
        JsonNode error = lines.get(i).get("error");
        return error == null ? "no error in " + lines.get(i) : error.asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
