package dev.baton.bench;

import static dev.baton.text.Jackson.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.learn.CueExamples;
import dev.baton.learn.CueTraining;
import dev.baton.learn.LogisticTrainer;
import dev.baton.learn.VectorCache;
import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A shared dev row is scored only by the fold model that never saw it. Every generated text gets a dimension
 * of its own, so a head can tell a row apart only by having been trained on it: a model that saw the rows
 * flags every angry one, a model that did not flags none.
 */
class OutOfFoldTest {

    private static final int DIMENSIONS = 384;

    /** One dimension per text, in the order first asked; the last is shared by anything past the rest. */
    private static final class OneHot implements TextEmbedder {
        private final Map<String, Integer> index = new HashMap<>();

        @Override
        public synchronized float[] embed(String text) {
            float[] v = new float[DIMENSIONS];
            v[Math.min(DIMENSIONS - 1, index.computeIfAbsent(text, t -> index.size()))] = 1;
            return v;
        }
    }

    private final OneHot embedder = new OneHot();
    private final VectorCache vectors = new VectorCache(embedder, null);
    private final CueFile goemotions = CueFile.named("emotion_goemotions");
    private final CueExamples.SharedHalf half = CueExamples.SHARED_HALVES.stream()
            .filter(h -> h.name().equals("emotion_goemotions")).findFirst().orElseThrow();

    private List<CueExamples.Shared> angryDevRows() {
        List<CueExamples.Shared> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String label = i % 3 == 0 ? "none" : "anger";
            ObjectNode node = JSON.createObjectNode().put("text", "generated comment number " + i).put("label", label);
            node.putArray("labels").add(label);
            CueExamples.Row row = half.teaches().apply(node);
            rows.add(new CueExamples.Shared(half.name(), node,
                    new CueExamples.Row(row.text(), row.y(), row.known(), "emotion_goemotions dev half", 1)));
        }
        return rows;
    }

    /** Plain support questions, every head known and no cue: they set the thresholds and keep biases low. */
    private static List<CueExamples.Row> supportRows() {
        List<CueExamples.Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean[] known = new boolean[CueExamples.HEADS.size()];
            Arrays.fill(known, true);
            rows.add(new CueExamples.Row("generated question number " + i, new boolean[known.length], known, "written",
                    1));
        }
        return rows;
    }

    @Test
    void eachSharedRowIsScoredByTheFoldModelThatNeverSawIt() {
        List<CueExamples.Shared> shared = angryDevRows();
        List<CueExamples.Row> rows = new ArrayList<>(supportRows());
        shared.forEach(s -> rows.add(s.row()));
        vectors.embedAll(rows.stream().map(CueExamples.Row::text).toList(), 1, line -> { });
        // Enough steps, and no shrinkage, for a head to learn each row it sees by its own dimension.
        LogisticTrainer.Settings memorise = new LogisticTrainer.Settings(300, 0.1, 0, 16, 13, 1);

        CueTraining.Result result = new CueTraining(memorise, new PrintStream(OutputStream.nullOutputStream()))
                .train(rows, vectors);
        CueScore outOfFold = OutOfFold.scores(shared, result.folds(), vectors).get(goemotions);
        List<Heads> sawEverything = List.of(result.heads(), result.heads(), result.heads(), result.heads(),
                result.heads());
        CueScore inSample = OutOfFold.scores(shared, sawEverything, vectors).get(goemotions);

        assertEquals(60, outOfFold.n());
        assertEquals(1.0, inSample.recall(), "trained on a row, the heads flag it");
        assertEquals(0.0, outOfFold.recall(), "out of fold, no angry row is flagged: none was seen by its scorer");
        assertEquals(0.0, outOfFold.falseAlarms());
    }
}
