package dev.baton.repeats;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.triage.Author;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of the {@code repeats} contract: {@code {"messages": [...], "picked_up_at": N}} in, one
 * finding out; and the labelled lines of a tuning or test file, which add {@code id} and {@code expected}.
 */
public final class RepeatJson {

    private RepeatJson() {
    }

    /**
     * Reads one transcript.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static Transcript transcript(JsonNode line) {
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with \"messages\" and \"picked_up_at\"");
        }
        JsonNode messages = line.get("messages");
        if (messages == null || messages.isNull()) {
            throw new IllegalArgumentException("\"messages\" is missing");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("\"messages\" must be a non-empty array");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            turns.add(turn(messages.get(i), i));
        }
        JsonNode at = line.get("picked_up_at");
        if (at == null || at.isNull()) {
            throw new IllegalArgumentException("\"picked_up_at\" is missing");
        }
        if (!at.isIntegralNumber() || !at.canConvertToInt()) {
            throw new IllegalArgumentException("picked_up_at must be a whole number (the index of the first message"
                    + " after pickup), was " + at);
        }
        int pickedUpAt = at.intValue();
        if (pickedUpAt < 0) {
            throw new IllegalArgumentException("picked_up_at " + pickedUpAt + " is negative");
        }
        if (pickedUpAt >= turns.size()) {
            throw new IllegalArgumentException("picked_up_at " + pickedUpAt + " is past the last message ("
                    + turns.size() + (turns.size() == 1 ? " message)" : " messages)"));
        }
        return new Transcript(turns, pickedUpAt);
    }

    private static Turn turn(JsonNode node, int index) {
        String where = "messages[" + index + "]";
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object with \"author\" and \"text\"");
        }
        JsonNode author = node.get("author");
        JsonNode text = node.get("text");
        if (author == null || !author.isTextual()) {
            throw new IllegalArgumentException(where + ".author must be \"customer\", \"bot\" or \"staff\"");
        }
        Author parsed;
        try {
            parsed = Author.fromWire(author.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".author: " + e.getMessage());
        }
        if (text == null || !text.isTextual()) {
            throw new IllegalArgumentException(where + ".text must be a string");
        }
        if (text.asText().isBlank()) {
            throw new IllegalArgumentException(where + ".text is empty");
        }
        return new Turn(parsed, text.asText());
    }

    public static ObjectNode finding(RepeatFinding finding) {
        ObjectNode out = JSON.createObjectNode();
        out.put("repeat", finding.repeat());
        out.put("kind", finding.repeat() ? finding.kind().wireName() : null);
        out.put("message", finding.message());
        out.put("earlier", finding.earlier());
        out.put("score", Math.round(finding.score() * 1000) / 1000.0);
        return out;
    }

    public static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    /** Reads a labelled file, one transcript a line; a bad line is an error naming the file and line. */
    public static List<Labelled> labelled(Path file) throws IOException {
        List<Labelled> all = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                all.add(labelled(JSON.readTree(lines.get(i)), "line " + (i + 1)));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return all;
    }

    /** @param where the name of a line without an {@code id}, so that a file written elsewhere still reads */
    static Labelled labelled(JsonNode line, String where) {
        Transcript transcript = transcript(line);
        JsonNode id = line.get("id");
        JsonNode expected = line.get("expected");
        if (expected == null || !expected.isObject()) {
            throw new IllegalArgumentException("a labelled line needs an \"expected\" object");
        }
        boolean repeat = expected.path("repeat").asBoolean();
        RepeatFinding label = repeat
                ? RepeatFinding.found(Kind.fromWire(expected.path("kind").asText()), expected.path("message").asInt(),
                        expected.path("earlier").asInt(), 1)
                : RepeatFinding.none(0);
        return new Labelled(id == null || id.isNull() ? where : id.asText(), transcript, label);
    }
}
