package dev.baton.cli;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.triage.Conversation;
import dev.baton.triage.TriageEngine;
import dev.baton.triage.TriageJson;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;

/**
 * {@code baton triage --kb FILE}: JSON Lines in, one decision per line out, in order. A bad line gets
 * an {@code {"error": ...}} line of its own and the stream goes on; one line is held in memory at a
 * time, so any length of input streams through.
 */
final class TriageCommand {

    private final TriageEngine engine;
    private final TriageJson json;

    TriageCommand(TriageEngine engine) {
        this.engine = engine;
        this.json = new TriageJson();
    }

    void run(BufferedReader in, BufferedWriter out) throws IOException {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            // An empty line still gets its own output line, so output line N always answers input line N.
            out.write(JSON.writeValueAsString(decide(line, number)));
            out.newLine();
            // Flush per line: a caller piping one conversation at a time waits for each answer.
            out.flush();
        }
    }

    private JsonNode decide(String line, int number) {
        if (line.isBlank()) {
            return json.error("line " + number + ": empty line");
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return json.error("line " + number + ": not valid JSON: " + e.getOriginalMessage());
        }
        Conversation conversation;
        try {
            conversation = json.conversation(node);
        } catch (IllegalArgumentException e) {
            return json.error("line " + number + ": " + e.getMessage());
        }
        try {
            return json.decision(engine.decide(conversation));
        } catch (RuntimeException e) {
            // One conversation the engine cannot read must not end the stream for every line after it.
            return json.error("line " + number + ": could not decide: " + e.getMessage());
        }
    }
}
