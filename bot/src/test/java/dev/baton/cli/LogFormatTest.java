package dev.baton.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void unsetOrBlankBatonLogFormatMeansText() {
        assertEquals(Optional.of("text"), Main.logFormat(null));
        assertEquals(Optional.of("text"), Main.logFormat(""));
        assertEquals(Optional.of("text"), Main.logFormat("  "));
    }

    @Test
    void theFormatIsReadWhateverItsCaseOrSurroundingSpaces() {
        assertEquals(Optional.of("json"), Main.logFormat("JSON "));
        assertEquals(Optional.of("text"), Main.logFormat("Text"));
    }

    @Test
    void anUnknownFormatIsRefusedRatherThanSilencingTheLog() {
        assertEquals(Optional.empty(), Main.logFormat("xml"));
    }

    @Test
    void everyFormatMainAcceptsHasItsLogbackFile() {
        for (String format : Main.LOG_FORMATS) {
            assertNotNull(Main.class.getResource("/baton-log-" + format + ".xml"), format);
        }
    }
}
