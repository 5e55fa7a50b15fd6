package dev.baton.repeats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a message's wording is read: its sentences, what it asks, what it says about itself. */
class PhrasingTest {

    @Test
    void onlyTheSentencesThatAskForSomethingAreAsks() {
        List<String> sentences = Phrasing.sentences("Hi, Tom here. I'll need the email on your account. Thanks!");

        assertEquals(List.of("I'll need the email on your account."), Phrasing.asks(sentences));
        assertEquals(List.of(), Phrasing.asks(Phrasing.sentences("I've refunded it. It shows in 3 days.")));
        assertEquals(List.of("which browser do you use"), Phrasing.asks(List.of("which browser do you use")));
        assertEquals(1, Phrasing.asks(List.of("hey there, what's your order number")).size());
        assertEquals(1, Phrasing.asks(List.of("If you could share the email on the account, that'd help")).size());
    }

    @Test
    void aCustomerSayingItAgainOrSomethingNewSaysSo() {
        assertTrue(Phrasing.restates("As I said, the export fails at 90%"));
        assertTrue(Phrasing.adds("one more thing: it started after the update"));
        assertFalse(Phrasing.restates("the export fails at 90%"));
    }

    @Test
    void thanksIsAnAcknowledgementButALongMessageWithThanksIsNot() {
        assertTrue(Phrasing.acknowledges("thanks, that worked!"));
        assertFalse(Phrasing.acknowledges("thanks, but the export still fails at 90 percent every time I save an mp4"));
    }
}
