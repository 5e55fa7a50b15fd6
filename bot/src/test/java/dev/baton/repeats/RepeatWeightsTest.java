package dev.baton.repeats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.learn.WeightFile;
import dev.baton.text.Heads;
import dev.baton.text.MiniLmEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped repeat weights are what training on the tuning set gives. After changing the features, the
 * training or the tuning set, rewrite them with {@code -Dbaton.repeats.write=true} and commit the file.
 */
class RepeatWeightsTest {

    private static final Path SHIPPED = Path.of("src", "main", "resources", "dev", "baton", "repeats", RepeatTraining.FILE);

    @Test
    void retrainingOnTheTuningSetGivesTheShippedWeightsAndThreshold() throws Exception {
        var prepared = new RepeatTraining(new MiniLmEmbedder()).prepare(RepeatJson.labelled(RepeatBenchmark.TUNING));
        WeightFile trained = RepeatTraining.weightFile(prepared, Map.of(
                "data", "bot/src/test/resources/repeats/tuning.jsonl",
                "data_sha256", WeightFile.sha256(Files.readAllBytes(RepeatBenchmark.TUNING))));
        if (Boolean.getBoolean("baton.repeats.write")) {
            trained.write(SHIPPED);
        }
        Heads shipped = WeightFile.read(SHIPPED).heads();
        Heads heads = trained.heads();
        assertEquals(shipped.names(), heads.names());
        for (int h = 0; h < heads.size(); h++) {
            // The sentence model's arithmetic may differ in the last bits between processors; the weights may not.
            assertArrayEquals(shipped.weights()[h], heads.weights()[h], 1e-3f, "head " + heads.names().get(h));
            assertEquals(shipped.biases()[h], heads.biases()[h], 1e-3, "head " + heads.names().get(h));
        }
        assertEquals(WeightFile.read(SHIPPED).provenance(), trained.provenance(),
                "the tuning set changed since the weights were written; rewrite them with -Dbaton.repeats.write=true");
        assertEquals(RepeatTraining.crossValidate(prepared, RepeatDetector.THRESHOLD).chosenThreshold(),
                RepeatDetector.THRESHOLD, 1e-9, "RepeatDetector.THRESHOLD is not the one cross-validation chooses");
    }
}
