package dev.baton.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores of a binary decision against gold labels: precision, recall, F1, false-alarm rate, the best
 * threshold for F1, and expected calibration error (how far stated probabilities are from observed
 * frequencies, averaged over ten equal-width bins).
 */
public final class BinaryScore {

    private final List<double[]> points = new ArrayList<>();

    public void add(double probability, boolean gold) {
        points.add(new double[] {probability, gold ? 1 : 0});
    }

    public int size() {
        return points.size();
    }

    public int positives() {
        int n = 0;
        for (double[] p : points) {
            n += (int) p[1];
        }
        return n;
    }

    public record At(double threshold, double precision, double recall, double f1, double falseAlarms) {
    }

    public At at(double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (double[] p : points) {
            boolean predicted = p[0] >= threshold;
            boolean gold = p[1] == 1;
            if (predicted && gold) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (gold) {
                fn++;
            } else {
                tn++;
            }
        }
        double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double falseAlarms = fp + tn == 0 ? 0 : fp / (double) (fp + tn);
        return new At(threshold, precision, recall, f1, falseAlarms);
    }

    /** The threshold in [0.05, 0.95] (steps of 0.01) with the best F1; ties go to the higher threshold. */
    public At bestF1() {
        return bestF(1);
    }

    /**
     * The threshold in [0.05, 0.95] (steps of 0.01) with the best F-beta; ties go to the higher threshold.
     * A beta below 1 weighs precision more: a cue that fires wrongly costs a person's time.
     */
    public At bestF(double beta) {
        At best = at(0.5);
        double bestScore = -1;
        for (int t = 5; t <= 95; t++) {
            At candidate = at(t / 100.0);
            double p = candidate.precision();
            double r = candidate.recall();
            double score = p + r == 0 ? 0 : (1 + beta * beta) * p * r / (beta * beta * p + r);
            if (score >= bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    public double expectedCalibrationError() {
        int bins = 10;
        double[] confidence = new double[bins];
        double[] hits = new double[bins];
        int[] count = new int[bins];
        for (double[] p : points) {
            int b = Math.min(bins - 1, (int) (p[0] * bins));
            confidence[b] += p[0];
            hits[b] += p[1];
            count[b]++;
        }
        double error = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                error += Math.abs(confidence[b] - hits[b]) / points.size();
            }
        }
        return error;
    }
}
