package dev.baton.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the person taking over reads first: what the customer wants, what they already tried and how
 * they feel. Every part is the customer's own words (trimmed) or a feeling named from a cue; an empty
 * part means nothing was found, never a guess.
 */
public record Summary(String wants, String tried, String feels) {

    public Summary {
        Objects.requireNonNull(wants, "wants");
        Objects.requireNonNull(tried, "tried");
        Objects.requireNonNull(feels, "feels");
    }

    public static Summary empty() {
        return new Summary("", "", "");
    }

    public boolean isEmpty() {
        return wants.isEmpty() && tried.isEmpty() && feels.isEmpty();
    }

    /** One line for a notification or the console, e.g. {@code wants: …; tried: …; feels: angry ("…")}. */
    public String line() {
        List<String> parts = new ArrayList<>();
        add(parts, "wants", wants);
        add(parts, "tried", tried);
        add(parts, "feels", feels);
        return String.join("; ", parts);
    }

    private static void add(List<String> parts, String label, String value) {
        if (!value.isEmpty()) {
            parts.add(label + ": " + value);
        }
    }
}
