package dev.baton.repeats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baton.learn.BinaryScore;
import dev.baton.text.MiniLmEmbedder;
import dev.baton.text.TextEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's "nobody repeated", measured. Reads a labelled JSON Lines file ({@code -Dbaton.repeats.file},
 * default the tuning set), runs the shipped detector on it and prints precision and recall of "this
 * transcript has a repeat", how often the flagged message and kind are the labelled ones, and every miss.
 * Then the tuning set's cross-validated numbers, leaving one writer out at a time, and what a
 * check costs per transcript with the real sentence model, uncached, after a warm-up.
 *
 * <pre>mvn -B -o test -pl bot -am -Dtest=RepeatBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dbaton.excludedGroups= [-Dbaton.repeats.file=/path/to/labelled.jsonl]</pre>
 */
@Tag("benchmark")
class RepeatBenchmark {

    static final Path TUNING = Path.of("src", "test", "resources", "repeats", "tuning.jsonl");
    private static final int WARM_UP = 2;
    private static final int TIMED = 3;

    @Test
    void measuresTheDetectorOnALabelledFile() throws Exception {
        Path file = Path.of(System.getProperty("baton.repeats.file", TUNING.toString()));
        assumeTrue(Files.isRegularFile(file), "no labelled file at " + file.toAbsolutePath() + "; skipped");
        TextEmbedder embedder = new MiniLmEmbedder();
        RepeatDetector detector = RepeatDetector.shipped(embedder);
        List<Labelled> labelled = RepeatJson.labelled(file);

        System.out.println("== repeats: the shipped detector on " + file + " (" + labelled.size() + " transcripts,"
                + " threshold " + RepeatDetector.THRESHOLD + ")");
        RepeatScore score = new RepeatScore();
        for (Labelled l : labelled) {
            RepeatFinding found = detector.find(l.transcript().messages(), l.transcript().pickedUpAt());
            score.add(l.expected(), found);
            if (found.repeat() != l.expected().repeat() || found.repeat()
                    && (!found.message().equals(l.expected().message()) || found.kind() != l.expected().kind())) {
                System.out.printf(Locale.ROOT, "  %-40s expected %s, found %s%n", l.id(), brief(l.expected()),
                        brief(found));
            }
        }
        System.out.println("  " + score);

        if (Files.isRegularFile(TUNING)) {
            crossValidate(embedder);
        }
        cost(detector, labelled);
    }

    private static void crossValidate(TextEmbedder embedder) throws Exception {
        List<RepeatTraining.Prepared> prepared = new RepeatTraining(embedder).prepare(RepeatJson.labelled(TUNING));
        RepeatTraining.CrossValidated cv = RepeatTraining.crossValidate(prepared, RepeatDetector.THRESHOLD);
        System.out.println("== repeats: cross-validation on the tuning set, one writer left out at a time ("
                + prepared.size() + " transcripts, " + RepeatTraining.folds(prepared).size() + " folds)");
        System.out.println("  at " + RepeatDetector.THRESHOLD + ": " + cv.atThreshold());
        cv.byFold().forEach((writer, score) -> {
            BinaryScore.At at = score.at(RepeatDetector.THRESHOLD);
            System.out.printf(Locale.ROOT, "  writer %s left out (%d transcripts): precision %.3f recall %.3f F1 %.3f%n",
                    writer, score.size(), at.precision(), at.recall(), at.f1());
        });
        for (double t = 0.3; t < 0.96; t += 0.05) {
            BinaryScore.At at = cv.transcripts().at(t);
            System.out.printf(Locale.ROOT, "  threshold %.2f: precision %.3f recall %.3f F1 %.3f%n", t, at.precision(),
                    at.recall(), at.f1());
        }
        System.out.printf(Locale.ROOT, "  best F1 %.3f; the threshold chosen (RepeatDetector.THRESHOLD): %.2f%n",
                cv.transcripts().bestF1().f1(), cv.chosenThreshold());
    }

    private static void cost(RepeatDetector detector, List<Labelled> labelled) {
        for (int i = 0; i < WARM_UP; i++) {
            labelled.forEach(l -> detector.find(l.transcript().messages(), l.transcript().pickedUpAt()));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < TIMED; i++) {
            for (Labelled l : labelled) {
                long start = System.nanoTime();
                detector.find(l.transcript().messages(), l.transcript().pickedUpAt());
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "== repeats: cost per transcript (sentence model uncached, %d runs):"
                        + " median %.1f ms, p99 %.1f ms%n", millis.size(), millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.99) - 1));
    }

    private static String brief(RepeatFinding f) {
        return f.repeat() ? String.format(Locale.ROOT, "%s %d<-%d (%.2f)", f.kind().wireName(), f.message(),
                f.earlier(), f.score()) : String.format(Locale.ROOT, "none (%.2f)", f.score());
    }
}
