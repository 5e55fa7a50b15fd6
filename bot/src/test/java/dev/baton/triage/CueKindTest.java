package dev.baton.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.handoff.HandoffWording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A cue is defined once, in {@link CueKind} (its wording in Baton's built-in wording, which will not compile
 * without it): these make sure a new kind says everything the rest of Baton and the console read from it.
 */
class CueKindTest {

    /** A few words, lower case, as they stand inside a sentence: no capital, no full stop. */
    private static final Pattern WORDS = Pattern.compile("[a-z][a-z ,:()'-]*[a-z)]");

    @ParameterizedTest(name = "{0}")
    @EnumSource(CueKind.class)
    void everyCueKindHasAllItsFacts(CueKind kind) {
        assertEquals(kind, CueKind.fromWire(kind.wireName()), "the wire name reads back");
        assertTrue(kind.label().matches("[a-z]+( [a-z]+)*"), "a label of plain words: " + kind.label());
        assertTrue(kind.queueRank() >= 0 && kind.queueRank() <= 2, "a queue rank of 0, 1 or 2: " + kind.queueRank());
        if (kind.sensitive()) {
            assertTrue(kind.queueRank() <= 1, "a sensitive handoff goes ahead of the rest in the queue");
        }
        kind.feeling().ifPresent(feeling -> assertWords(feeling, "feeling"));
        kind.need().ifPresent(need -> assertWords(need, "need"));
        kind.alwaysOnBecause().ifPresent(why -> assertWords(why, "why it is always on"));
        if (kind.isFeeling()) {
            assertTrue(kind.need().isPresent(), "a feeling is one the language model can be asked to confirm");
        }

        HandoffWording wording = HandoffWording.defaults();
        for (boolean onShift : new boolean[] {true, false}) {
            assertTrue(wording.template(kind, onShift).contains("{person}"), "a handoff notice naming the person");
            assertTrue(wording.reroutedTemplate(kind, onShift).contains("{person}"), "a notice when rerouted");
        }
        assertFalse(wording.escalatedTemplate(kind).isBlank(), "a notice when escalated");
        assertTrue(shippedWordingNames().contains(kind.wireName()),
                "config/messages.yaml lists it among the cues that can be worded");
    }

    @Test
    void noTwoCueKindsShareALabel() {
        Set<String> labels = Arrays.stream(CueKind.values()).map(CueKind::label).collect(Collectors.toSet());
        assertEquals(CueKind.values().length, labels.size(), labels::toString);
    }

    private static void assertWords(String text, String what) {
        assertTrue(WORDS.matcher(text).matches(), what + " in lower-case words that fit in a sentence: " + text);
    }

    /** The cue names config/messages.yaml's header lists: "one of: crisis, anger, …". */
    private static List<String> shippedWordingNames() {
        String header = read(shipped("messages.yaml")).lines().takeWhile(line -> line.startsWith("#"))
                .map(line -> line.substring(1).strip()).collect(Collectors.joining(" "));
        Matcher list = Pattern.compile("one of: ([a-z_, ]+)").matcher(header);
        assertTrue(list.find(), "messages.yaml's header names the cues");
        // The list ends where the next field's description begins ("… out_of_scope on_shift: …").
        return Arrays.stream(list.group(1).split(",")).map(name -> name.strip().split(" ")[0]).toList();
    }

    private static Path shipped(String name) {
        // Tests run in bot/; the shipped configuration sits beside it.
        for (Path candidate : List.of(Path.of("..", "config", name), Path.of("config", name))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("config/" + name + " not found from " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
