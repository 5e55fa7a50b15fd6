package dev.baton.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.knowledge.AnswerMatcher;
import dev.baton.text.Heads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightFileTest {

    @Test
    void aWeightFileReadsBackAsWritten(@TempDir Path dir) throws IOException {
        Heads heads = new Heads(List.of("a", "b"), new float[][] {{0.25f, -1.5f}, {3f, 0f}}, new double[] {0.5, -2},
                new double[] {0.4, 0.6});
        Path file = dir.resolve("m.json");
        new WeightFile("test", "two numbers", heads, Map.of("rows", "12")).write(file);

        WeightFile read = WeightFile.read(file);
        assertEquals(List.of("a", "b"), read.heads().names());
        assertArrayEquals(heads.weights()[0], read.heads().weights()[0]);
        assertArrayEquals(heads.firesAt(), read.heads().firesAt());
        assertEquals("12", read.provenance().get("rows"));
    }

    @Test
    void aMalformedWeightFileSaysWhatIsMissing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"model\": \"x\", \"input\": \"y\", \"heads\": [{\"name\": \"a\", \"bias\": 0}]}");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WeightFile.read(file));
        assertTrue(e.getMessage().contains("fires_at"), e.getMessage());
    }

    @Test
    void theShippedModelsLoadWithTheShapesTheEngineReads() {
        Models models = Models.shipped();

        assertEquals(CueExamples.HEADS, models.cues().names());
        assertEquals(384, models.cues().inputs());
        assertEquals(AnswerMatcher.FEATURES.size(), models.answers().inputs());
    }

    @Test
    void theShippedWeightFilesMatchTheChecksumsInDocsModels() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "models.md"));
        for (String name : List.of(Training.CUES, Training.ANSWERS)) {
            Matcher m = Pattern.compile("`" + Pattern.quote(name) + "`[^\\n]*?sha256 `([0-9a-f]{64})`").matcher(doc);
            assertTrue(m.find(), "docs/models.md lists no sha256 for " + name);
            try (InputStream in = WeightFile.class.getResourceAsStream("/dev/baton/learn/" + name)) {
                assertEquals(m.group(1), WeightFile.sha256(in.readAllBytes()),
                        name + " changed: retrain with `baton train` and update docs/models.md");
            }
        }
    }

    @Test
    void theShippedWeightFilesAreWrittenBackByteForByte() throws IOException {
        // Their checksums are published, so the JSON layout (indentation, field order, number form)
        // must not drift when the way JSON is written changes.
        for (String name : List.of(Models.CUES, Models.ANSWERS)) {
            try (InputStream in = WeightFile.class.getResourceAsStream(name)) {
                assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), WeightFile.resource(name).json(),
                        name);
            }
        }
    }
}
