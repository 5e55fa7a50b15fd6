package dev.baton.repeats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hand-written recognisers of what a question asks for and what a message gives. */
class SlotTest {

    @Test
    void anOrderNumberAskedForIsAnsweredByOneGivenInAnyShape() {
        assertTrue(Slot.answered("Could you send me the order number?", "my order is AB-12345 and it's late"));
        assertTrue(Slot.answered("What's your order ID?", "order #88213 never came"));
        assertFalse(Slot.answered("What's your order ID?", "my parcel never came"));
    }

    @Test
    void anEmailIsNotTakenForAnOrderNumber() {
        assertEquals(Set.of("jo.baker91@gmail.com"), Slot.values("reach me at jo.baker91@gmail.com"));
    }

    @Test
    void theVersionOfOneSystemIsNotAnsweredByTheVersionOfAnother() {
        assertFalse(Slot.answered("Which macOS version is the Mac running?", "Lumen 4.2.1 lags on my Mac"));
        assertTrue(Slot.answered("Which macOS version is the Mac running?", "I'm on macOS 14.5"));
        assertTrue(Slot.answered("Which version of the app do you have?", "Lumen 4.2.1 lags on my Mac"));
    }

    @Test
    void askingWhetherTheyTriedSomethingCountsOnlyForWhatTheyTried() {
        assertTrue(Slot.answered("Have you tried restarting it?", "I rebooted twice already"));
        assertFalse(Slot.answered("Could you try clearing the cache?", "I rebooted twice already"));
        assertTrue(Slot.answered("What have you tried so far?", "I already reinstalled it"));
    }

    @Test
    void aQuestionWithoutARecognisedDetailAsksForNone() {
        assertEquals(Set.of(), Slot.askedIn("Has it been worn?"));
    }
}
