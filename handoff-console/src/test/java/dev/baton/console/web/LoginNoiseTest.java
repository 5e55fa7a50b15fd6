package dev.baton.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.ConsoleFixture;
import dev.baton.console.MutableClock;
import dev.baton.console.RawHttp;
import dev.baton.console.api.AccessLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failed and refused logins are counted per address and minute, so guessing cannot bury the access log. */
class LoginNoiseTest {

    @Test
    void manyFailedLoginsFromOneAddressInAMinuteAreOneRowAndACount() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:05Z"));
        try (ConsoleFixture console = ConsoleFixture.builder().clock(clock).start()) {
            for (int i = 0; i < 12; i++) {
                assertEquals(401, RawHttp.login(console, "127.0.7.1", "user" + i, "guess").status());
            }
            assertEquals(401, RawHttp.login(console, "127.0.7.2", "someone", "guess").status());
            assertEquals(2, failed(console).size(), failed(console).toString());

            clock.advance(Duration.ofMinutes(1));
            RawHttp.login(console, "127.0.7.1", "user99", "guess");
            List<AccessLog.Entry> rows = failed(console);
            assertEquals(4, rows.size(), rows.toString());
            assertTrue(rows.stream().anyMatch(e -> e.what().startsWith("login failed: 11 more from this address")
                    && e.remoteAddress().equals("127.0.7.1")), rows.toString());
        }
    }

    private static List<AccessLog.Entry> failed(ConsoleFixture console) {
        return console.accessLog.all().stream().filter(e -> e.what().startsWith("login failed")).toList();
    }
}
