package dev.baton.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.text.Heads;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticTrainerTest {

    /** Points in 8 dimensions; head "a" is whether x0 + x1 > 0, head "b" whether x2 > 0.5. */
    private static List<LogisticTrainer.Example> generated(int n, long seed, boolean bKnown) {
        Random random = new Random(seed);
        List<LogisticTrainer.Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[8];
            for (int d = 0; d < x.length; d++) {
                x[d] = (float) random.nextGaussian();
            }
            examples.add(new LogisticTrainer.Example(x, new boolean[] {x[0] + x[1] > 0, x[2] > 0.5},
                    new boolean[] {true, bKnown}));
        }
        return examples;
    }

    private static double accuracy(Heads heads, int head, List<LogisticTrainer.Example> examples) {
        int right = 0;
        for (LogisticTrainer.Example e : examples) {
            right += (heads.probability(head, e.x()) >= 0.5) == e.y()[head] ? 1 : 0;
        }
        return right / (double) examples.size();
    }

    @Test
    void learnsTwoIndependentHeadsFromGeneratedData() {
        Heads heads = LogisticTrainer.train(List.of("a", "b"), generated(2000, 1, true), LogisticTrainer.Settings.DEFAULT);

        List<LogisticTrainer.Example> unseen = generated(1000, 2, true);
        assertTrue(accuracy(heads, 0, unseen) > 0.9, "head a: " + accuracy(heads, 0, unseen));
        assertTrue(accuracy(heads, 1, unseen) > 0.9, "head b: " + accuracy(heads, 1, unseen));
    }

    @Test
    void theSameDataAndSeedGiveTheSameWeightsBitForBit() {
        Heads once = LogisticTrainer.train(List.of("a", "b"), generated(500, 3, true), LogisticTrainer.Settings.DEFAULT);
        Heads again = LogisticTrainer.train(List.of("a", "b"), generated(500, 3, true), LogisticTrainer.Settings.DEFAULT);

        assertArrayEquals(once.weights()[0], again.weights()[0]);
        assertArrayEquals(once.biases(), again.biases());
    }

    @Test
    void aHeadWhoseLabelsAreUnknownLearnsNothingFromThoseRows() {
        Heads heads = LogisticTrainer.train(List.of("a", "b"), generated(1000, 4, false), LogisticTrainer.Settings.DEFAULT);

        for (float w : heads.weights()[1]) {
            assertEquals(0f, w);
        }
        assertEquals(0.0, heads.biases()[1]);
    }

    @Test
    void aHeadsScoreIsOneHalfExactlyAtItsFiringThreshold() {
        Heads heads = new Heads(List.of("a"), new float[][] {{1f}}, new double[] {0}, new double[] {0.3});

        float[] atThreshold = {(float) Heads.logit(0.3)};
        assertEquals(0.5, heads.score(0, atThreshold), 1e-6);
        assertTrue(heads.score(0, new float[] {2f}) > 0.5);
    }
}
