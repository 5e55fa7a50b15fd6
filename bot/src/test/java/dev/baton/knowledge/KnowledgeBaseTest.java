package dev.baton.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

    private static KnowledgeEntry entry(String id) {
        return new KnowledgeEntry(id, null, List.of(id + "?"), id + ".", null);
    }

    @Test
    void findLooksEntriesUpById() {
        KnowledgeBase kb = new KnowledgeBase("test", List.of(entry("a"), entry("b")));

        assertEquals("b.", kb.find("b").orElseThrow().answer());
        assertTrue(kb.find("c").isEmpty());
        assertEquals(2, kb.size());
    }

    @Test
    void entriesAreACopyThatCannotBeChanged() {
        List<KnowledgeEntry> source = new ArrayList<>(List.of(entry("a")));
        KnowledgeBase kb = new KnowledgeBase("test", source);
        source.add(entry("b"));

        assertEquals(1, kb.size());
        assertThrows(UnsupportedOperationException.class, () -> kb.entries().add(entry("c")));
    }

    @Test
    void twoKnowledgeBasesWithTheSameEntriesAreEqual() {
        assertEquals(new KnowledgeBase("t", List.of(entry("a"))), new KnowledgeBase("t", List.of(entry("a"))));
    }

    @Test
    void aHandBuiltKnowledgeBaseRejectsDuplicateIds() {
        assertThrows(IllegalArgumentException.class, () -> new KnowledgeBase("test", List.of(entry("a"), entry("a"))));
    }

    @Test
    void anEntryCopiesItsQuestionsAndRequiresItsFields() {
        List<String> questions = new ArrayList<>(List.of("Q?"));
        KnowledgeEntry entry = new KnowledgeEntry("a", null, questions, "A.", null);
        questions.add("Other?");

        assertEquals(List.of("Q?"), entry.questions());
        assertThrows(NullPointerException.class, () -> new KnowledgeEntry(null, null, List.of("Q?"), "A.", null));
        assertThrows(NullPointerException.class, () -> new KnowledgeEntry("a", null, null, "A.", null));
        assertThrows(NullPointerException.class, () -> new KnowledgeEntry("a", null, List.of("Q?"), null, null));
    }
}
