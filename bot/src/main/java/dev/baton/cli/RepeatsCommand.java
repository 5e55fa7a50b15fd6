package dev.baton.cli;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.repeats.RepeatDetector;
import dev.baton.repeats.RepeatJson;
import dev.baton.repeats.Transcript;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;

/**
 * {@code baton repeats}: JSON Lines of handed-off transcripts in, one repeat check per line out, in order. A
 * bad line gets an {@code {"error": ...}} line of its own and the stream goes on; blank lines are skipped.
 * One line is held in memory at a time, so any length of input streams through.
 */
final class RepeatsCommand {

    private final RepeatDetector detector;

    RepeatsCommand(RepeatDetector detector) {
        this.detector = detector;
    }

    void run(BufferedReader in, BufferedWriter out) throws IOException {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            out.write(JSON.writeValueAsString(check(line, number)));
            out.newLine();
            // Flush per line: a caller piping one transcript at a time waits for each answer.
            out.flush();
        }
    }

    private JsonNode check(String line, int number) {
        Transcript transcript;
        try {
            transcript = RepeatJson.transcript(JSON.readTree(line));
        } catch (JsonProcessingException e) {
            return RepeatJson.error("line " + number + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return RepeatJson.error("line " + number + ": " + e.getMessage());
        }
        try {
            return RepeatJson.finding(detector.find(transcript.messages(), transcript.pickedUpAt()));
        } catch (RuntimeException e) {
            // One transcript the detector cannot read must not end the stream for every line after it.
            return RepeatJson.error("line " + number + ": could not check: " + e.getMessage());
        }
    }
}
