package dev.baton.cli;

import dev.baton.Wiring;
import dev.baton.text.HashingEmbedder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** The command line as a test runs it: nothing (or the given input) on standard input, both outputs kept, the hashing embedder. */
final class CliRun {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Map<String, String> environment, Clock clock, String... args) {
        return runWithInput("", environment, clock, args);
    }

    /** The same, with {@code input} on standard input: for the commands that read JSON Lines. */
    int runWithInput(String input, Map<String, String> environment, Clock clock, String... args) {
        return new Cli(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, clock,
                () -> new Wiring(new HashingEmbedder())).run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was written so far, so the next run's output stands alone. */
    void reset() {
        out.reset();
        err.reset();
    }
}
