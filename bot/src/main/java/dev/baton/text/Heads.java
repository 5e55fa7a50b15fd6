package dev.baton.text;

import java.util.List;
import java.util.Objects;

/**
 * Independent logistic heads over one input vector: each head says how likely its own label is. Each
 * head also carries the probability at which it counts as firing ({@code firesAt}), chosen when it was
 * trained, so that callers can turn a probability into a score where 0.5 is the firing line.
 *
 * <p>The heads read the embedders' vectors and live beside them, not in {@code learn} that trains them:
 * training reads the knowledge base, and knowledge and triage only need to apply trained heads.
 */
public record Heads(List<String> names, float[][] weights, double[] biases, double[] firesAt, Hidden hidden) {

    /** Heads that read their input directly. */
    public Heads(List<String> names, float[][] weights, double[] biases, double[] firesAt) {
        this(names, weights, biases, firesAt, null);
    }

    public Heads {
        names = List.copyOf(names);
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(biases, "biases");
        Objects.requireNonNull(firesAt, "firesAt");
        if (weights.length != names.size() || biases.length != names.size() || firesAt.length != names.size()) {
            throw new IllegalArgumentException("heads: " + names.size() + " names but " + weights.length
                    + " weight rows, " + biases.length + " biases and " + firesAt.length + " thresholds");
        }
        for (int h = 0; h < weights.length; h++) {
            if (weights[h].length != weights[0].length) {
                throw new IllegalArgumentException("head " + names.get(h) + " has " + weights[h].length
                        + " weights, head " + names.get(0) + " has " + weights[0].length);
            }
            if (hidden != null && weights[h].length != hidden.units()) {
                throw new IllegalArgumentException("head " + names.get(h) + " has " + weights[h].length
                        + " weights for a hidden layer of " + hidden.units() + " units");
            }
            if (!(firesAt[h] > 0 && firesAt[h] < 1)) {
                throw new IllegalArgumentException("head " + names.get(h) + " fires at " + firesAt[h]
                        + ", which is not a probability strictly between 0 and 1");
            }
        }
    }

    public int size() {
        return names.size();
    }

    /** How many values the heads read: the hidden layer's inputs when there is one. */
    public int inputs() {
        if (hidden != null) {
            return hidden.inputs();
        }
        return weights.length == 0 ? 0 : weights[0].length;
    }

    public int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no head named \"" + name + "\" (heads: " + names + ")");
        }
        return i;
    }

    public double logit(int head, float[] x) {
        return linear(head, represent(x));
    }

    /** Every head's probability, reading the input (through the hidden layer) once. */
    public double[] probabilities(float[] x) {
        float[] r = represent(x);
        double[] p = new double[size()];
        for (int h = 0; h < p.length; h++) {
            p[h] = sigmoid(linear(h, r));
        }
        return p;
    }

    /** The input as the heads' weights read it: through the hidden layer when there is one. */
    private float[] represent(float[] x) {
        if (x.length != inputs()) {
            throw new IllegalArgumentException("input has " + x.length + " values, the heads expect " + inputs());
        }
        return hidden == null ? x : hidden.apply(x);
    }

    private double linear(int head, float[] x) {
        float[] w = weights[head];
        double z = biases[head];
        for (int i = 0; i < x.length; i++) {
            z += w[i] * x[i];
        }
        return z;
    }

    public double probability(int head, float[] x) {
        return sigmoid(logit(head, x));
    }

    /**
     * The head's probability moved so that its firing threshold sits at 0.5: above 0.5 the head fires.
     * Scores on this scale combine with Baton's other cue scores, whose firing line is 0.5 too.
     */
    public double score(int head, float[] x) {
        return sigmoid(logit(head, x) - logit(firesAt[head]));
    }

    /** A probability of {@code head} (from {@link #probabilities}) on the scale where its threshold is 0.5. */
    public double scoreOf(int head, double probability) {
        double p = Math.min(1 - 1e-12, Math.max(1e-12, probability));
        return sigmoid(logit(p) - logit(firesAt[head]));
    }

    public Heads withFiresAt(double[] thresholds) {
        return new Heads(names, weights, biases, thresholds.clone(), hidden);
    }

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    public static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
