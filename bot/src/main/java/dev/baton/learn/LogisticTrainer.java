package dev.baton.learn;

import dev.baton.text.Heads;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fits independent L2-regularised logistic heads with mini-batch Adam. Deterministic: one thread, the
 * order of examples shuffled from a fixed seed, so the same data gives the same weights bit for bit.
 *
 * <p>Each example says which heads it carries a label for ({@code known}): a data set labelled only for
 * feelings says nothing about requests for a person, and must not teach that head "no".
 */
public final class LogisticTrainer {

    /** How a fit runs. {@code positiveWeight} caps how much a rare positive counts against the negatives. */
    public record Settings(int epochs, double learningRate, double l2, int batch, long seed, double maxPositiveWeight) {
        public static final Settings DEFAULT = new Settings(12, 0.01, 1e-4, 128, 13, 1.0);

        public Settings {
            if (epochs < 1 || batch < 1 || learningRate <= 0 || l2 < 0 || maxPositiveWeight < 1) {
                throw new IllegalArgumentException("bad trainer settings: " + epochs + " epochs, batch " + batch
                        + ", learning rate " + learningRate + ", l2 " + l2 + ", positive weight " + maxPositiveWeight);
            }
        }

        public Settings withEpochs(int n) {
            return new Settings(n, learningRate, l2, batch, seed, maxPositiveWeight);
        }

        public Settings withL2(double value) {
            return new Settings(epochs, learningRate, value, batch, seed, maxPositiveWeight);
        }

        /** The same fit from another seed: how much the numbers move from one seed to the next is noise. */
        public Settings withSeed(long value) {
            return new Settings(epochs, learningRate, l2, batch, value, maxPositiveWeight);
        }

        public Settings withPositiveWeight(double value) {
            return new Settings(epochs, learningRate, l2, batch, seed, value);
        }
    }

    /** One training row: its input, a 0/1 target per head, and which of those targets are known. */
    public record Example(float[] x, boolean[] y, boolean[] known, double weight) {
        public Example(float[] x, boolean[] y, boolean[] known) {
            this(x, y, known, 1.0);
        }
    }

    private LogisticTrainer() {
    }

    public static Heads train(List<String> names, List<Example> examples, Settings settings) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        int heads = names.size();
        int d = examples.get(0).x().length;
        double[] classWeight = positiveWeights(heads, examples, settings.maxPositiveWeight());
        double[][] w = new double[heads][d];
        double[] b = new double[heads];
        double[][] m = new double[heads][d + 1];
        double[][] v = new double[heads][d + 1];
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(settings.seed());
        double beta1 = 0.9;
        double beta2 = 0.999;
        long step = 0;
        double[][] gw = new double[heads][d];
        double[] gb = new double[heads];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int start = 0; start < order.length; start += settings.batch()) {
                int end = Math.min(order.length, start + settings.batch());
                for (double[] row : gw) {
                    Arrays.fill(row, 0);
                }
                Arrays.fill(gb, 0);
                double[] mass = new double[heads];
                for (int k = start; k < end; k++) {
                    Example e = examples.get(order[k]);
                    for (int h = 0; h < heads; h++) {
                        if (!e.known()[h]) {
                            continue;
                        }
                        double z = b[h];
                        double[] wh = w[h];
                        float[] x = e.x();
                        for (int i = 0; i < d; i++) {
                            z += wh[i] * x[i];
                        }
                        double weight = e.weight() * (e.y()[h] ? classWeight[h] : 1);
                        double err = weight * (Heads.sigmoid(z) - (e.y()[h] ? 1 : 0));
                        double[] g = gw[h];
                        for (int i = 0; i < d; i++) {
                            g[i] += err * x[i];
                        }
                        gb[h] += err;
                        mass[h] += weight;
                    }
                }
                step++;
                double correction1 = 1 - Math.pow(beta1, step);
                double correction2 = 1 - Math.pow(beta2, step);
                for (int h = 0; h < heads; h++) {
                    if (mass[h] == 0) {
                        continue;
                    }
                    for (int i = 0; i <= d; i++) {
                        double g = i < d ? gw[h][i] / mass[h] + settings.l2() * w[h][i] : gb[h] / mass[h];
                        m[h][i] = beta1 * m[h][i] + (1 - beta1) * g;
                        v[h][i] = beta2 * v[h][i] + (1 - beta2) * g * g;
                        double delta = settings.learningRate() * (m[h][i] / correction1) / (Math.sqrt(v[h][i] / correction2) + 1e-8);
                        if (i < d) {
                            w[h][i] -= delta;
                        } else {
                            b[h] -= delta;
                        }
                    }
                }
            }
        }
        float[][] weights = new float[heads][d];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < d; i++) {
                weights[h][i] = (float) w[h][i];
            }
        }
        double[] half = new double[heads];
        Arrays.fill(half, 0.5);
        return new Heads(names, weights, b, half);
    }

    /** Per head, how much a positive counts: negatives / positives among known labels, capped. */
    private static double[] positiveWeights(int heads, List<Example> examples, double cap) {
        double[] positives = new double[heads];
        double[] negatives = new double[heads];
        for (Example e : examples) {
            for (int h = 0; h < heads; h++) {
                if (e.known()[h]) {
                    if (e.y()[h]) {
                        positives[h] += e.weight();
                    } else {
                        negatives[h] += e.weight();
                    }
                }
            }
        }
        double[] weights = new double[heads];
        for (int h = 0; h < heads; h++) {
            weights[h] = positives[h] == 0 ? 1 : Math.max(1, Math.min(cap, negatives[h] / positives[h]));
        }
        return weights;
    }

    /** Fisher–Yates from the trainer's own seeded random, so the same seed gives the same order. */
    static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
