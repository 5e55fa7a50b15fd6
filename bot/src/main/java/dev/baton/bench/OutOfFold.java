package dev.baton.bench;

import dev.baton.learn.CueExamples;
import dev.baton.learn.FoldScoring;
import dev.baton.learn.Folds;
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
 * The shared dev halves the cue heads learned from, scored as {@code bench --only cues} scores the engine (its
 * detectors: lexicons, shape detectors and the learned heads, combined and counted by {@link CueFile}), but
 * each row with the heads of the fold that held it out. These are the numbers to quote for a file trained
 * on; the shipped engine's on the same file are in-sample.
 */
public final class OutOfFold implements FoldScoring {

    @Override
    public Map<String, String> score(List<CueExamples.Shared> rows, List<Heads> folds, TextEmbedder embedder) {
        Map<String, String> words = new LinkedHashMap<>();
        scores(rows, folds, embedder).forEach((file, score) ->
                words.put(file.name(), score.numbers(file.categories()).words()));
        return words;
    }

    /** Per cue file, its rows counted as the bench counts them. */
    static Map<CueFile, CueScore> scores(List<CueExamples.Shared> rows, List<Heads> folds, TextEmbedder embedder) {
        List<List<CueDetector>> detectors = folds.stream()
                .map(heads -> TriageEngine.standardDetectors(embedder, heads))
                .toList();
        Map<CueFile, CueScore> scores = new LinkedHashMap<>();
        for (CueExamples.Shared shared : rows) {
            CueFile file = CueFile.named(shared.file());
            // The fold of the text as it was trained on, so the row meets the one model that never saw it.
            int fold = Folds.of(shared.row().text(), folds.size());
            Conversation conversation = Conversation.of(Message.customer(shared.node().path("text").asText()));
            file.score(shared.node(), TriageEngine.cues(detectors.get(fold), conversation),
                    scores.computeIfAbsent(file, f -> new CueScore()));
        }
        return scores;
    }
}
