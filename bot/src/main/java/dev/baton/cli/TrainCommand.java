package dev.baton.cli;

import dev.baton.Wiring;
import dev.baton.bench.OutOfFold;
import dev.baton.learn.LogisticTrainer;
import dev.baton.learn.Training;
import dev.baton.learn.WeightFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code baton train}: rebuilds the shipped weight files from the training data, prints the
 * cross-validated numbers, and each file's SHA-256 (the one docs/models.md lists).
 */
final class TrainCommand {

    static final List<String> PARTS = List.of("cues", "answers");

    private TrainCommand() {
    }

    static int run(Options options, PrintStream out, Supplier<Wiring> wiring) throws IOException {
        Path data = options.path("--data", Path.of("training-data"));
        Path written = options.path("--written", Path.of("bot", "training", "written"));
        Path shared = options.path("--shared", Path.of("..", "shared", "data"));
        Path target = options.path("--out", Path.of("bot", "src", "main", "resources", "dev", "baton", "learn"));
        String only = options.string("--only", String.join(",", PARTS));
        int epochs = options.wholeNumber("--epochs", LogisticTrainer.Settings.DEFAULT.epochs());
        long seed = options.wholeNumber("--seed", (int) LogisticTrainer.Settings.DEFAULT.seed());
        options.rejectUnknown();
        List<String> parts = Arrays.asList(only.split(","));
        for (String part : parts) {
            if (!PARTS.contains(part)) {
                throw new UsageException("--only takes " + String.join(", ", PARTS) + ", not \"" + part + "\"");
            }
        }
        if (!Files.isDirectory(data)) {
            out.println("train: no public training data at " + data.toAbsolutePath()
                    + "; training on the written examples alone (docs/models.md says how to get the rest)");
        }
        long start = System.nanoTime();
        List<Path> files = new Training(wiring.get().embedder(), out, Runtime.getRuntime().availableProcessors(),
                new OutOfFold())
                .run(data, written, shared, target, parts, LogisticTrainer.Settings.DEFAULT.withEpochs(epochs).withSeed(seed));
        for (Path file : files) {
            out.println("sha256 " + WeightFile.sha256(Files.readAllBytes(file)) + "  " + file.getFileName());
        }
        out.printf(Locale.ROOT, "trained in %.0f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
