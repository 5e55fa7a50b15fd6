package dev.baton.text;

import java.util.Locale;

/**
 * A fast stand-in for the sentence model in tests about plumbing rather than meaning: each word is
 * hashed into a dimension, so texts sharing words are similar and nothing needs loading.
 */
public final class HashingEmbedder implements TextEmbedder {

    private static final int DIMENSIONS = 384;

    @Override
    public float[] embed(String text) {
        float[] v = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
