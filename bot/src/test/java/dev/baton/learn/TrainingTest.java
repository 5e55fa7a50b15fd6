package dev.baton.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.bench.OutOfFold;
import dev.baton.text.HashingEmbedder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training command end to end on a tiny committed sample, with the fast hashing embedder. */
class TrainingTest {

    private static Path sample() throws URISyntaxException {
        return Path.of(TrainingTest.class.getResource("/training-sample").toURI());
    }

    private static List<Path> train(Path out, ByteArrayOutputStream log) throws Exception {
        return train(out, log, LogisticTrainer.Settings.DEFAULT.withEpochs(3));
    }

    private static List<Path> train(Path out, ByteArrayOutputStream log, LogisticTrainer.Settings settings)
            throws Exception {
        Path data = sample();
        return new Training(new HashingEmbedder(), new PrintStream(log, true, StandardCharsets.UTF_8), 1,
                new OutOfFold())
                .run(data, data.resolve("written"), data.resolve("shared"), out, List.of("cues", "answers"),
                        settings);
    }

    @Test
    void trainingWritesBothWeightFilesAndTheyLoad(@TempDir Path out) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<Path> files = train(out, log);

        assertEquals(List.of(out.resolve(Training.CUES), out.resolve(Training.ANSWERS)), files);
        WeightFile cues = WeightFile.read(files.get(0));
        assertEquals(CueExamples.HEADS, cues.heads().names());
        assertEquals("6", cues.provenance().get("rows goemotions/train"));
        assertEquals("6", cues.provenance().get("rows written"));
        assertEquals("6", cues.provenance().get("rows emotion_goemotions dev half"));
        assertEquals("4", cues.provenance().get("rows urgency_mooc dev half"));
        assertEquals("4", cues.provenance().get("rows stress_dreaddit dev half"));
        assertTrue(cues.provenance().keySet().stream().noneMatch(k -> k.contains("empathetic")),
                "EmpatheticDialogues is evaluation only: " + cues.provenance().keySet());
        assertTrue(cues.provenance().get(Training.OUT_OF_FOLD + "urgency_mooc").startsWith("n 4, recall "),
                cues.provenance().toString());
        assertEquals(WeightFile.sha256(Files.readAllBytes(sample().resolve("shared/bench/urgency_mooc.dev.jsonl"))),
                cues.provenance().get(Training.TRAINED_ON + "urgency_mooc"), "the bench quotes them for this file only");
        assertEquals(1, WeightFile.read(files.get(1)).heads().size());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("cross-validated"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheSharedDevHalvesTrainingSaysSoAndGoesOn(@TempDir Path out) throws Exception {
        Path data = sample();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new Training(new HashingEmbedder(), new PrintStream(log, true, StandardCharsets.UTF_8), 1, new OutOfFold())
                .run(data, data.resolve("written"), out.resolve("absent"), out, List.of("cues"),
                        LogisticTrainer.Settings.DEFAULT.withEpochs(3));

        assertTrue(log.toString(StandardCharsets.UTF_8).contains("no shared dev halves at"),
                log.toString(StandardCharsets.UTF_8));
        WeightFile cues = WeightFile.read(out.resolve(Training.CUES));
        assertTrue(cues.provenance().keySet().stream().noneMatch(k -> k.startsWith(Training.OUT_OF_FOLD)),
                cues.provenance().keySet().toString());
    }

    @Test
    void trainingTwiceGivesTheSameBytes(@TempDir Path first, @TempDir Path second) throws Exception {
        train(first, new ByteArrayOutputStream());
        train(second, new ByteArrayOutputStream());

        for (String name : List.of(Training.CUES, Training.ANSWERS)) {
            assertEquals(Files.readString(first.resolve(name)), Files.readString(second.resolve(name)), name);
        }
    }

    @Test
    void anotherSeedGivesOtherWeightsAndTheFilesSayWhichSeed(@TempDir Path first, @TempDir Path second)
            throws Exception {
        train(first, new ByteArrayOutputStream());
        train(second, new ByteArrayOutputStream(), LogisticTrainer.Settings.DEFAULT.withEpochs(3).withSeed(7));

        for (String name : List.of(Training.CUES, Training.ANSWERS)) {
            assertEquals("13", WeightFile.read(first.resolve(name)).provenance().get("seed"), name);
            assertEquals("7", WeightFile.read(second.resolve(name)).provenance().get("seed"), name);
        }
        // The network starts from random weights; the answerability regression starts from zero, and on a sample
        // this small it sees every row in one batch, so only the cue heads move.
        assertFalse(Arrays.equals(WeightFile.read(first.resolve(Training.CUES)).heads().weights()[0],
                WeightFile.read(second.resolve(Training.CUES)).heads().weights()[0]));
    }

    @Test
    void goEmotionsLabelsMapOnlyToTheFeelingsTheyName() throws IOException, URISyntaxException {
        List<CueExamples.Row> rows = new CueExamples().load(sample(), sample().resolve("written"));

        CueExamples.Row grief = rows.stream().filter(r -> r.text().startsWith("my grandmother")).findFirst().orElseThrow();
        assertTrue(grief.y()[CueExamples.HEADS.indexOf("sadness_grief")]);
        assertTrue(!grief.known()[CueExamples.HEADS.indexOf("human_request")],
                "GoEmotions says nothing about requests for a person");
        CueExamples.Row person = rows.stream().filter(r -> r.text().startsWith("can I talk")).findFirst().orElseThrow();
        assertTrue(person.y()[CueExamples.HEADS.indexOf("human_request")]);
        assertTrue(person.known()[CueExamples.HEADS.indexOf("anger")]);
    }
}
