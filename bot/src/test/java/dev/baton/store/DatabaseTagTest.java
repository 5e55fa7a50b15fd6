package dev.baton.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only classes tagged {@code database} run in the PostgreSQL pass, so a test class that takes its database from
 * {@link TestDatabases} without the tag would quietly be tested on SQLite alone. This holds the rule.
 */
class DatabaseTagTest {

    private static final Path TESTS = Path.of("src/test/java");

    @Test
    void everyTestClassOnThisRunsDatabaseIsTaggedForThePostgresqlPass() throws IOException {
        List<String> untagged;
        try (Stream<Path> files = Files.walk(TESTS)) {
            untagged = files.filter(f -> f.toString().endsWith("Test.java")).filter(DatabaseTagTest::untagged)
                    .map(f -> TESTS.relativize(f).toString()).sorted().toList();
        }
        assertEquals(List.of(), untagged, "test classes on a fresh database from TestDatabases without"
                + " @Tag(\"database\"): add the tag so they also run on PostgreSQL");
    }

    private static boolean untagged(Path file) {
        try {
            String text = Files.readString(file);
            // Spelled in two parts so that this file does not match itself.
            String helper = "TestDatabases" + ".";
            boolean onThisRunsDatabase = text.contains(helper + "fresh()") || text.contains(helper + "freshLocation(");
            return onThisRunsDatabase && !text.contains("@Tag(\"database\")");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
