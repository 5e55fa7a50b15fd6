package dev.baton.desk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PleasantriesTest {

    @ParameterizedTest
    @ValueSource(strings = {"thanks!", "Thank you so much", "ok got it 👍", "thx", "cheers mate", "Perfect, thanks :)",
        "that worked, thank you!", "ty", "OK"})
    void aMessageThatOnlyThanksOrAcknowledgesIsRecognised(String text) {
        assertTrue(Pleasantries.isOnlyThanks(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"thanks, but how do I cancel?", "ok but it still doesn't work", "thanks for nothing",
        "great, now it's broken again", "", "no thanks", "Thanks. My mum died and I need to close her account"})
    void aMessageWithAnythingMoreIsNot(String text) {
        assertFalse(Pleasantries.isOnlyThanks(text), text);
    }
}
