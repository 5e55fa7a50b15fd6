package dev.baton.text;

import java.util.Objects;

/**
 * A hidden layer in front of {@link Heads}: {@code relu(x·weights + biases)}. The cue heads read what
 * a customer's words mean through it, which lets them learn that "third time asking" and "asked twice
 * already" are one thing where a linear head over the sentence vector could not (docs/models.md).
 *
 * @param weights one row per input value, one column per unit
 */
public record Hidden(float[][] weights, float[] biases) {

    public Hidden {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(biases, "biases");
        if (weights.length == 0) {
            throw new IllegalArgumentException("a hidden layer reads at least one value");
        }
        for (int i = 0; i < weights.length; i++) {
            if (weights[i].length != biases.length) {
                throw new IllegalArgumentException("hidden layer: input " + i + " has " + weights[i].length
                        + " weights for " + biases.length + " units");
            }
        }
    }

    public int inputs() {
        return weights.length;
    }

    public int units() {
        return biases.length;
    }

    public float[] apply(float[] x) {
        if (x.length != inputs()) {
            throw new IllegalArgumentException("input has " + x.length + " values, the hidden layer reads " + inputs());
        }
        float[] out = biases.clone();
        for (int i = 0; i < x.length; i++) {
            float xi = x[i];
            if (xi == 0) {
                continue;
            }
            float[] row = weights[i];
            for (int j = 0; j < out.length; j++) {
                out[j] += xi * row[j];
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.max(0, out[j]);
        }
        return out;
    }
}
