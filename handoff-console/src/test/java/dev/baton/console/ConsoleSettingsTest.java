package dev.baton.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void theAdminPasswordNeverAppearsWhenTheSettingsArePrinted() {
        ConsoleSettings settings = new ConsoleSettings("127.0.0.1", 8080, Optional.of("s3cret horse battery"),
                Optional.of(9100), Optional.of("https://support.example.org"), CLOCK);

        String printed = settings.toString();

        assertFalse(printed.contains("s3cret"), printed);
        assertTrue(printed.contains("adminPassword=****"), printed);
        assertTrue(printed.contains("host=127.0.0.1") && printed.contains("port=8080")
                && printed.contains("metricsPort=9100") && printed.contains("publicUrl=https://support.example.org"),
                printed);
    }

    @Test
    void printedSettingsSayWhatIsUnset() {
        ConsoleSettings settings = new ConsoleSettings("::1", 0, Optional.empty(), Optional.empty(), Optional.empty(),
                CLOCK);

        assertEquals("ConsoleSettings[host=::1, port=0, adminPassword=unset, metricsPort=unset, publicUrl=unset, clock="
                + CLOCK + ", trustedProxies=none]", settings.toString());
    }

    @Test
    void aWildcardHostIsLinkedAsLocalhost() {
        // The container image binds 0.0.0.0; a setup link to http://0.0.0.0:8080 opens nowhere useful.
        assertEquals("localhost", ConsoleSettings.linkHost("0.0.0.0"));
        assertEquals("localhost", ConsoleSettings.linkHost("::"));
        assertEquals("localhost", ConsoleSettings.linkHost("[::]"));
    }

    @Test
    void otherHostsAreLinkedAsBoundWithIpv6InBrackets() {
        assertEquals("127.0.0.1", ConsoleSettings.linkHost("127.0.0.1"));
        assertEquals("[::1]", ConsoleSettings.linkHost("::1"));
        assertEquals("baton.lan", ConsoleSettings.linkHost("baton.lan"));
    }
}
