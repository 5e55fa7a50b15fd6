package dev.baton.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearMissTest {

    private static final List<String> KEYS = List.of("id", "topic", "questions", "answer", "source");

    @Test
    void commonSlipsAreMatchedToTheIntendedKey() {
        assertEquals(Optional.of("questions"), NearMiss.suggest("question", KEYS));
        assertEquals(Optional.of("answer"), NearMiss.suggest("anwser", KEYS));
        assertEquals(Optional.of("source"), NearMiss.suggest("sources", KEYS));
        assertEquals(Optional.of("id"), NearMiss.suggest("ID", KEYS));
        assertEquals(Optional.of("entries"), NearMiss.suggest("entry", List.of("entries")));
    }

    @Test
    void unrelatedKeysGetNoSuggestion() {
        assertTrue(NearMiss.suggest("colour", KEYS).isEmpty());
        assertTrue(NearMiss.suggest("a", KEYS).isEmpty());
    }
}
