package dev.baton.learn;

import dev.baton.knowledge.AnswerMatcher;
import dev.baton.text.TextEmbedder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds Baton's shipped weight files from training data: the public training splits in
 * {@code data} (see docs/models.md for where each comes from), Baton's own written examples in
 * {@code written}, and the shared dev halves in {@code shared} that may be trained on. Deterministic:
 * the same files give the same weights.
 */
public final class Training {

    public static final String CUES = "cues.json";
    public static final String ANSWERS = "answers.json";
    public static final String INPUT = "all-MiniLM-L6-v2 (quantised) sentence embedding, 384 values, unit length";

    private final TextEmbedder embedder;
    private final PrintStream log;
    private final int threads;
    private final FoldScoring outOfFold;

    /** @param outOfFold how the shared dev halves trained on are scored out of fold (through the engine) */
    public Training(TextEmbedder embedder, PrintStream log, int threads, FoldScoring outOfFold) {
        this.embedder = embedder;
        this.log = log;
        this.threads = threads;
        this.outOfFold = outOfFold;
    }

    /**
     * Trains the parts named in {@code only} ("cues", "answers") and writes their files into {@code out}.
     *
     * @param shared the evaluation data ({@code ../shared/data}); the cue heads learn from its dev halves whose
     *               licence allows it and are measured on them out of fold. Skipped, said so, when absent.
     */
    public List<Path> run(Path data, Path written, Path shared, Path out, List<String> only,
                          LogisticTrainer.Settings settings) throws IOException {
        if (!Files.isDirectory(written)) {
            throw new IOException("no written training examples at " + written);
        }
        VectorCache vectors = new VectorCache(embedder, Files.isDirectory(data) ? data.resolve(".vectors/minilm.bin") : null);
        List<Path> files = new ArrayList<>();
        if (only.contains("cues")) {
            CueExamples examples = new CueExamples();
            List<CueExamples.Row> rows = new ArrayList<>(examples.load(data, written));
            List<CueExamples.Shared> halves = List.of();
            if (Files.isDirectory(shared.resolve("bench"))) {
                halves = examples.shared(shared);
                halves.forEach(half -> rows.add(half.row()));
            } else {
                log.println("no shared dev halves at " + shared.toAbsolutePath().normalize()
                        + "; the cue heads learn from the training splits and written messages alone");
            }
            log.println("cue training rows per source: " + examples.counts());
            vectors.embedAll(rows.stream().map(CueExamples.Row::text).toList(), threads, log::println);
            CueTraining.Result cues = new CueTraining(settings, log).train(rows, vectors);
            Map<String, String> provenance = new LinkedHashMap<>();
            examples.counts().forEach((source, n) -> provenance.put("rows " + source, Integer.toString(n)));
            provenance.putAll(cues.crossValidated());
            provenance.putAll(outOfFold(halves, cues, vectors, shared));
            if (!halves.isEmpty()) {
                Map<String, Double> weights = new TreeMap<>();
                CueExamples.SHARED_HALVES.forEach(half -> weights.put(half.name(), half.weight()));
                provenance.put("weight per row", "written " + CueExamples.WRITTEN_WEIGHT + "; shared dev halves "
                        + weights + "; every other row 1.0");
            }
            provenance.put("seed", Long.toString(settings.seed()));
            provenance.put("trainer", "one hidden layer of " + CueTraining.UNITS + " ReLU units shared by the heads"
                    + " (NetTrainer), Adam, learning rate " + CueTraining.NET_LEARNING_RATE + ", " + settings.epochs()
                    + " epochs, l2 " + settings.l2() + ", batch " + settings.batch()
                    + ", thresholds by 5-fold cross-validated F1");
            Path file = out.resolve(CUES);
            new WeightFile("cues", INPUT, cues.heads(), provenance).write(file);
            files.add(file);
            log.println("wrote " + file);
        }
        if (only.contains("answers")) {
            AnswerTraining training = new AnswerTraining(settings, log);
            List<AnswerTraining.Bank> banks = training.banks(data, written);
            vectors.embedAll(AnswerTraining.texts(banks), threads, log::println);
            AnswerTraining.Result result = training.train(banks, vectors, log);
            Map<String, String> provenance = new LinkedHashMap<>();
            Map<String, Integer> perFamily = new TreeMap<>();
            banks.forEach(b -> perFamily.merge(b.family(), b.queries().size(), Integer::sum));
            perFamily.forEach((family, n) -> provenance.put("questions " + family, Integer.toString(n)));
            result.leftOut().forEach((family, score) -> {
                BinaryScore.At at = score.at(0.5);
                provenance.put("left out " + family, String.format(Locale.ROOT,
                        "precision %.3f and right tops kept %.3f at 0.5, ECE %.3f (%d questions, the right entry on top"
                                + " in %d; the model never saw a KB of this family)", at.precision(), at.recall(),
                        score.expectedCalibrationError(), score.size(), score.positives()));
            });
            provenance.put("seed", Long.toString(settings.seed()));
            provenance.put("trainer", "L2 logistic regression on standardised match views, Adam");
            Path file = out.resolve(ANSWERS);
            new WeightFile("answers", "match views: " + String.join(", ", AnswerMatcher.FEATURES),
                    result.heads(), provenance).write(file);
            files.add(file);
            log.println("wrote " + file);
        }
        return files;
    }

    /** Per shared dev half trained on, its numbers out of fold and its SHA-256, as kept in the weight file. */
    private Map<String, String> outOfFold(List<CueExamples.Shared> halves, CueTraining.Result cues, VectorCache vectors,
                                          Path shared) throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        if (halves.isEmpty()) {
            return lines;
        }
        log.println("  shared dev halves, out of fold through the engine's cue decision:");
        for (Map.Entry<String, String> e : outOfFold.score(halves, cues.folds(), vectors).entrySet()) {
            String file = e.getKey();
            lines.put(OUT_OF_FOLD + file, e.getValue() + " (" + CueTraining.FOLDS + " folds by a hash of"
                    + " the text: each row read by the engine's detectors with heads fitted without its fold;"
                    + " thresholds chosen on support chat only)");
            Path path = CueExamples.SHARED_HALVES.stream().filter(h -> h.name().equals(file)).findFirst()
                    .orElseThrow().in(shared);
            lines.put(TRAINED_ON + file, WeightFile.sha256(Files.readAllBytes(path)));
            log.println("  " + file + ": " + e.getValue());
        }
        return lines;
    }

    /** The provenance key of a shared dev half's out-of-fold numbers, before the file's name. */
    public static final String OUT_OF_FOLD = "out of fold ";
    /**
     * The provenance key of the SHA-256 of a shared dev half trained on, before the file's name: the bench quotes
     * the out-of-fold numbers for that file only, not for another file of the same name.
     */
    public static final String TRAINED_ON = "trained on ";
}
