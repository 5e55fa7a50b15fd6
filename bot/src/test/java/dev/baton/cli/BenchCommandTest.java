package dev.baton.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void withoutEvaluationDataTheBenchSkipsCleanly(@TempDir Path empty) {
        assertEquals(0, run("bench", "--data", empty.resolve("absent").toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("skipped"), out::toString);
    }

    @Test
    void anUnknownPartOfTheBenchIsAUsageError() {
        assertEquals(2, run("bench", "--only", "cue"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--only takes conversations"), err::toString);
    }
}
