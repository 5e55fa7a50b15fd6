package dev.baton.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.text.Jackson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RequiredTextTest {

    @Test
    void aLiteralRunIsRequiredAndTheLongestOneIsChosen() {
        assertEquals(Set.of("every "), set("every (?:single )?time"));
        assertEquals(Set.of("still "), set("still (?:not|isn'?t) work"));
        assertEquals(Set.of("a"), set("ab?"));
    }

    @Test
    void everyBranchOfAnAlternationMustBeKnownAndTheyAreJoined() {
        assertEquals(Set.of("refund", "chargeback"), set("(?:refund|chargeback)s?"));
        assertEquals(Set.of("refund", " back"), set("refund|\\w+ back"));
        assertNull(RequiredText.of("refund|\\w+"));
        assertNull(RequiredText.of("(?:a|)"));
    }

    @Test
    void optionalPartsClassesAndLookaroundRequireNothing() {
        assertEquals(Set.of("c"), set("(?:ab)?c"));
        assertEquals(Set.of("scam"), set("(?<!not a )scam(?!mer)"));
        assertEquals(Set.of("?"), set("[a-z]+\\?"));
        assertNull(RequiredText.of("[a-z]+\\s*"));
        assertEquals(Set.of("x"), set("x{1,3}"));
        assertNull(RequiredText.of("x{0,3}"));
    }

    @Test
    void whatItCannotReadItSaysNothingAbout() {
        assertNull(RequiredText.of("(?i)abc"));
        assertNull(RequiredText.of("(abc"));
    }

    /**
     * Skipping a pattern whose required text is absent must never lose a match: every shipped lexicon's
     * every pattern, over every message Baton's written examples hold.
     */
    @Test
    void skippingByRequiredTextNeverLosesAMatchOfAShippedPattern() throws IOException {
        List<String> texts = writtenTexts();
        List<Lexicon> lexicons = new ArrayList<>();
        for (CueKind kind : CueKind.values()) {
            if (kind != CueKind.OUT_OF_SCOPE) {
                lexicons.add(Lexicon.load(kind.wireName()));
            }
        }
        lexicons.add(Lexicon.load("troubleshooting"));
        int patterns = 0;
        int known = 0;
        int matches = 0;
        for (Lexicon lexicon : lexicons) {
            for (Lexicon.WeightedPattern p : lexicon.patterns()) {
                patterns++;
                known += p.required() == null ? 0 : 1;
                for (String text : texts) {
                    if (p.pattern().matcher(text).find()) {
                        matches++;
                        assertTrue(RequiredText.mayMatch(p.required(), text), () -> lexicon + ": pattern "
                                + p.pattern() + " matches \"" + text + "\" but requires one of " + p.required());
                    }
                }
            }
        }
        assertTrue(matches > 1000, "the check saw " + matches + " matches: too few to mean anything");
        assertTrue(known > patterns * 0.8, "only " + known + " of " + patterns + " patterns have a required text");
    }

    private static Set<String> set(String regex) {
        List<String> required = RequiredText.of(regex);
        return required == null ? null : Set.copyOf(required);
    }

    private static List<String> writtenTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("training", "written"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        collect(Jackson.JSON.readTree(line), texts);
                    }
                }
            }
        }
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.has("text")) {
            texts.add(Lexicon.normalise(node.path("text").asText()));
        }
        node.forEach(child -> collect(child, texts));
    }
}
