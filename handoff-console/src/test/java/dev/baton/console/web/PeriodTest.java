package dev.baton.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

    private static Period since(String since) {
        return Period.parse(since, null, null, NOW, "7d");
    }

    private static Period between(String from, String to) {
        return Period.parse(null, from, to, NOW, "7d");
    }

    private static String refusal(Runnable parse) {
        ApiError error = assertThrows(ApiError.class, parse::run);
        assertEquals(400, error.status());
        return error.getMessage();
    }

    @Nested
    class TheLastHoursDaysOrWeeks {

        @ParameterizedTest(name = "since={0} starts at {1}")
        @CsvSource({
                "24h, 2026-11-22T15:00:00Z, in the last 24 hours",
                "1h,  2026-11-23T14:00:00Z, in the last hour",
                "7d,  2026-11-16T15:00:00Z, in the last 7 days",
                "1d,  2026-11-22T15:00:00Z, in the last day",
                "30D, 2026-10-24T15:00:00Z, in the last 30 days",
                "2w,  2026-11-09T15:00:00Z, in the last 2 weeks",
                "' 90d ', 2026-08-25T15:00:00Z, in the last 90 days",
        })
        void endNowAndSayHowLongInWords(String since, String from, String label) {
            Period period = since(since);
            assertEquals(Instant.parse(from), period.from());
            assertEquals(NOW, period.to());
            assertEquals(label, period.label());
        }

        @Test
        void withNothingGivenTheFallbackIsUsed() {
            assertEquals(Instant.parse("2026-11-16T15:00:00Z"), since(null).from());
            assertEquals(Instant.parse("2026-10-24T15:00:00Z"), Period.parse("", null, "", NOW, "30d").from());
        }

        @ParameterizedTest(name = "since={0} is refused")
        @CsvSource({"7", "seven days", "7y", "-7d", "0d", "400d", "60w"})
        void anythingElseIsRefusedNamingSince(String since) {
            assertTrue(refusal(() -> since(since)).contains("\"since\""));
        }
    }

    @Nested
    class FromAndTo {

        @Test
        void datesAreWholeUtcDaysWithTheLastDayIncluded() {
            Period period = between("2026-11-01", "2026-11-14");
            assertEquals(Instant.parse("2026-11-01T00:00:00Z"), period.from());
            assertEquals(Instant.parse("2026-11-15T00:00:00Z"), period.to());
            assertEquals("from 2026-11-01 to 2026-11-14", period.label());
        }

        @Test
        void oneDayIsAPeriodOfItsOwn() {
            Period period = between("2026-11-20", "2026-11-20");
            assertEquals(Instant.parse("2026-11-21T00:00:00Z"), period.to());
        }

        @Test
        void isoTimesAreTakenAsTheyAre() {
            Period period = between("2026-11-20T09:30:00+01:00", "2026-11-21T10:00:00Z");
            assertEquals(Instant.parse("2026-11-20T08:30:00Z"), period.from());
            assertEquals(Instant.parse("2026-11-21T10:00:00Z"), period.to());
            assertEquals("from 2026-11-20T08:30:00Z to 2026-11-21T10:00:00Z", period.label());
        }

        @Test
        void withoutToThePeriodEndsNow() {
            Period period = between("2026-11-20", null);
            assertEquals(NOW, period.to());
            assertEquals("from 2026-11-20 to now", period.label());
        }

        @Test
        void fromAndToWinOverSince() {
            assertEquals(Instant.parse("2026-11-01T00:00:00Z"),
                    Period.parse("24h", "2026-11-01", "2026-11-02", NOW, "7d").from());
        }

        @Test
        void toWithoutFromIsRefused() {
            assertTrue(refusal(() -> between(null, "2026-11-14")).contains("\"from\" is required"));
        }

        @Test
        void aWrongDateNamesItsField() {
            assertTrue(refusal(() -> between("2026-13-01", null)).startsWith("\"from\""));
            assertTrue(refusal(() -> between("2026-11-01", "yesterday")).startsWith("\"to\""));
        }

        @Test
        void fromMustComeBeforeTo() {
            assertTrue(refusal(() -> between("2026-11-14", "2026-11-01")).contains("before"));
        }

        @Test
        void moreThanAYearIsRefused() {
            assertTrue(refusal(() -> between("2024-01-01", "2026-01-01")).contains("too long"));
        }
    }
}
