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
 * {@code data} (see docs/models.md for where each comes from) and Baton's own written examples in
 * {@code written}. Deterministic: the same files give the same weights.
 */
public final class Training {

    public static final String CUES = "cues.json";
    public static final String ANSWERS = "answers.json";
    public static final String INPUT = "all-MiniLM-L6-v2 (quantised) sentence embedding, 384 values, unit length";

    private final TextEmbedder embedder;
    private final PrintStream log;
    private final int threads;

    public Training(TextEmbedder embedder, PrintStream log, int threads) {
        this.embedder = embedder;
        this.log = log;
        this.threads = threads;
    }

    /** Trains the parts named in {@code only} ("cues", "answers") and writes their files into {@code out}. */
    public List<Path> run(Path data, Path written, Path out, List<String> only, LogisticTrainer.Settings settings)
            throws IOException {
        if (!Files.isDirectory(written)) {
            throw new IOException("no written training examples at " + written);
        }
        VectorCache vectors = new VectorCache(embedder, Files.isDirectory(data) ? data.resolve(".vectors/minilm.bin") : null);
        List<Path> files = new ArrayList<>();
        if (only.contains("cues")) {
            CueExamples examples = new CueExamples();
            List<CueExamples.Row> rows = examples.load(data, written);
            log.println("cue training rows per source: " + examples.counts());
            vectors.embedAll(rows.stream().map(CueExamples.Row::text).toList(), threads, log::println);
            CueTraining.Result cues = new CueTraining(settings, log).train(rows, vectors);
            Map<String, String> provenance = new LinkedHashMap<>();
            examples.counts().forEach((source, n) -> provenance.put("rows " + source, Integer.toString(n)));
            provenance.putAll(cues.crossValidated());
            provenance.put("seed", Long.toString(settings.seed()));
            provenance.put("trainer", "L2 logistic regression per head, Adam, " + settings.epochs() + " epochs, l2 "
                    + settings.l2() + ", thresholds by 5-fold cross-validated F1");
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
}
