package dev.baton.learn;

import dev.baton.text.Heads;
import dev.baton.text.Hidden;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fits the cue heads behind one shared hidden layer (ReLU) with mini-batch Adam. The heads share what
 * the layer learns: that a repeated ask, a deadline and a lost parent read differently from a plain
 * question, whatever words carry them. Out of fold it beat one logistic regression per head on every
 * head (docs/models.md).
 *
 * <p>As in {@link LogisticTrainer}, each example says which heads it carries a label for, and a head's
 * gradient is averaged over the examples that label it. Deterministic: one thread, the order of
 * examples and the first weights drawn from a fixed seed, sums in a fixed order.
 */
public final class NetTrainer {

    /** How a fit runs. */
    public record Settings(int units, int epochs, double learningRate, double l2, int batch, long seed) {
        public static final Settings DEFAULT = new Settings(128, 10, 1e-3, 1e-4, 128, 13);

        public Settings {
            if (units < 1 || epochs < 1 || batch < 1 || learningRate <= 0 || l2 < 0) {
                throw new IllegalArgumentException("bad network settings: " + units + " units, " + epochs
                        + " epochs, batch " + batch + ", learning rate " + learningRate + ", l2 " + l2);
            }
        }

        public Settings withEpochs(int n) {
            return new Settings(units, n, learningRate, l2, batch, seed);
        }
    }

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private NetTrainer() {
    }

    public static Heads train(List<String> names, List<LogisticTrainer.Example> examples, Settings settings) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        int heads = names.size();
        int d = examples.get(0).x().length;
        int u = settings.units();
        Random random = new Random(settings.seed());
        float[][] w1 = new float[d][u];
        float[] b1 = new float[u];
        float[][] w2 = new float[heads][u];
        float[] b2 = new float[heads];
        double scale1 = Math.sqrt(2.0 / d);
        for (float[] row : w1) {
            for (int j = 0; j < u; j++) {
                row[j] = (float) (random.nextGaussian() * scale1);
            }
        }
        double scale2 = Math.sqrt(1.0 / u);
        for (float[] row : w2) {
            for (int j = 0; j < u; j++) {
                row[j] = (float) (random.nextGaussian() * scale2);
            }
        }
        Adam adam = new Adam(d, u, heads);
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int batch = settings.batch();
        float[][] hidden = new float[batch][u];
        float[][] err = new float[batch][heads];
        float[][] gradHidden = new float[batch][u];
        float[][] gw1 = new float[d][u];
        float[] gb1 = new float[u];
        float[][] gw2 = new float[heads][u];
        float[] gb2 = new float[heads];
        double[] mass = new double[heads];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            LogisticTrainer.shuffle(order, random);
            for (int start = 0; start < order.length; start += batch) {
                int n = Math.min(batch, order.length - start);
                // Forward: the hidden layer, then each labelled head's error.
                Arrays.fill(mass, 0);
                for (int r = 0; r < n; r++) {
                    LogisticTrainer.Example e = examples.get(order[start + r]);
                    float[] x = e.x();
                    float[] h = hidden[r];
                    System.arraycopy(b1, 0, h, 0, u);
                    for (int i = 0; i < d; i++) {
                        float xi = x[i];
                        float[] row = w1[i];
                        for (int j = 0; j < u; j++) {
                            h[j] += xi * row[j];
                        }
                    }
                    for (int j = 0; j < u; j++) {
                        h[j] = Math.max(0, h[j]);
                    }
                    for (int k = 0; k < heads; k++) {
                        if (!e.known()[k]) {
                            err[r][k] = 0;
                            continue;
                        }
                        double z = b2[k];
                        float[] wk = w2[k];
                        for (int j = 0; j < u; j++) {
                            z += wk[j] * h[j];
                        }
                        err[r][k] = (float) (e.weight() * (Heads.sigmoid(z) - (e.y()[k] ? 1 : 0)));
                        mass[k] += e.weight();
                    }
                }
                for (int r = 0; r < n; r++) {
                    for (int k = 0; k < heads; k++) {
                        err[r][k] = mass[k] == 0 ? 0 : (float) (err[r][k] / mass[k]);
                    }
                }
                // Backward.
                for (float[] row : gw2) {
                    Arrays.fill(row, 0);
                }
                Arrays.fill(gb2, 0);
                Arrays.fill(gb1, 0);
                for (int r = 0; r < n; r++) {
                    float[] h = hidden[r];
                    float[] gh = gradHidden[r];
                    Arrays.fill(gh, 0);
                    for (int k = 0; k < heads; k++) {
                        float ek = err[r][k];
                        if (ek == 0) {
                            continue;
                        }
                        gb2[k] += ek;
                        float[] gk = gw2[k];
                        float[] wk = w2[k];
                        for (int j = 0; j < u; j++) {
                            gk[j] += ek * h[j];
                            gh[j] += ek * wk[j];
                        }
                    }
                    for (int j = 0; j < u; j++) {
                        if (h[j] <= 0) {
                            gh[j] = 0;
                        }
                        gb1[j] += gh[j];
                    }
                }
                for (int i = 0; i < d; i++) {
                    float[] g = gw1[i];
                    float[] w = w1[i];
                    for (int j = 0; j < u; j++) {
                        g[j] = (float) settings.l2() * w[j];
                    }
                    for (int r = 0; r < n; r++) {
                        float xi = examples.get(order[start + r]).x()[i];
                        if (xi == 0) {
                            continue;
                        }
                        float[] gh = gradHidden[r];
                        for (int j = 0; j < u; j++) {
                            g[j] += xi * gh[j];
                        }
                    }
                }
                for (int k = 0; k < heads; k++) {
                    for (int j = 0; j < u; j++) {
                        gw2[k][j] += (float) settings.l2() * w2[k][j];
                    }
                }
                adam.step(settings.learningRate(), w1, gw1, b1, gb1, w2, gw2, b2, gb2);
            }
        }
        double[] biases = new double[heads];
        for (int k = 0; k < heads; k++) {
            biases[k] = b2[k];
        }
        double[] half = new double[heads];
        Arrays.fill(half, 0.5);
        return new Heads(names, w2, biases, half, new Hidden(w1, b1));
    }

    /** Adam's moment estimates for every parameter of the network. */
    private static final class Adam {
        private final float[][] m1;
        private final float[][] v1;
        private final float[] mb1;
        private final float[] vb1;
        private final float[][] m2;
        private final float[][] v2;
        private final float[] mb2;
        private final float[] vb2;
        private long t;

        Adam(int d, int u, int heads) {
            m1 = new float[d][u];
            v1 = new float[d][u];
            mb1 = new float[u];
            vb1 = new float[u];
            m2 = new float[heads][u];
            v2 = new float[heads][u];
            mb2 = new float[heads];
            vb2 = new float[heads];
        }

        void step(double rate, float[][] w1, float[][] g1, float[] b1, float[] gb1, float[][] w2, float[][] g2,
                  float[] b2, float[] gb2) {
            t++;
            float c1 = (float) (rate / (1 - Math.pow(BETA1, t)));
            float c2 = (float) (1 / (1 - Math.pow(BETA2, t)));
            for (int i = 0; i < w1.length; i++) {
                update(w1[i], g1[i], m1[i], v1[i], c1, c2);
            }
            update(b1, gb1, mb1, vb1, c1, c2);
            for (int k = 0; k < w2.length; k++) {
                update(w2[k], g2[k], m2[k], v2[k], c1, c2);
            }
            update(b2, gb2, mb2, vb2, c1, c2);
        }

        private static void update(float[] w, float[] g, float[] m, float[] v, float c1, float c2) {
            for (int j = 0; j < w.length; j++) {
                float gj = g[j];
                m[j] = BETA1 * m[j] + (1 - BETA1) * gj;
                v[j] = BETA2 * v[j] + (1 - BETA2) * gj * gj;
                w[j] -= c1 * m[j] / ((float) Math.sqrt(v[j] * c2) + EPSILON);
            }
        }
    }
}
