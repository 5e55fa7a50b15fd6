package dev.baton.learn;

import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;
import dev.baton.triage.Conversation;
import dev.baton.triage.CueDetector;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared dev halves the heads learned from, scored as {@code bench --only cues} scores the engine (its
 * detectors: lexicons, shape detectors and the learned heads, combined and counted by {@link CueFile}), but
 * each row with the heads of the fold that held it out. These are the numbers to quote for a file trained
 * on; the shipped engine's on the same file are in-sample.
 */
public record OutOfFold(TextEmbedder embedder) {

    /**
     * @param folds fold k's heads, fitted on every training row whose text is not in fold k
     *              ({@link Folds#of}), at the thresholds the shipped heads use
     */
    public Map<CueFile, CueScore> score(List<CueExamples.Shared> rows, List<Heads> folds) {
        List<List<CueDetector>> detectors = folds.stream()
                .map(heads -> TriageEngine.standardDetectors(embedder, heads))
                .toList();
        Map<CueFile, CueScore> scores = new LinkedHashMap<>();
        for (CueExamples.Shared shared : rows) {
            // The fold of the text as it was trained on, so the row meets the one model that never saw it.
            int fold = Folds.of(shared.row().text(), folds.size());
            Conversation conversation = Conversation.of(Message.customer(shared.node().path("text").asText()));
            shared.file().score(shared.node(), TriageEngine.cues(detectors.get(fold), conversation),
                    scores.computeIfAbsent(shared.file(), f -> new CueScore()));
        }
        return scores;
    }
}
