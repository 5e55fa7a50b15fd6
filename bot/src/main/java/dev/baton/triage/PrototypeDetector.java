package dev.baton.triage;

import dev.baton.text.TextEmbedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Feelings said in words no lexicon lists. Each emotional cue has example sentences
 * ({@code prototypes/<cue>.txt}), and so does everything that is not a cue ({@code neutral.txt}). A
 * message scores for a cue by how much closer it sits to that cue's examples than to the neutral
 * ones, in the sentence-embedding space; long messages are also read sentence by sentence, since one
 * sentence of a story can carry the whole feeling.
 */
final class PrototypeDetector implements CueDetector {

    /** Kinds with example sentences; the others are shapes of a conversation, not feelings. */
    static final List<CueKind> KINDS = List.of(CueKind.FRUSTRATION, CueKind.ANGER, CueKind.SADNESS_GRIEF,
            CueKind.ANXIETY, CueKind.URGENCY);

    private static final int NEAREST = 3;
    private static final int MAX_SENTENCES = 8;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\\n])\\s+");

    /** Score = logistic(SLOPE * (closeness to the cue - closeness to neutral) + OFFSET). */
    static final double SLOPE = 40;
    static final double OFFSET = -1.9;
    /** An example-based hunch never counts as much as the customer's own explicit words. */
    static final double CAP = 0.45;

    private final TextEmbedder embedder;
    private final Map<CueKind, Examples> examples;
    private final Examples neutral;

    private record Examples(List<String> sentences, float[][] vectors) {
    }

    PrototypeDetector(TextEmbedder embedder) {
        this.embedder = embedder;
        this.examples = new EnumMap<>(CueKind.class);
        for (CueKind kind : KINDS) {
            examples.put(kind, load(kind.wireName()));
        }
        this.neutral = load("neutral");
    }

    private Examples load(String name) {
        List<String> sentences = readLines("prototypes/" + name + ".txt");
        return new Examples(sentences, embedder.embedAll(sentences).toArray(float[][]::new));
    }

    @Override
    public List<Cue> detect(Conversation conversation) {
        List<Cue> cues = new ArrayList<>();
        for (Turns.Weighted message : Turns.customerMessages(conversation)) {
            cues.addAll(score(conversation.get(message.index()).text(), message.index(), message.weight()));
        }
        return cues;
    }

    private List<Cue> score(String text, int index, double discount) {
        Map<CueKind, Cue> best = new EnumMap<>(CueKind.class);
        for (String segment : segments(text)) {
            float[] v = embedder.embed(segment);
            double calm = nearest(v, neutral).closeness;
            for (CueKind kind : KINDS) {
                Nearest near = nearest(v, examples.get(kind));
                double score = discount * CAP / (1 + Math.exp(-(SLOPE * (near.closeness - calm) + OFFSET)));
                if (score >= 0.05 && (!best.containsKey(kind) || best.get(kind).score() < score)) {
                    best.put(kind, new Cue(kind, score, index, String.format(Locale.ROOT,
                            "sounds like \"%s\" (%.2f vs %.2f neutral)", near.example, near.closeness, calm)));
                }
            }
        }
        return List.copyOf(best.values());
    }

    private static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        segments.add(text);
        String[] sentences = SENTENCE_END.split(text.strip());
        if (sentences.length > 1) {
            for (int i = 0; i < sentences.length && i < MAX_SENTENCES; i++) {
                if (sentences[i].strip().split("\\s+").length >= 3) {
                    segments.add(sentences[i].strip());
                }
            }
        }
        return segments;
    }

    private record Nearest(double closeness, String example) {
    }

    /** Mean similarity of the few nearest examples: steadier than the single nearest one. */
    private static Nearest nearest(float[] v, Examples examples) {
        double[] top = new double[NEAREST];
        Arrays.fill(top, -1);
        int bestIndex = 0;
        for (int i = 0; i < examples.vectors().length; i++) {
            double s = TextEmbedder.cosine(v, examples.vectors()[i]);
            if (s > top[0]) {
                bestIndex = i;
            }
            insert(top, s);
        }
        double sum = 0;
        for (double t : top) {
            sum += t;
        }
        return new Nearest(sum / NEAREST, examples.sentences().get(bestIndex));
    }

    /** Keeps {@code top} sorted descending with the largest values seen. */
    private static void insert(double[] top, double value) {
        if (value <= top[top.length - 1]) {
            return;
        }
        int i = top.length - 1;
        while (i > 0 && top[i - 1] < value) {
            top[i] = top[i - 1];
            i--;
        }
        top[i] = value;
    }

    static List<String> readLines(String resource) {
        try (InputStream in = PrototypeDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
