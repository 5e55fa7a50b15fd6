package dev.baton.repeats;

import dev.baton.learn.BinaryScore;
import dev.baton.learn.Folds;
import dev.baton.learn.LogisticTrainer;
import dev.baton.learn.WeightFile;
import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trains the repeat heads from labelled transcripts, and measures them by k-fold cross-validation over
 * transcripts (a transcript's pairs never straddle training and scoring).
 *
 * <p>Which pairs teach what: in a transcript without a repeat, every pair is a "no". In one with a repeat,
 * the labelled pair is a "yes" and every pair before the repeat message a "no"; the other pairs of the
 * repeat message and everything after it are left out, because the label names only the first repeat and
 * its best match, and says nothing about whether a later message repeated something too.
 */
final class RepeatTraining {

    static final String FILE = "repeats.json";
    static final int FOLDS = 5;

    /**
     * Many more epochs than {@link LogisticTrainer.Settings#DEFAULT}: a few hundred pairs make only a handful
     * of batches an epoch. The stronger L2 keeps thirteen weights from chasing single transcripts; positives
     * count up to four times, about the ratio of "no" to "yes" pairs.
     */
    static final LogisticTrainer.Settings SETTINGS = new LogisticTrainer.Settings(400, 0.02, 1e-3, 32, 13, 4.0);

    private static final List<String> HEADS = Arrays.stream(Kind.values()).map(Kind::wireName).toList();

    private final Candidates candidates;

    RepeatTraining(TextEmbedder embedder) {
        this.candidates = new Candidates(embedder);
    }

    /** One labelled transcript with its pairs made once, for training and scoring alike. */
    record Prepared(Labelled labelled, List<Candidate> candidates) {
    }

    private static final Pattern WRITER = Pattern.compile("(t\\d+)-");

    /**
     * The cross-validated numbers: every transcript scored by heads that did not see it, at the given
     * threshold, and the threshold those scores suggest ({@link #chooseThreshold}). The scores are kept per
     * fold too: pooled numbers hide the one writer the detector reads worst.
     */
    record CrossValidated(RepeatScore atThreshold, BinaryScore transcripts, Map<String, BinaryScore> byFold,
                          double chosenThreshold) {
    }

    List<Prepared> prepare(List<Labelled> labelled) {
        List<Prepared> prepared = new ArrayList<>();
        for (Labelled l : labelled) {
            prepared.add(new Prepared(l, candidates.of(l.transcript().messages(), l.transcript().pickedUpAt())));
        }
        return prepared;
    }

    static Heads train(List<Prepared> prepared) {
        List<LogisticTrainer.Example> examples = new ArrayList<>();
        for (Prepared p : prepared) {
            examples.addAll(examples(p));
        }
        return LogisticTrainer.train(HEADS, examples, SETTINGS);
    }

    /**
     * Leave one writer out: trains on every other writer's transcripts, scores the one left out, for each
     * writer; then scores the pooled predictions. A writer is an id's {@code tN-} prefix (the first writer's
     * ids have none). Folds by writer because a detector meets other people's conversations: folds that mix
     * one writer's transcripts scored 0.90 recall where another writer's held-out set gave 0.60. With a
     * single writer, five folds by id.
     */
    static CrossValidated crossValidate(List<Prepared> prepared, double threshold) {
        RepeatScore score = new RepeatScore();
        BinaryScore transcripts = new BinaryScore();
        Map<String, BinaryScore> byFold = new LinkedHashMap<>();
        Map<String, List<Prepared>> folds = folds(prepared);
        for (String fold : folds.keySet()) {
            List<Prepared> training = new ArrayList<>();
            folds.forEach((other, part) -> {
                if (!other.equals(fold)) {
                    training.addAll(part);
                }
            });
            Heads heads = train(training);
            BinaryScore left = byFold.computeIfAbsent(fold, f -> new BinaryScore());
            for (Prepared p : folds.get(fold)) {
                RepeatFinding found = RepeatDetector.decide(p.candidates(), heads, threshold);
                score.add(p.labelled().expected(), found);
                transcripts.add(found.score(), p.labelled().expected().repeat());
                left.add(found.score(), p.labelled().expected().repeat());
            }
        }
        return new CrossValidated(score, transcripts, byFold, chooseThreshold(transcripts));
    }

    /** The transcripts by writer, in order of first appearance; by five id folds when there is one writer. */
    static Map<String, List<Prepared>> folds(List<Prepared> prepared) {
        Map<String, List<Prepared>> byWriter = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            byWriter.computeIfAbsent(writer(p.labelled().id()), w -> new ArrayList<>()).add(p);
        }
        if (byWriter.size() > 1) {
            return byWriter;
        }
        Map<String, List<Prepared>> byId = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            byId.computeIfAbsent("fold " + Folds.of(p.labelled().id(), FOLDS), f -> new ArrayList<>()).add(p);
        }
        return byId;
    }

    static String writer(String id) {
        Matcher m = WRITER.matcher(id == null ? "" : id);
        return m.lookingAt() ? m.group(1) : "t1";
    }

    /**
     * The threshold (0.05 to 0.95 by 0.01) with the best cross-validated F1, the higher one on a tie: issue 18
     * asks for precision and recall both, and a false repeat blames a person who did read the story.
     */
    static double chooseThreshold(BinaryScore transcripts) {
        int best = 5;
        for (int t = 5; t <= 95; t++) {
            if (transcripts.at(t / 100.0).f1() >= transcripts.at(best / 100.0).f1()) {
                best = t;
            }
        }
        return best / 100.0;
    }

    /** The shipped weight file: heads trained on every transcript, firing at {@link RepeatDetector#THRESHOLD}. */
    static WeightFile weightFile(List<Prepared> prepared, Map<String, String> provenance) {
        Heads heads = train(prepared);
        double[] firesAt = new double[heads.size()];
        Arrays.fill(firesAt, RepeatDetector.THRESHOLD);
        Map<String, String> about = new LinkedHashMap<>(provenance);
        about.put("features", String.join(",", Features.NAMES));
        about.put("settings", SETTINGS.toString());
        about.put("transcripts", Integer.toString(prepared.size()));
        return new WeightFile("repeats", Features.NAMES.size() + " pair features (dev.baton.repeats.Features)",
                heads.withFiresAt(firesAt), about);
    }

    static List<LogisticTrainer.Example> examples(Prepared prepared) {
        RepeatFinding expected = prepared.labelled().expected();
        List<LogisticTrainer.Example> examples = new ArrayList<>();
        for (Candidate c : prepared.candidates()) {
            boolean yes = expected.repeat() && c.message() == expected.message() && c.earlier() == expected.earlier();
            boolean taught = yes || !expected.repeat() || c.message() < expected.message();
            if (!taught) {
                continue;
            }
            boolean[] y = new boolean[HEADS.size()];
            boolean[] known = new boolean[HEADS.size()];
            int head = c.kind().ordinal();
            known[head] = true;
            y[head] = yes;
            examples.add(new LogisticTrainer.Example(c.features(), y, known));
        }
        return examples;
    }
}
