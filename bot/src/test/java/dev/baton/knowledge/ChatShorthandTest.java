package dev.baton.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ChatShorthandTest {

    @Test
    void shorthandIsWrittenOutWordByWord() {
        assertEquals("what is the refund window?", ChatShorthand.expand("whats teh refund window?"));
        assertEquals("are minimaps okay? like xaeros", ChatShorthand.expand("r minimaps ok? like xaeros"));
        assertEquals("where do I reset your account password", ChatShorthand.expand("where do I reset ur acc pw"));
        assertEquals("can one person buy all the tickets or no", ChatShorthand.expand("can one person buy all the tix or nah"));
        assertEquals("can i push my appointment to thursday", ChatShorthand.expand("can i push my appt to thursday"));
    }

    @Test
    void onlyWholeWordsChangeAndTheRestKeepsItsCase() {
        assertEquals("Uploads of 5k photos, Rust and URLs", ChatShorthand.expand("Uploads of 5k photos, Rust and URLs"));
        assertEquals("I don't know if you are on", ChatShorthand.expand("I dont know if u r on"));
        assertEquals("can't", ChatShorthand.expand("can't"));
    }

    @Test
    void aMessageWithoutShorthandComesBackAsItWas() {
        String message = "How do I export my transactions?";
        assertSame(message, ChatShorthand.expand(message));
    }
}
