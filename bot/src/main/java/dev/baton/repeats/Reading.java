package dev.baton.repeats;

import dev.baton.text.Words;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One message made ready for comparison: the sentences that count (for a person, only those that ask for
 * something), their vectors, the whole message's vector, its content stems and the exact values it gives.
 */
record Reading(String text, List<String> units, List<float[]> unitVectors, float[] whole, Set<String> stems,
               Set<String> values) {

    static Reading of(String text, List<String> units, List<float[]> unitVectors, float[] whole) {
        return new Reading(text, List.copyOf(units), List.copyOf(unitVectors), whole,
                new HashSet<>(Words.contentStems(text)), Slot.values(text));
    }
}
