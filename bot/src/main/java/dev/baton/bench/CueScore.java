package dev.baton.bench;

import dev.baton.triage.CueKind;
import java.util.Set;

/**
 * Flagged or not against positive or not, for one cue file or several pooled (a micro average): recall,
 * precision, F1, false alarms and, where the label names a kind, how often a flag named the right one.
 */
final class CueScore {

    private int truePositives;
    private int falsePositives;
    private int falseNegatives;
    private int trueNegatives;
    private int named;

    /**
     * @param fired    the counted kinds that flagged the message (none: not flagged)
     * @param goldKind the kind the label names, on a positive row of a file whose labels name one; else null
     */
    void add(boolean gold, Set<CueKind> fired, CueKind goldKind) {
        if (gold && !fired.isEmpty()) {
            truePositives++;
            if (goldKind != null && fired.contains(goldKind)) {
                named++;
            }
        } else if (gold) {
            falseNegatives++;
        } else if (!fired.isEmpty()) {
            falsePositives++;
        } else {
            trueNegatives++;
        }
    }

    /** Pools another file's counts into these. */
    void add(CueScore other) {
        truePositives += other.truePositives;
        falsePositives += other.falsePositives;
        falseNegatives += other.falseNegatives;
        trueNegatives += other.trueNegatives;
        named += other.named;
    }

    int n() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    double recall() {
        return new Ratio(truePositives, truePositives + falseNegatives).value();
    }

    double precision() {
        return new Ratio(truePositives, truePositives + falsePositives).value();
    }

    double f1() {
        double precision = precision();
        double recall = recall();
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    double falseAlarms() {
        return new Ratio(falsePositives, falsePositives + trueNegatives).value();
    }

    /** Of the flagged positives, the share flagged with the kind the label names. */
    double rightCategory() {
        return new Ratio(named, truePositives).value();
    }
}
