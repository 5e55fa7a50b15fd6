package dev.baton.bench;

import dev.baton.triage.CueKind;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * The numbers as the cues table prints them, kept so (in a weight file's provenance) for later printing.
     *
     * @param categories whether the file's labels name a kind (else the right category is not a number: NaN)
     */
    Numbers numbers(boolean categories) {
        return new Numbers(n(), recall(), precision(), f1(), falseAlarms(), categories ? rightCategory() : Double.NaN);
    }

    /** What a cue file scored, rounded as printed. */
    record Numbers(int n, double recall, double precision, double f1, double falseAlarms, double rightCategory) {

        private static final Pattern WORDS = Pattern.compile("n (\\d+), recall ([0-9.]+), precision ([0-9.]+),"
                + " F1 ([0-9.]+), false alarms ([0-9.]+), right category ([0-9.]+|n/a)");

        /** In words, as a weight file keeps them; {@link #parse} reads them back. */
        String words() {
            return String.format(Locale.ROOT, "n %d, recall %.3f, precision %.3f, F1 %.3f, false alarms %.3f,"
                    + " right category %s", n, recall, precision, f1, falseAlarms,
                    Double.isNaN(rightCategory) ? "n/a" : String.format(Locale.ROOT, "%.3f", rightCategory));
        }

        /** The numbers at the start of {@code words}; anything may follow them (how they were measured). */
        static Numbers parse(String words) {
            Matcher m = WORDS.matcher(words);
            if (!m.lookingAt()) {
                throw new IllegalArgumentException("not cue numbers: \"" + words + "\"");
            }
            return new Numbers(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                    m.group(6).equals("n/a") ? Double.NaN : Double.parseDouble(m.group(6)));
        }
    }
}
