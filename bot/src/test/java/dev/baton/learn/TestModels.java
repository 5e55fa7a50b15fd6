package dev.baton.learn;

import dev.baton.knowledge.AnswerMatcher;
import dev.baton.text.Heads;
import java.util.List;

/**
 * Learned models fixed for tests whose numbers must not move when the shipped weights are retrained:
 * cue heads that never fire (the lexicons and shape detectors still do), and the answerability
 * weights Baton used before it was trained on public data.
 */
public final class TestModels {

    private TestModels() {
    }

    public static Models fixed() {
        return new Models(silentCues(), handWeightedAnswers());
    }

    /**
     * As {@link #fixed()}, with one cue head that scores {@code text} at {@code score} (as the engine
     * reads it, 0.5 being the firing line) and every text far from it near zero: a cue just below its
     * threshold on exactly one known message.
     */
    public static Models withCueOn(String head, String text, double score, dev.baton.text.TextEmbedder embedder) {
        Heads silent = silentCues();
        int h = silent.index(head);
        float[] v = embedder.embed(text);
        float[][] weights = silent.weights().clone();
        double[] biases = silent.biases().clone();
        double sharpness = 20;
        weights[h] = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            weights[h][i] = (float) (sharpness * v[i]);
        }
        biases[h] = Heads.logit(score) - sharpness;
        return new Models(new Heads(silent.names(), weights, biases, silent.firesAt()), handWeightedAnswers());
    }

    static Heads silentCues() {
        int n = CueExamples.HEADS.size();
        double[] bias = new double[n];
        double[] half = new double[n];
        java.util.Arrays.fill(bias, -20);
        java.util.Arrays.fill(half, 0.5);
        return new Heads(CueExamples.HEADS, new float[n][384], bias, half);
    }

    static Heads handWeightedAnswers() {
        float[] w = {0.971f, 4.168f, 2.787f, 3.515f, 0.451f, 0.956f, 0f, 0f, 0f};
        if (w.length != AnswerMatcher.FEATURES.size()) {
            throw new IllegalStateException("the matcher's views changed; update the fixed test weights");
        }
        return new Heads(List.of("answers"), new float[][] {w}, new double[] {-7.071}, new double[] {0.5});
    }
}
