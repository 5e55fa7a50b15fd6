package dev.baton.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoticeFactsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Wednesday 12 March 2025, 06:00 in London. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 12, 6, 0, 0, 0, LONDON);

    @ParameterizedTest(name = "{0} s → {1}")
    @CsvSource({
            "0, a minute or two",
            "45, a minute or two",
            "120, about 2 minutes",
            "300, about 5 minutes",
            "600, about 10 minutes",
            "1380, about 25 minutes",
            "3000, about 50 minutes",
            "3600, about an hour",
            "5000, about an hour",
            "5400, about 2 hours",
            "10800, about 3 hours",
            "86400, about a day",
            "259200, about 3 days"})
    void waitsAreRoundedTheWayAPersonWouldSayThem(long seconds, String phrase) {
        assertEquals(phrase, TimePhrases.wait(Duration.ofSeconds(seconds)));
    }

    @Test
    void laterTodayGivesTheClockTimeAndHowLongUntilThen() {
        assertEquals("at 09:00 (Europe/London), in about 3 hours", TimePhrases.when(at(12, 9, 0), NOW));
    }

    @Test
    void tomorrowSaysTomorrow() {
        assertEquals("tomorrow at 09:00 (Europe/London), in about 23 hours", TimePhrases.when(at(13, 9, 0), at(12, 10, 0)));
        assertEquals("tomorrow at 09:00 (Europe/London)", TimePhrases.when(at(13, 9, 0), at(12, 9, 0)));
        assertEquals("tomorrow at 08:30 (Europe/London), in about 11 hours",
                TimePhrases.when(at(13, 8, 30), at(12, 21, 30)));
    }

    @Test
    void laterThisWeekNamesTheDayAndFurtherAwayTheDate() {
        assertEquals("on Monday at 09:00 (Europe/London)", TimePhrases.when(at(17, 9, 0), NOW));
        assertEquals("on 24 March at 09:00 (Europe/London)", TimePhrases.when(at(24, 9, 0), NOW));
    }

    @Test
    void daysAreCountedInThePersonsZoneWhateverTheCustomersClockSays() {
        // 23:30 in Tokyo is 14:30 in London: the person's 09:00 is tomorrow for London, where it is shown.
        ZonedDateTime tokyoNow = at(12, 14, 30).withZoneSameInstant(ZoneId.of("Asia/Tokyo"));

        assertEquals("tomorrow at 09:00 (Europe/London), in about 19 hours", TimePhrases.when(at(13, 9, 0), tokyoNow));
    }

    @Test
    void utcIsCalledUtc() {
        ZonedDateTime at = ZonedDateTime.of(2025, 3, 12, 9, 0, 0, 0, ZoneOffset.UTC);

        assertEquals("at 09:00 (UTC), in about 3 hours", TimePhrases.when(at, NOW));
    }

    @Test
    void aReturnTimeAlreadyPassedIsShortly() {
        assertEquals("shortly", TimePhrases.when(NOW.minusMinutes(5), NOW));
    }

    @Test
    void thePersonMustBeNamed() {
        assertThrows(NullPointerException.class, () -> NoticeFacts.onShift(null, null, Duration.ZERO, NOW));
        assertThrows(IllegalArgumentException.class, () -> NoticeFacts.onShift("  ", null, Duration.ZERO, NOW));
    }

    @Test
    void someoneAwayNeedsAReturnTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NoticeFacts("Alex", null, null, false, Duration.ofMinutes(5), null, NOW));

        assertTrue(e.getMessage().contains("availableAt"), e.getMessage());
    }

    @Test
    void aBlankTeamIsAMistakeNotAMissingTeam() {
        assertThrows(IllegalArgumentException.class, () -> NoticeFacts.onShift("Alex", " ", Duration.ZERO, NOW));
    }

    @Test
    void aNegativeWaitIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> NoticeFacts.onShift("Alex", null, Duration.ofMinutes(-1), NOW));
    }

    @Test
    void theFactoriesFillTheRestIn() {
        NoticeFacts away = NoticeFacts.offShift("Alex", "billing", Duration.ofMinutes(5), at(13, 9, 0), NOW);

        assertEquals(new NoticeFacts("Alex", "billing", null, false, Duration.ofMinutes(5), at(13, 9, 0), NOW), away);
    }

    private static ZonedDateTime at(int day, int hour, int minute) {
        return ZonedDateTime.of(2025, 3, day, hour, minute, 0, 0, LONDON);
    }
}
