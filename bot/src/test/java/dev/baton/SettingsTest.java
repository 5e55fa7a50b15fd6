package dev.baton;

import dev.baton.cluster.ShardRange;
import dev.baton.store.DatabaseLocation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void withNothingSetTheConsoleListensOnLoopbackPort8080() {
        Settings settings = Settings.fromEnvironment(Map.of());

        Settings.Console console = settings.console().orElseThrow();
        assertEquals("127.0.0.1", console.host());
        assertEquals(8080, console.port());
        assertEquals(Optional.empty(), console.adminPassword());
        assertEquals(Optional.empty(), console.metricsPort());
        assertEquals("http://127.0.0.1:8080", console.url(8080));
        assertEquals(new DatabaseLocation.SqliteFile(Path.of("data", "baton.db")), settings.database());
        assertEquals(ShardRange.SINGLE, settings.shards());
    }

    @Test
    void theShardsThisInstanceMayHoldAreReadFromBatonShardsAndABadValueNamesIt() {
        assertEquals(ShardRange.parse("0-3/8"), Settings.fromEnvironment(Map.of("BATON_SHARDS", "0-3/8")).shards());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.fromEnvironment(Map.of("BATON_SHARDS", "three")));
        assertTrue(e.getMessage().startsWith("BATON_SHARDS must be"), e.getMessage());
    }

    @Test
    void everyConsoleSettingIsReadFromItsVariable() {
        Settings.Console console = Settings.fromEnvironment(Map.of("BATON_CONSOLE_PORT", " 9000 ",
                "BATON_CONSOLE_HOST", "0.0.0.0", "BATON_ADMIN_PASSWORD", "correct horse ", "BATON_METRICS_PORT", "9100",
                "BATON_CONSOLE_URL", "https://support.example.org/")).console().orElseThrow();

        assertEquals(new Settings.Console("0.0.0.0", 9000, Optional.of("correct horse "), Optional.of(9100),
                Optional.of("https://support.example.org")), console);
        assertEquals("https://support.example.org", console.url(9000));
        assertEquals(9000, console.toConsoleSettings(Clock.systemUTC()).port());
    }

    @Test
    void boundToEveryInterfaceTheLinksBatonLogsSayLocalhostUnlessBatonConsoleUrlIsSet() {
        // The container image listens on 0.0.0.0; http://0.0.0.0:8080 is not a link a person can open.
        Settings.Console inImage = Settings.fromEnvironment(Map.of("BATON_CONSOLE_HOST", "0.0.0.0")).console()
                .orElseThrow();
        Settings.Console ipv6 = Settings.fromEnvironment(Map.of("BATON_CONSOLE_HOST", "::")).console().orElseThrow();
        Settings.Console withUrl = Settings.fromEnvironment(Map.of("BATON_CONSOLE_HOST", "0.0.0.0",
                "BATON_CONSOLE_URL", "http://baton.lan:8080")).console().orElseThrow();

        assertEquals("http://localhost:8080", inImage.url(8080));
        assertEquals("http://localhost:8080", ipv6.url(8080));
        assertEquals("http://baton.lan:8080", withUrl.url(8080));
    }

    @Test
    void trustedProxiesAreReadFromTheirVariableAndReachTheConsole() {
        Settings.Console console = Settings.fromEnvironment(Map.of("BATON_TRUSTED_PROXIES", " 127.0.0.1, 10.0.0.0/8 "))
                .console().orElseThrow();
        assertEquals(java.util.List.of("127.0.0.1", "10.0.0.0/8"), console.trustedProxies().entries());
        assertTrue(console.toConsoleSettings(Clock.systemUTC()).trustedProxies().trusts("10.1.2.3"));
        assertTrue(Settings.fromEnvironment(Map.of()).console().orElseThrow().trustedProxies().isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> Settings.fromEnvironment(Map.of("BATON_TRUSTED_PROXIES", "nginx.internal")));
    }

    @Test
    void theAccessLogRetentionIsReadFromItsVariable() {
        assertEquals(90, Settings.fromEnvironment(Map.of()).console().orElseThrow().accessLogDays());
        Settings.Console console = Settings.fromEnvironment(Map.of("BATON_ACCESS_LOG_DAYS", "30")).console().orElseThrow();
        assertEquals(30, console.accessLogDays());
        assertEquals(30, console.toConsoleSettings(Clock.systemUTC()).accessLogDays());
        for (String bad : new String[] {"0", "-3", "ninety", "1.5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Settings.fromEnvironment(Map.of("BATON_ACCESS_LOG_DAYS", bad)));
            assertTrue(e.getMessage().startsWith("BATON_ACCESS_LOG_DAYS"), e.getMessage());
        }
    }

    @Test
    void offMeansNoConsole() {
        assertTrue(Settings.fromEnvironment(Map.of("BATON_CONSOLE_PORT", "OFF")).console().isEmpty());
        assertTrue(Settings.fromEnvironment(Map.of()).withoutConsole().console().isEmpty());
    }

    @Test
    void aPortThatIsNotOneIsAnErrorNamingTheVariable() {
        for (String bad : new String[] {"80a", "-1", "65536", "8080.0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Settings.fromEnvironment(Map.of("BATON_CONSOLE_PORT", bad)));
            assertTrue(e.getMessage().startsWith("BATON_CONSOLE_PORT must be a port number from 0 to 65535"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
        IllegalArgumentException metrics = assertThrows(IllegalArgumentException.class,
                () -> Settings.fromEnvironment(Map.of("BATON_METRICS_PORT", "99999")));
        assertTrue(metrics.getMessage().startsWith("BATON_METRICS_PORT must be a port number"), metrics.getMessage());
        assertEquals(0, Settings.fromEnvironment(Map.of("BATON_CONSOLE_PORT", "0")).console().orElseThrow().port());
        assertEquals(65_535, Settings.fromEnvironment(Map.of("BATON_CONSOLE_PORT", "65535")).console().orElseThrow()
                .port());
    }

    @Test
    void theMetricsPortMustDifferFromTheConsolePort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.fromEnvironment(Map.of("BATON_METRICS_PORT", "8080")));
        assertTrue(e.getMessage().contains("BATON_METRICS_PORT must differ from BATON_CONSOLE_PORT"), e.getMessage());
    }

    @Test
    void theConsoleUrlMustBeAnAbsoluteHttpUrl() {
        for (String bad : new String[] {"support.example.org", "ftp://example.org", "http://"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Settings.fromEnvironment(Map.of("BATON_CONSOLE_URL", bad)));
            assertTrue(e.getMessage().startsWith("BATON_CONSOLE_URL"), e.getMessage());
        }
    }

    @Test
    void theAdminPasswordAndTheTokenAreNeverPrinted() {
        Settings settings = Settings.fromEnvironment(Map.of("BATON_ADMIN_PASSWORD", "hunter2-secret",
                "DISCORD_TOKEN", "MTIzNDU2.secret.value"));

        String printed = settings.toString();

        assertFalse(printed.contains("hunter2"), printed);
        assertFalse(printed.contains("secret.value"), printed);
        assertTrue(printed.contains("adminPassword=****"), printed);
    }
}
