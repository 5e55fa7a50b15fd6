package dev.baton.repeats;

import java.util.Locale;

/**
 * How found repeats compare with labelled ones. A true positive is a transcript labelled as having a repeat
 * that the detector flagged; how often it also named the labelled message, and the labelled kind, is counted
 * apart, so that "found a repeat" and "found that repeat" can be told apart.
 */
public final class RepeatScore {

    private int truePositives;
    private int falsePositives;
    private int falseNegatives;
    private int trueNegatives;
    private int sameMessage;
    private int sameKind;

    public void add(RepeatFinding expected, RepeatFinding found) {
        if (expected.repeat() && found.repeat()) {
            truePositives++;
            if (expected.message().equals(found.message())) {
                sameMessage++;
            }
            if (expected.kind() == found.kind()) {
                sameKind++;
            }
        } else if (found.repeat()) {
            falsePositives++;
        } else if (expected.repeat()) {
            falseNegatives++;
        } else {
            trueNegatives++;
        }
    }

    public double precision() {
        return truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
    }

    public double recall() {
        return truePositives + falseNegatives == 0 ? 0 : truePositives / (double) (truePositives + falseNegatives);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Among true positives, the share that named the labelled message after pickup. */
    public double sameMessage() {
        return truePositives == 0 ? 0 : sameMessage / (double) truePositives;
    }

    /** Among true positives, the share that named the labelled kind. */
    public double sameKind() {
        return truePositives == 0 ? 0 : sameKind / (double) truePositives;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d, tn %d);"
                        + " of the true positives, same message %.3f, same kind %.3f",
                precision(), recall(), f1(), truePositives, falsePositives, falseNegatives, trueNegatives,
                sameMessage(), sameKind());
    }
}
