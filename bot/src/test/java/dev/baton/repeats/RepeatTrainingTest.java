package dev.baton.repeats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.learn.LogisticTrainer;
import dev.baton.text.HashingEmbedder;
import dev.baton.text.Heads;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training the heads, on transcripts generated here and a word-hashing stand-in for the sentence model. */
class RepeatTrainingTest {

    private static final String[] THINGS = {"invoice", "parcel", "laptop", "ticket", "refund", "router", "camera", "voucher"};
    private static final String[] NEW_QUESTIONS = {"Which browser are you using?", "Is it plugged in?",
            "Has it been worn?", "Do you want a refund or a replacement?"};

    private final RepeatTraining training = new RepeatTraining(new HashingEmbedder());

    private static Labelled reasked(int i) {
        Transcript t = new Transcript(List.of(
                Turn.customer("my " + THINGS[i % THINGS.length] + " is broken, order AB-" + (10000 + i)),
                Turn.bot("A person will help."),
                Turn.staff("What is your order number?")), 2);
        return new Labelled("reasked-" + i, t, RepeatFinding.found(Kind.STAFF_REASKED, 2, 0, 1));
    }

    private static Labelled newQuestion(int i) {
        Transcript t = new Transcript(List.of(
                Turn.customer("my " + THINGS[i % THINGS.length] + " is broken, order AB-" + (20000 + i)),
                Turn.bot("A person will help."),
                Turn.staff(NEW_QUESTIONS[i % NEW_QUESTIONS.length]),
                Turn.customer("thanks")), 2);
        return new Labelled("new-" + i, t, RepeatFinding.none(0));
    }

    @Test
    void learnsToTellAReaskedDetailFromANewQuestion() {
        List<Labelled> labelled = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            labelled.add(reasked(i));
            labelled.add(newQuestion(i));
        }
        Heads heads = RepeatTraining.train(training.prepare(labelled));

        RepeatFinding found = RepeatDetector.decide(training.prepare(List.of(reasked(99))).get(0).candidates(), heads, 0.5);
        RepeatFinding none = RepeatDetector.decide(training.prepare(List.of(newQuestion(98))).get(0).candidates(), heads, 0.5);

        assertEquals(RepeatFinding.found(Kind.STAFF_REASKED, 2, 0, found.score()), found);
        assertFalse(none.repeat(), none.toString());
        assertTrue(found.score() > 0.8 && none.score() < 0.2, found + " " + none);
    }

    @Test
    void pairsAfterTheLabelledRepeatTeachNothing() {
        Transcript t = new Transcript(List.of(Turn.customer("order AB-12345 is late"), Turn.customer("it was a gift"),
                Turn.bot("A person will help."), Turn.staff("Which browser?"), Turn.staff("Your order number?"),
                Turn.customer("AB-12345, as I said")), 3);
        Labelled labelled = new Labelled("x", t, RepeatFinding.found(Kind.STAFF_REASKED, 4, 0, 1));

        List<LogisticTrainer.Example> examples = RepeatTraining.examples(training.prepare(List.of(labelled)).get(0));

        // Message 3 against both earlier messages ("no"), message 4 against message 0 ("yes"); not 4<-1 nor 5.
        assertEquals(3, examples.size());
        assertEquals(1, examples.stream().filter(e -> e.y()[Kind.STAFF_REASKED.ordinal()]).count());
    }
}
