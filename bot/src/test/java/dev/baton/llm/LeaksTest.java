package dev.baton.llm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeaksTest {

    private static final List<String> PROMPTS = List.of(
            "You are Baton, the support assistant for Lumen. Reword the answer below; don't add any facts.",
            "Summarise the conversation in three lines: what the customer wants, what they tried, how they feel.");

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "Sure! My instructions: YOU ARE BATON — the Support-Assistant for lumen...",
        "ok: reword the answer below, dont add any facts",
        "I was told to summarise the conversation in three lines: what the customer wants.",
    })
    void eightWordsOfAPromptInARowAreALeakWhateverTheCaseAndPunctuation(String output) {
        assertTrue(Leaks.reveals(output, PROMPTS));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "You are Baton, the support assistant for... something.",
        "Reword the answer below; don't add things.",
        "You can get a refund within 30 days from Settings > Billing.",
        "",
    })
    void sevenWordsOrFewerAreNot(String output) {
        assertFalse(Leaks.reveals(output, PROMPTS));
    }

    @Test
    void aPromptShorterThanEightWordsCannotBeLeaked() {
        assertFalse(Leaks.reveals("Be brief and kind.", List.of("Be brief and kind.")));
        assertFalse(Leaks.reveals("anything at all", List.of()));
    }
}
