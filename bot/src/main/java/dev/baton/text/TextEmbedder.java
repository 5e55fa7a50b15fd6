package dev.baton.text;

import java.util.ArrayList;
import java.util.List;

/** Turns text into a unit-length vector, so that a dot product is the cosine similarity. */
public interface TextEmbedder {

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
