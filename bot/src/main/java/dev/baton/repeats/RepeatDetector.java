package dev.baton.repeats;

import dev.baton.learn.WeightFile;
import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;
import java.util.List;

/**
 * "Nobody repeated", checked: whether, after a person picked a conversation up, the customer had to say
 * again what Baton already had. Each message after pickup is weighed against each customer message before
 * it ({@link Candidates}, {@link Features}) by one of two logistic heads, one per {@link Kind}. The first
 * message whose best pair reaches {@link #THRESHOLD} is the repeat, paired with the earlier message it
 * matches best.
 *
 * <p>The heads' weights are {@code repeats.json} in this package's resources, trained by
 * {@link RepeatTraining} on {@code bot/src/test/resources/repeats/tuning.jsonl} (444 transcripts by four writers, written for
 * it); {@code RepeatWeightsTest} retrains them and checks they come out the same.
 */
public final class RepeatDetector {

    /** The shipped weights, on the class path. */
    public static final String WEIGHTS = "/dev/baton/repeats/" + RepeatTraining.FILE;

    /**
     * A pair counts as a repeat from this probability on: the threshold with the best F1 of "this transcript
     * has a repeat" when each writer of the tuning set is left out in turn and scored by heads trained on
     * the others ({@link RepeatTraining#crossValidate}, {@link RepeatTraining#chooseThreshold}). The weights
     * test checks that cross-validation still chooses this number.
     */
    public static final double THRESHOLD = 0.58;

    private final Candidates candidates;
    private final Heads heads;

    RepeatDetector(TextEmbedder embedder, Heads heads) {
        if (heads.inputs() != Features.NAMES.size()) {
            throw new IllegalArgumentException("the repeat heads read " + heads.inputs() + " features, the detector"
                    + " makes " + Features.NAMES.size() + ": retrain them (RepeatTraining)");
        }
        this.candidates = new Candidates(embedder);
        this.heads = heads;
    }

    /** The detector with the weights shipped in the jar. */
    public static RepeatDetector shipped(TextEmbedder embedder) {
        return new RepeatDetector(embedder, WeightFile.resource(WEIGHTS).heads());
    }

    /**
     * The first repeat at or after {@code pickedUpAt}, or none.
     *
     * @param pickedUpAt the index of the first message after a person picked the conversation up
     * @throws IllegalArgumentException when {@code pickedUpAt} is not the index of one of {@code messages}
     */
    public RepeatFinding find(List<Turn> messages, int pickedUpAt) {
        return decide(candidates.of(messages, pickedUpAt), heads, THRESHOLD);
    }

    /** Weighs the pairs already made: {@link RepeatTraining} scores its held-out folds with this too. */
    static RepeatFinding decide(List<Candidate> candidates, Heads heads, double threshold) {
        Candidate best = null;
        double bestScore = 0;
        Candidate first = null;
        double firstScore = 0;
        for (Candidate candidate : candidates) {
            double p = heads.probability(heads.index(candidate.kind().wireName()), candidate.features());
            if (p > bestScore) {
                best = candidate;
                bestScore = p;
            }
            if (p >= threshold && (first == null || candidate.message() < first.message()
                    || candidate.message() == first.message() && p > firstScore)) {
                first = candidate;
                firstScore = p;
            }
        }
        if (first != null) {
            return RepeatFinding.found(first.kind(), first.message(), first.earlier(), firstScore);
        }
        return RepeatFinding.none(best == null ? 0 : bestScore);
    }
}
