package dev.baton.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.text.Heads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetTrainerTest {

    private static final NetTrainer.Settings SMALL = new NetTrainer.Settings(16, 30, 0.01, 1e-4, 64, 13);

    /**
     * Points in 8 dimensions; head "xor" is whether x0 and x1 have the same sign (no single line separates
     * it), head "b" whether x2 > 0.5, known only when {@code bKnown}.
     */
    private static List<LogisticTrainer.Example> generated(int n, long seed, boolean bKnown) {
        Random random = new Random(seed);
        List<LogisticTrainer.Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[8];
            for (int d = 0; d < x.length; d++) {
                x[d] = (float) random.nextGaussian();
            }
            examples.add(new LogisticTrainer.Example(x, new boolean[] {x[0] * x[1] > 0, x[2] > 0.5},
                    new boolean[] {true, bKnown}));
        }
        return examples;
    }

    private static double accuracy(Heads heads, int head, List<LogisticTrainer.Example> examples) {
        int right = 0;
        for (LogisticTrainer.Example e : examples) {
            right += (heads.probabilities(e.x())[head] >= 0.5) == e.y()[head] ? 1 : 0;
        }
        return right / (double) examples.size();
    }

    @Test
    void learnsWhatNoSingleLogisticHeadCanAndAnOrdinaryHeadBesideIt() {
        List<LogisticTrainer.Example> training = generated(3000, 1, true);
        Heads net = NetTrainer.train(List.of("xor", "b"), training, SMALL);
        Heads linear = LogisticTrainer.train(List.of("xor", "b"), training, LogisticTrainer.Settings.DEFAULT);

        List<LogisticTrainer.Example> unseen = generated(1000, 2, true);
        assertTrue(accuracy(net, 0, unseen) > 0.9, "xor: " + accuracy(net, 0, unseen));
        assertTrue(accuracy(linear, 0, unseen) < 0.7, "a logistic head cannot: " + accuracy(linear, 0, unseen));
        assertTrue(accuracy(net, 1, unseen) > 0.9, "b: " + accuracy(net, 1, unseen));
    }

    @Test
    void theSameDataAndSeedGiveTheSameWeightsBitForBit() {
        Heads once = NetTrainer.train(List.of("xor", "b"), generated(500, 3, true), SMALL);
        Heads again = NetTrainer.train(List.of("xor", "b"), generated(500, 3, true), SMALL);

        assertArrayEquals(once.weights()[0], again.weights()[0]);
        assertArrayEquals(once.hidden().weights()[5], again.hidden().weights()[5]);
        assertArrayEquals(once.biases(), again.biases());
    }

    @Test
    void aHeadWhoseLabelsAreUnknownLearnsNothingFromThoseRows() {
        Heads heads = NetTrainer.train(List.of("xor", "b"), generated(1000, 4, false), SMALL);
        Heads untrained = NetTrainer.train(List.of("xor", "b"), generated(1000, 4, false),
                new NetTrainer.Settings(16, 1, 1e-12, 0, 64, 13));

        assertEquals(untrained.biases()[1], heads.biases()[1], 1e-9);
    }

    @Test
    void aNetworkSurvivesItsWeightFile(@TempDir Path dir) throws Exception {
        Heads net = NetTrainer.train(List.of("xor", "b"), generated(300, 5, true), SMALL).withFiresAt(new double[] {0.4, 0.6});
        Path file = dir.resolve("net.json");
        new WeightFile("net", "8 values", net, Map.of("seed", "13")).write(file);

        Heads read = WeightFile.read(file).heads();
        float[] x = generated(1, 6, true).get(0).x();
        assertEquals(8, read.inputs());
        assertEquals(16, read.hidden().units());
        assertEquals(net.probability(0, x), read.probability(0, x), 1e-5);
        assertEquals(net.score(1, x), read.scoreOf(1, read.probabilities(x)[1]), 1e-5);
    }
}
