package dev.baton.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees from {@code java -jar baton.jar} itself: asking for help, and a start that cannot work. */
class RunAndHelpTest {

    private final CliRun cli = new CliRun();

    private int run(Map<String, String> environment, String... args) {
        return cli.run(environment, Clock.systemUTC(), args);
    }

    private String out() {
        return cli.out();
    }

    private String err() {
        return cli.err();
    }

    @Test
    void dashDashHelpPrintsTheUsageAndExitsZero() {
        assertEquals(0, run(Map.of(), "--help"), err());
        assertTrue(out().startsWith("usage: java -jar baton.jar"), out());
        assertEquals("", err());
    }

    @Test
    void dashHPrintsTheUsageAndExitsZero() {
        assertEquals(0, run(Map.of(), "-h"), err());
        assertTrue(out().startsWith("usage: java -jar baton.jar"), out());
        assertEquals("", err());
    }

    @Test
    void helpAfterACommandPrintsTheUsageRatherThanRunningIt() {
        assertEquals(0, run(Map.of(), "run", "--help"), err());
        assertTrue(out().startsWith("usage: java -jar baton.jar"), out());
    }

    @Test
    void aConsolePortAlreadyInUseIsOneLineNamingThePortAndBatonConsolePort(@TempDir Path data) throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            try {
                code = run(Map.of("BATON_CONFIG_DIR", "../config", "BATON_DATA_DIR", data.toString(),
                        "BATON_CONSOLE_HOST", "127.0.0.1", "BATON_CONSOLE_PORT", String.valueOf(taken.getLocalPort())),
                        "run");
            } finally {
                System.setErr(original);
            }
            String port = String.valueOf(taken.getLocalPort());
            String log = logged.toString(StandardCharsets.UTF_8);

            assertEquals(1, code, err());
            assertEquals(1, err().lines().count(), err());
            assertTrue(err().startsWith("baton: "), err());
            assertTrue(err().contains(port) && err().contains("BATON_CONSOLE_PORT"), err());
            assertFalse(log.contains("\tat ") || log.contains("Exception"), log);
        }
    }

    @Test
    void aBadDatabaseUrlStopsTheStartInOneLineNamingTheVariable(@TempDir Path data) {
        int code = run(Map.of("BATON_CONFIG_DIR", "../config", "BATON_DATA_DIR", data.toString(),
                "BATON_CONSOLE_PORT", "off", "BATON_DATABASE_URL", "jdbc:postgres://db/baton"), "run");

        assertEquals(1, code, err());
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("baton: BATON_DATABASE_URL must start with jdbc:postgresql://"), err());
    }

    @Test
    void anUnreachableDatabaseStopsTheStartInOneLineWithoutThePassword(@TempDir Path data) {
        int code = run(Map.of("BATON_CONFIG_DIR", "../config", "BATON_DATA_DIR", data.toString(),
                "BATON_CONSOLE_PORT", "off", "BATON_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/baton",
                "BATON_DATABASE_USER", "baton", "BATON_DATABASE_PASSWORD", "s3cret"), "run");

        assertEquals(1, code, err());
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("baton: cannot open the database jdbc:postgresql://127.0.0.1:1/baton as baton"),
                err());
        assertFalse(err().contains("s3cret"), err());
    }
}
