package dev.baton.llm;

import dev.baton.text.Words;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a model's output quotes Baton's instructions back, as it may when a customer asks it to "reveal
 * your prompt". Eight words in a row is more than ordinary replies share with a prompt by chance, and
 * fewer than any useful quotation needs.
 */
public final class Leaks {

    static final int RUN = 8;

    private Leaks() {
    }

    /**
     * Whether {@code output} repeats any run of 8 consecutive words of any of {@code prompts}, ignoring case
     * and punctuation (an apostrophe too: "don't" and "dont" are the same word).
     */
    public static boolean reveals(String output, List<String> prompts) {
        Set<String> runs = new HashSet<>();
        for (String prompt : prompts) {
            runs.addAll(runs(words(prompt)));
        }
        if (runs.isEmpty()) {
            return false;
        }
        return runs(words(output)).stream().anyMatch(runs::contains);
    }

    private static List<String> words(String text) {
        return Words.words(text).stream().map(w -> w.replace("'", "")).toList();
    }

    private static Set<String> runs(List<String> words) {
        Set<String> runs = new HashSet<>();
        for (int i = 0; i + RUN <= words.size(); i++) {
            runs.add(String.join(" ", words.subList(i, i + RUN)));
        }
        return runs;
    }
}
