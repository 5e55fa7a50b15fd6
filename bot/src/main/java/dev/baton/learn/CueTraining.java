package dev.baton.learn;

import dev.baton.text.Heads;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains the cue heads: five-fold cross-validation over the training rows chooses each head's firing
 * threshold (best F1 on rows the fold's model never saw), then one model is fitted on every row.
 * The cross-validated scores are printed per head and per source, so the training log says how well
 * each head does on data it was not fitted on. The fold models are kept, with those thresholds, so that
 * {@link OutOfFold} can score each held-out row through the engine.
 */
public record CueTraining(LogisticTrainer.Settings settings, PrintStream log) {

    public static final int FOLDS = 5;
    /**
     * Thresholds weigh precision and recall alike (F1). F0.5 was tried first (a cue that fires on a plain
     * question costs a person's time), but on Emberfall it named the right reason less often for one more
     * answer (docs/models.md).
     */
    static final double BETA = 1.0;

    /**
     * The fitted heads, each head's cross-validated scores in words (kept in the weight file), and the five
     * fold models at the chosen thresholds: fold k's never saw a row whose text falls in fold k.
     */
    public record Result(Heads heads, Map<String, String> crossValidated, List<Heads> folds) {
    }

    public Result train(List<CueExamples.Row> rows, VectorCache vectors) {
        List<String> heads = CueExamples.HEADS;
        List<LogisticTrainer.Example> examples = new ArrayList<>(rows.size());
        for (CueExamples.Row row : rows) {
            examples.add(new LogisticTrainer.Example(vectors.get(row.text()), row.y(), row.known(), row.weight()));
        }
        BinaryScore[] pooled = new BinaryScore[heads.size()];
        Map<String, BinaryScore[]> bySource = new TreeMap<>();
        for (int h = 0; h < heads.size(); h++) {
            pooled[h] = new BinaryScore();
        }
        List<Heads> folds = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<LogisticTrainer.Example> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (Folds.of(rows.get(i).text(), FOLDS) == fold) {
                    held.add(i);
                } else {
                    train.add(examples.get(i));
                }
            }
            Heads model = fit(heads, train);
            folds.add(model);
            for (int i : held) {
                CueExamples.Row row = rows.get(i);
                BinaryScore[] source = bySource.computeIfAbsent(row.source(), s -> fresh(heads.size()));
                // Every head at once: the hidden layer is read once per row, not once per head.
                double[] probabilities = model.probabilities(examples.get(i).x());
                for (int h = 0; h < heads.size(); h++) {
                    if (row.known()[h]) {
                        double p = probabilities[h];
                        if (isSupportChat(row.source())) {
                            pooled[h].add(p, row.y()[h]);
                        }
                        source[h].add(p, row.y()[h]);
                    }
                }
            }
            log.printf(Locale.ROOT, "  cue fold %d/%d trained on %d rows%n", fold + 1, FOLDS, train.size());
        }
        double[] thresholds = new double[heads.size()];
        Map<String, String> crossValidated = new LinkedHashMap<>();
        log.println("  cue heads, 5-fold cross-validated on the support-chat training rows (threshold chosen for F1):");
        log.println("  | head | rows | positives | threshold | precision | recall | F1 | false alarms | ECE |");
        for (int h = 0; h < heads.size(); h++) {
            BinaryScore.At best = pooled[h].bestF(BETA);
            thresholds[h] = best.threshold();
            crossValidated.put("cross-validated " + heads.get(h), String.format(Locale.ROOT,
                    "threshold %.2f, precision %.3f, recall %.3f, F1 %.3f, false alarms %.3f, ECE %.3f (%d support-chat"
                            + " rows, %d positive, %d folds)", best.threshold(), best.precision(), best.recall(), best.f1(),
                    best.falseAlarms(), pooled[h].expectedCalibrationError(), pooled[h].size(), pooled[h].positives(),
                    FOLDS));
            log.printf(Locale.ROOT, "  | %s | %d | %d | %.2f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", heads.get(h),
                    pooled[h].size(), pooled[h].positives(), best.threshold(), best.precision(), best.recall(),
                    best.f1(), best.falseAlarms(), pooled[h].expectedCalibrationError());
        }
        log.println("  per source at those thresholds (F1 / false alarms; - where the source has no positives):");
        bySource.forEach((source, scores) -> {
            StringBuilder line = new StringBuilder("  " + source + ":");
            for (int h = 0; h < heads.size(); h++) {
                if (scores[h].size() == 0) {
                    continue;
                }
                BinaryScore.At at = scores[h].at(thresholds[h]);
                line.append(String.format(Locale.ROOT, " %s %s/%.3f", heads.get(h),
                        scores[h].positives() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", at.f1()), at.falseAlarms()));
            }
            log.println(line);
        });
        return new Result(fit(heads, examples).withFiresAt(thresholds), crossValidated,
                folds.stream().map(f -> f.withFiresAt(thresholds)).toList());
    }

    /** The heads behind one hidden layer (NetTrainer): out of fold they beat a logistic regression per head. */
    private Heads fit(List<String> heads, List<LogisticTrainer.Example> examples) {
        return NetTrainer.train(heads, examples, new NetTrainer.Settings(UNITS, settings.epochs(), NET_LEARNING_RATE,
                settings.l2(), settings.batch(), settings.seed()));
    }

    static final int UNITS = 128;
    static final double NET_LEARNING_RATE = 1e-3;

    /**
     * Thresholds are chosen where Baton works: on support-chat rows (its written customer messages and
     * the public requests to banks and assistants), not on Reddit comments, forum posts or diary-like
     * stories, which teach the heads what feelings sound like but not how often a customer's question
     * carries one (a third or more of each dev half is positive; of support chat, under one
     * message in a hundred per head). It also keeps the shared dev halves' labels out of every threshold,
     * so their out-of-fold numbers are on rows nothing was fitted or tuned on.
     */
    static boolean isSupportChat(String source) {
        return source.equals("written") || source.startsWith("banking77") || source.startsWith("clinc150")
                || source.startsWith("hwu64") || source.startsWith("snips");
    }

    private static BinaryScore[] fresh(int n) {
        BinaryScore[] scores = new BinaryScore[n];
        for (int i = 0; i < n; i++) {
            scores[i] = new BinaryScore();
        }
        return scores;
    }
}
