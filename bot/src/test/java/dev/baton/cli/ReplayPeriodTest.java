package dev.baton.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayPeriodTest {

    private static final Instant NOW = Instant.parse("2026-11-09T12:00:00Z");

    @ParameterizedTest(name = "{0} -> {1} to {2}, \"{3}\"")
    @CsvSource(delimiter = '|', value = {
            "''                                   | 2026-11-02T12:00:00Z | 2026-11-09T12:00:00Z | in the last 7 days",
            "--since 24h                          | 2026-11-08T12:00:00Z | 2026-11-09T12:00:00Z | in the last 24 hours",
            "--since 1w2d                         | 2026-10-31T12:00:00Z | 2026-11-09T12:00:00Z | in the last 1 week 2 days",
            "--since 1h30m                        | 2026-11-09T10:30:00Z | 2026-11-09T12:00:00Z | in the last 1 hour 30 minutes",
            "--from 2026-11-01 --to 2026-11-08    | 2026-11-01T00:00:00Z | 2026-11-08T00:00:00Z | from 2026-11-01 00:00 to 2026-11-08 00:00 UTC",
            "--from 2026-11-01T09:30              | 2026-11-01T09:30:00Z | 2026-11-09T12:00:00Z | from 2026-11-01 09:30 to 2026-11-09 12:00 UTC",
            "--from 2026-11-01T09:30:00+01:00     | 2026-11-01T08:30:00Z | 2026-11-09T12:00:00Z | from 2026-11-01 08:30 to 2026-11-09 12:00 UTC",
            "--from 2026-11-01T09:30:00Z --to 2026-11-01T10:00 | 2026-11-01T09:30:00Z | 2026-11-01T10:00:00Z | from 2026-11-01 09:30 to 2026-11-01 10:00 UTC",
    })
    void readsThePeriodFromTheCommandLine(String args, Instant from, Instant to, String words) {
        Options options = Options.parse(args.isBlank() ? List.of() : List.of(args.split(" ")));

        assertEquals(new ReplayPeriod(from, to, words), ReplayPeriod.parse(options, Clock.fixed(NOW, ZoneOffset.UTC)));
    }
}
