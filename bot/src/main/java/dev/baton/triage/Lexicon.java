package dev.baton.triage;

import dev.baton.text.Words;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Weighted phrase patterns for one cue, read from {@code cues/<cue>.txt} beside this class. Each line
 * is {@code WEIGHT<TAB>REGEX}; a pattern only matches whole words. Several hits combine as a noisy-or,
 * so two weak hints can fire together where one alone does not.
 */
final class Lexicon {

    /** A phrase pattern, and what any match of it contains (null: nothing known), to skip it cheaply. */
    record WeightedPattern(double weight, Pattern pattern, List<String> required) {
    }

    /** One pattern that matched: its weight and the words it matched, quoted as evidence. */
    record Hit(double weight, String words, int start) {
    }

    private final String name;
    private final List<WeightedPattern> patterns;

    private Lexicon(String name, List<WeightedPattern> patterns) {
        this.name = name;
        this.patterns = List.copyOf(patterns);
    }

    static Lexicon load(String name) {
        String resource = "cues/" + name + ".txt";
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon resource " + resource);
            }
            return parse(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
    }

    static Lexicon parse(String origin, BufferedReader reader) throws IOException {
        List<WeightedPattern> patterns = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 2) {
                throw new IllegalStateException(origin + ":" + number + ": expected WEIGHT<TAB>PATTERN");
            }
            double weight;
            try {
                weight = Double.parseDouble(fields[0].trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(origin + ":" + number + ": weight is not a number: " + fields[0]);
            }
            if (weight <= 0 || weight > 1) {
                throw new IllegalStateException(origin + ":" + number + ": weight must be in (0, 1]: " + weight);
            }
            try {
                patterns.add(new WeightedPattern(weight, Pattern.compile(
                        "(?<![\\p{L}\\p{N}])(?:" + fields[1].trim() + ")(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), RequiredText.of(fields[1].trim())));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(origin + ":" + number + ": bad pattern: " + e.getDescription());
            }
        }
        return new Lexicon(origin, patterns);
    }

    /** Every pattern that matches the (already normalised) text, once each. */
    List<Hit> find(String normalisedText) {
        List<Hit> hits = new ArrayList<>();
        for (WeightedPattern p : patterns) {
            if (!RequiredText.mayMatch(p.required(), normalisedText)) {
                continue;
            }
            Matcher m = p.pattern().matcher(normalisedText);
            if (m.find()) {
                hits.add(new Hit(p.weight(), m.group(), m.start()));
            }
        }
        return hits;
    }

    List<WeightedPattern> patterns() {
        return patterns;
    }

    static double noisyOr(List<Hit> hits) {
        double miss = 1;
        for (Hit hit : hits) {
            miss *= 1 - hit.weight();
        }
        return 1 - miss;
    }

    static String normalise(String text) {
        return Words.normalise(text);
    }

    @Override
    public String toString() {
        return name + " (" + patterns.size() + " patterns)";
    }
}
