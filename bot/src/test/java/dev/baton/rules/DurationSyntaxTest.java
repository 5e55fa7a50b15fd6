package dev.baton.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationSyntaxTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            90s      | PT1M30S
            10m      | PT10M
            2h       | PT2H
            1h30m    | PT1H30M
            1d       | PT24H
            1d2h3m4s | PT26H3M4S
            1h 30m   | PT1H30M
            2H       | PT2H
            30d      | PT720H
            """)
    void durationsAreANumberAndAUnitLargestFirst(String written, Duration expected) {
        assertEquals(expected, DurationSyntax.parse(written));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            15         | `15` has no unit: write `15m` for minutes or `15s` for seconds
            15 minutes | `15 minutes` is not a duration: write a duration as a number and a unit
            30m1h      | `30m1h` is not a duration
            -5m        | `-5m` is not a duration
            1.5h       | `1.5h` is not a duration
            m          | `m` is not a duration
            0m         | `0m` is no time at all; a deadline must be at least `1s`
            0h0m       | `0h0m` is no time at all
            31d        | `31d` is longer than 30 days
            9999999m   | `9999999m` is longer than 30 days
            """)
    void anythingElseIsRefusedWithAReason(String written, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationSyntax.parse(written));

        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0} is written \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            PT1M30S   | 1m30s
            PT10M     | 10m
            PT26H3M4S | 1d2h3m4s
            PT0S      | 0s
            """)
    void aDurationIsWrittenBackTheWayItIsRead(Duration duration, String written) {
        assertEquals(written, DurationSyntax.format(duration));
        if (!duration.isZero()) {
            assertEquals(duration, DurationSyntax.parse(written));
        }
    }
}
