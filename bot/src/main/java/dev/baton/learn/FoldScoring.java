package dev.baton.learn;

import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;
import java.util.List;
import java.util.Map;

/**
 * Scores the shared dev rows the cue heads learned from as the engine decides cues, each row with the heads
 * of the fold that never saw it. The engine sits in a layer above this package, so the caller supplies it
 * (the bench's {@code OutOfFold}); training keeps what it returns in the weight file.
 */
@FunctionalInterface
public interface FoldScoring {

    /**
     * @param folds    fold k's heads, fitted on every training row whose text is not in fold k
     *                 ({@link Folds#of}, {@link CueTraining#FOLDS} folds), at the shipped thresholds
     * @param embedder the sentence vectors training computed, and any more the engine asks for
     * @return per file name, its numbers in words, in the order the files come
     */
    Map<String, String> score(List<CueExamples.Shared> rows, List<Heads> folds, TextEmbedder embedder);
}
