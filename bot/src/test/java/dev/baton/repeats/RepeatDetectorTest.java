package dev.baton.repeats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.text.MiniLmEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped detector with the real sentence model, on transcripts unlike those it was tuned on. */
class RepeatDetectorTest {

    private static final RepeatDetector DETECTOR = RepeatDetector.shipped(new MiniLmEmbedder());

    private static final List<Turn> BEFORE = List.of(
            Turn.customer("The drawing tablet stopped working in Sketchpad after yesterday's update, pen strokes don't register at all"),
            Turn.customer("order number SK-55810, I'm on a Windows laptop"),
            Turn.bot("I'm handing you to Ana from our hardware team; she can see everything you wrote."));

    private static RepeatFinding after(Turn... turns) {
        List<Turn> all = new java.util.ArrayList<>(BEFORE);
        all.addAll(List.of(turns));
        return DETECTOR.find(all, BEFORE.size());
    }

    @Test
    void findsACustomerSayingTheirProblemAgainInOtherWords() {
        RepeatFinding found = after(Turn.staff("Hi, Ana here, looking into it."),
                Turn.customer("like I said, since the update yesterday my pen does nothing in Sketchpad, no strokes show up"));

        assertTrue(found.repeat(), found.toString());
        assertEquals(Kind.CUSTOMER_RESTATED, found.kind());
        assertEquals(4, found.message());
        assertEquals(0, found.earlier());
        assertTrue(found.score() >= RepeatDetector.THRESHOLD);
    }

    @Test
    void findsAPersonAskingForTheOrderNumberTheCustomerGave() {
        RepeatFinding found = after(Turn.staff("Hi, Ana here."), Turn.staff("What's your order number?"));

        assertEquals(RepeatFinding.found(Kind.STAFF_REASKED, 4, 1, found.score()), found);
    }

    @Test
    void doesNotFireOnAPersonConfirmingAValueTheyWereGiven() {
        RepeatFinding found = after(Turn.staff("Hi, Ana here. I found order SK-55810; the tablet driver in that"
                + " bundle has a bug with the new update. I've sent you a link to the fixed driver."));

        assertFalse(found.repeat(), found.toString());
    }

    @Test
    void doesNotFireOnThanks() {
        RepeatFinding found = after(Turn.staff("Hi, Ana here. Please install driver 2.4 from the link I sent."),
                Turn.customer("thank you, that fixed it!"));

        assertFalse(found.repeat(), found.toString());
    }

    @Test
    void doesNotFireOnAPersonAskingForANewDetail() {
        RepeatFinding found = after(Turn.staff("Hi, Ana here. Is the tablet plugged in by USB or connected over Bluetooth?"),
                Turn.customer("USB, straight into the laptop"));

        assertFalse(found.repeat(), found.toString());
        assertTrue(found.score() < RepeatDetector.THRESHOLD);
    }

    @Test
    void aPickupOutsideTheTranscriptIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DETECTOR.find(BEFORE, 3));
    }
}
