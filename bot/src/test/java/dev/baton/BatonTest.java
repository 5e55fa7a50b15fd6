package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.baton.console.api.Account;
import dev.baton.store.Database;
import dev.baton.store.TestDatabases;
import dev.baton.text.HashingEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@Tag("database")
class BatonTest {

    @Test
    void batonStartsWithoutDiscordOrConsoleAndClosesCleanly(@TempDir Path data) {
        Settings settings = Settings.fromEnvironment(Map.of("BATON_CONFIG_DIR", "../config",
                "BATON_DATA_DIR", data.toString(), "BATON_CONSOLE_PORT", "off"));

        try (Baton baton = Baton.start(settings, new Wiring(new HashingEmbedder()), Clock.systemUTC())) {
            assertTrue(baton.consolePort().isEmpty());
        }

        assertTrue(Files.exists(data.resolve("baton.db")));
    }

    @Test
    void batonSaysItStoppedAsItsLastLine(@TempDir Path data) {
        Settings settings = Settings.fromEnvironment(Map.of("BATON_CONFIG_DIR", "../config",
                "BATON_DATA_DIR", data.toString(), "BATON_CONSOLE_PORT", "off"));
        Logger log = (Logger) LoggerFactory.getLogger(Baton.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            Baton.start(settings, new Wiring(new HashingEmbedder()), Clock.systemUTC()).close();
        } finally {
            log.detachAppender(lines);
        }

        ILoggingEvent last = lines.list.get(lines.list.size() - 1);
        assertEquals("Baton stopped", last.getFormattedMessage());
        assertEquals(Level.INFO, last.getLevel());
    }

    @Test
    void withTheConsoleOnPortZeroBatonSaysWhichPortItGot(@TempDir Path data) {
        Settings settings = Settings.fromEnvironment(Map.of("BATON_CONFIG_DIR", "../config",
                "BATON_DATA_DIR", data.toString(), "BATON_CONSOLE_PORT", "0"));
        try (Baton baton = Baton.start(settings, new Wiring(new HashingEmbedder()), Clock.systemUTC())) {
            assertTrue(baton.consolePort().orElseThrow() > 0, () -> "bound port " + baton.consolePort());
        }
    }

    @Test
    void theAdminPasswordFromTheEnvironmentIsSetWhileThePartsAreBuilt(@TempDir Path data) {
        Settings settings = Settings.fromEnvironment(Map.of("BATON_CONFIG_DIR", "../config",
                "BATON_DATA_DIR", data.toString(), "BATON_CONSOLE_PORT", "0",
                "BATON_ADMIN_PASSWORD", "correct horse battery staple quill"))
                .withDatabase(TestDatabases.freshLocation(data));

        try (Baton baton = Baton.start(settings, new Wiring(new HashingEmbedder()), Clock.systemUTC())) {
            assertTrue(baton.consolePort().isPresent());
        }

        try (Database database = Database.open(settings.database())) {
            Account admin = Wiring.accounts(database).find("admin").orElseThrow();
            assertTrue(admin.hasPassword());
            assertEquals(Account.Role.MANAGER, admin.role());
        }
    }

    @Test
    void anAdminPasswordThatBreaksThePolicyStopsTheStartNamingTheVariable(@TempDir Path data) {
        Settings settings = Settings.fromEnvironment(Map.of("BATON_CONFIG_DIR", "../config",
                "BATON_DATA_DIR", data.toString(), "BATON_CONSOLE_PORT", "0", "BATON_ADMIN_PASSWORD", "hunter2"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Baton.start(settings, new Wiring(new HashingEmbedder()), Clock.systemUTC()));

        assertTrue(refused.getMessage().startsWith("BATON_ADMIN_PASSWORD: "), refused.getMessage());
    }

    @Test
    void aLanguageModelNamedWithoutAnEndpointStopsTheStartNamingTheVariableToSet(@TempDir Path data) {
        Settings settings = Settings.fromEnvironment(Map.of("BATON_CONFIG_DIR", "../config",
                "BATON_DATA_DIR", data.toString(), "BATON_CONSOLE_PORT", "off", "BATON_LLM_MODEL", "llama3.2"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Baton.start(settings, new Wiring(new HashingEmbedder()), Clock.systemUTC()));

        assertTrue(refused.getMessage().contains("BATON_LLM_BASE_URL"), refused.getMessage());
    }

    @Test
    void withALanguageModelConfiguredBatonStartsWithoutReachingIt(@TempDir Path data) {
        // Nothing listens on port 9 of loopback: Baton must start anyway and ask the model only when it helps.
        Settings settings = Settings.fromEnvironment(Map.of("BATON_CONFIG_DIR", "../config",
                "BATON_DATA_DIR", data.toString(), "BATON_CONSOLE_PORT", "off",
                "BATON_LLM_BASE_URL", "http://127.0.0.1:9/v1", "BATON_LLM_MODEL", "llama3.2",
                "BATON_LLM_API_KEY", "sk-never-printed"));

        try (Baton baton = Baton.start(settings, new Wiring(new HashingEmbedder()), Clock.systemUTC())) {
            assertTrue(baton.consolePort().isEmpty());
        }
        assertTrue(!settings.toString().contains("sk-never-printed"), settings.toString());
    }
}
