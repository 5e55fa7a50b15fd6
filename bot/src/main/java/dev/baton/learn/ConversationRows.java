package dev.baton.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the labelled conversation sets teach the cue heads: the customer's last message of each conversation,
 * labelled with the reasons a person was needed there (or none). These are the messages Baton decides on,
 * written by other people for other products, and they hold what the public corpora lack: plain questions
 * wrapped in jokes, moods and small talk ("i'm scared of how much goes on uber lol. can tally…"), which the
 * sets' own rule says are answered, not handed off.
 *
 * <p>A set is a file {@code NAME-conversations.jsonl} in the shared data's {@code conversations/} folder (read
 * in place, never copied) or in Baton's written folder, whose {@code conversations.jsonl} is the set "written".
 */
public final class ConversationRows {

    /**
     * A last message counts as five written messages: there are a few hundred of them against 100,000 other rows,
     * and at the written messages' weight (10) they moved no decision on a set left out (docs/models.md).
     */
    public static final double WEIGHT = 50.0;

    /** The source name of a set's rows, as the training log and the weight file say it. */
    public static String source(String set) {
        return "conversations " + set;
    }

    /** A labelled conversation set: its name and file. */
    public record Set(String name, Path file) {
    }

    private static final String SUFFIX = "-conversations.jsonl";
    private static final List<String> HANDOFF_HEADS = List.of("frustration", "anger", "sadness_grief", "anxiety",
            "urgency", "human_request", "nonlinear");
    /** As the learned detector splits a long message ({@code LearnedCueDetector}). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\\n])\\s+");
    private static final int MAX_SENTENCES = 8;

    private ConversationRows() {
    }

    /** The sets in the shared data (when there) and in the written folder, in a fixed order. */
    public static List<Set> find(Path shared, Path written) throws IOException {
        List<Set> sets = new ArrayList<>(in(shared.resolve("conversations")));
        if (Files.exists(written.resolve("conversations.jsonl"))) {
            sets.add(new Set("written", written.resolve("conversations.jsonl")));
        }
        sets.addAll(in(written));
        return sets;
    }

    private static List<Set> in(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .map(f -> new Set(f.getFileName().toString().replace(SUFFIX, ""), f))
                    .toList();
        }
    }

    /** Every row a set teaches. A line that is not a conversation names the file and line. */
    public static List<CueExamples.Row> rows(Set set) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<CueExamples.Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(set.file());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                rows.addAll(of(json.readTree(lines.get(i)), ConversationRows.source(set.name())));
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException(set.file() + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /**
     * What one conversation teaches: its last message with the reasons it was handed off for (the cue heads
     * among them; out_of_scope is the knowledge base's business, not a feeling's), or a small-talk message, or
     * nothing at all. A last message that needs no person carries no cue in any sentence either, and the
     * detector also reads a long message sentence by sentence, so each of its sentences is a row too.
     * Going back to an earlier issue shows in the conversation, not always in its last message alone, so in a
     * conversation where the customer wrote more than once, nonlinear is left unsaid rather than taught from
     * the last message.
     */
    static List<CueExamples.Row> of(JsonNode conversation, String source) {
        JsonNode messages = conversation.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("a conversation needs messages");
        }
        JsonNode last = messages.get(messages.size() - 1);
        if (!"customer".equals(last.path("author").asText())) {
            throw new IllegalArgumentException("the last message must be the customer's");
        }
        String text = last.path("text").asText().strip();
        JsonNode expect = conversation.path("expect");
        String action = expect.path("action").asText();
        List<String> heads = CueExamples.HEADS;
        boolean[] y = new boolean[heads.size()];
        boolean[] known = new boolean[heads.size()];
        Arrays.fill(known, true);
        switch (action) {
            case "answer" -> { }
            case "smalltalk" -> y[heads.indexOf("smalltalk")] = true;
            case "handoff" -> {
                for (JsonNode reason : expect.path("reasons")) {
                    if (HANDOFF_HEADS.contains(reason.asText())) {
                        y[heads.indexOf(reason.asText())] = true;
                    }
                }
            }
            default -> throw new IllegalArgumentException("expect.action must be answer, handoff or smalltalk, not \""
                    + action + "\"");
        }
        int customerMessages = 0;
        for (JsonNode message : messages) {
            customerMessages += "customer".equals(message.path("author").asText()) ? 1 : 0;
        }
        int nonlinear = heads.indexOf("nonlinear");
        if (y[nonlinear] && customerMessages > 1) {
            y[nonlinear] = false;
            known[nonlinear] = false;
        }
        List<CueExamples.Row> rows = new ArrayList<>();
        rows.add(new CueExamples.Row(text, y, known, source, WEIGHT));
        boolean anyCue = false;
        for (String head : HANDOFF_HEADS) {
            anyCue |= y[heads.indexOf(head)] || !known[heads.indexOf(head)];
        }
        if (!anyCue && !"smalltalk".equals(action)) {
            String[] sentences = SENTENCE_END.split(text);
            for (int i = 0; sentences.length > 1 && i < sentences.length && i < MAX_SENTENCES; i++) {
                String sentence = sentences[i].strip();
                if (sentence.split("\\s+").length >= 3) {
                    rows.add(new CueExamples.Row(sentence, new boolean[heads.size()], known.clone(), source, WEIGHT));
                }
            }
        }
        return rows;
    }
}
