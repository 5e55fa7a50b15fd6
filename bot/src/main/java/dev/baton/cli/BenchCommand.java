package dev.baton.cli;

import dev.baton.Wiring;
import dev.baton.bench.Benchmarks;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code baton bench}: every number in docs/benchmarks.md comes from here. */
final class BenchCommand {

    private BenchCommand() {
    }

    static int run(Options options, PrintStream out) throws IOException {
        Path data = options.path("--data", Path.of("..", "shared", "data"));
        String only = options.string("--only", "all");
        boolean verbose = Boolean.parseBoolean(options.string("--verbose", "false"));
        double threshold = options.probability("--answer-threshold", Wiring.DEFAULT_ANSWER_THRESHOLD);
        options.rejectUnknown();
        for (String name : only.split(",")) {
            if (!Benchmarks.NAMES.contains(name) && !name.equals("all")) {
                throw new UsageException("--only takes " + String.join(", ", Benchmarks.NAMES) + " or all, not \"" + name + "\"");
            }
        }
        if (!Files.isDirectory(data)) {
            out.println("bench: no evaluation data at " + data.toAbsolutePath() + "; skipped.");
            return 0;
        }
        new Benchmarks(data, new Wiring(), threshold, out, verbose).run(only);
        return 0;
    }
}
