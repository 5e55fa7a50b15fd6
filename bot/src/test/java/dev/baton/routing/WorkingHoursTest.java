package dev.baton.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingHoursTest {

    @ParameterizedTest(name = "{0} in {1} at {2}: on shift = {3}  ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            mon-fri 09:00-17:30 | Europe/London    | 2024-06-12T08:00:00Z | true  | the start minute counts (09:00 BST)
            mon-fri 09:00-17:30 | Europe/London    | 2024-06-12T07:59:00Z | false | a minute before the start
            mon-fri 09:00-17:30 | Europe/London    | 2024-06-12T16:29:00Z | true  | the last minute
            mon-fri 09:00-17:30 | Europe/London    | 2024-06-12T16:30:00Z | false | the end minute does not count
            mon-fri 09:00-17:30 | Europe/London    | 2024-06-15T10:00:00Z | false | Saturday is outside mon-fri
            mon,wed,fri 09:00-12:00 | UTC          | 2024-06-12T10:00:00Z | true  | Wednesday is in the list
            mon,wed,fri 09:00-12:00 | UTC          | 2024-06-11T10:00:00Z | false | Tuesday is not
            fri-mon 10:00-12:00 | UTC              | 2024-06-16T11:00:00Z | true  | a range may wrap over the weekend
            fri-mon 10:00-12:00 | UTC              | 2024-06-12T11:00:00Z | false | Wednesday is outside fri-mon
            fri 22:00-02:00     | UTC              | 2024-06-14T23:00:00Z | true  | overnight, Friday evening
            fri 22:00-02:00     | UTC              | 2024-06-15T01:59:00Z | true  | overnight, Saturday small hours
            fri 22:00-02:00     | UTC              | 2024-06-15T02:00:00Z | false | overnight, at its end
            fri 22:00-02:00     | UTC              | 2024-06-14T01:00:00Z | false | early Friday belongs to Thursday night
            mon-fri 16:00-00:00 | UTC              | 2024-06-14T23:59:00Z | true  | a shift ending at midnight
            mon-fri 16:00-00:00 | UTC              | 2024-06-15T00:00:00Z | false | ends at midnight
            mon-fri 08:00-17:00 | Asia/Tokyo       | 2024-06-16T23:30:00Z | true  | Sunday evening in UTC is Monday 08:30 in Tokyo
            mon-fri 08:00-17:00 | Asia/Tokyo       | 2024-06-14T08:30:00Z | false | Friday 17:30 in Tokyo
            mon-fri 09:00-17:00 | America/New_York | 2024-06-12T13:30:00Z | true  | 09:30 EDT
            mon-fri 09:00-17:00 | America/New_York | 2024-06-12T12:30:00Z | false | 08:30 EDT
            sun 09:00-17:00     | Europe/London    | 2024-03-31T08:30:00Z | true  | clocks went forward: 09:30 BST
            sun 09:00-17:00     | Europe/London    | 2024-03-24T08:30:00Z | false | a week earlier the same instant is 08:30 GMT
            sat 22:00-06:00     | Europe/London    | 2024-03-31T04:30:00Z | true  | night of the spring change, 05:30 BST
            sat 22:00-06:00     | Europe/London    | 2024-03-31T05:30:00Z | false | 06:30 BST: that night is an hour shorter
            sat 22:00-06:00     | Europe/London    | 2024-10-26T20:59:00Z | false | autumn change night, 21:59 BST
            sat 22:00-06:00     | Europe/London    | 2024-10-26T21:00:00Z | true  | starts 22:00 BST
            sat 22:00-06:00     | Europe/London    | 2024-10-27T05:30:00Z | true  | 05:30 GMT: that night is an hour longer
            sat 22:00-06:00     | Europe/London    | 2024-10-27T06:00:00Z | false | ends 06:00 GMT
            sun 01:30-03:00     | Europe/London    | 2024-03-31T01:15:00Z | false | 01:30 does not exist that day; it becomes 02:30 BST
            sun 01:30-03:00     | Europe/London    | 2024-03-31T01:30:00Z | true  | 02:30 BST
            sun 01:30-03:00     | Europe/London    | 2024-03-31T02:00:00Z | false | 03:00 BST
            """)
    void onShiftFollowsLocalTimeInThePersonsZone(String shift, String zone, Instant at, boolean expected, String why) {
        assertEquals(expected, hours(zone, shift).isOnShift(at), why);
    }

    @ParameterizedTest(name = "{0} in {1}, after {2}: {3}  ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            mon-fri 09:00-17:30 | Europe/London | 2024-06-14T17:00:00Z | 2024-06-17T08:00:00Z | Friday evening: Monday 09:00 BST
            mon-fri 09:00-17:30 | Europe/London | 2024-06-12T06:00:00Z | 2024-06-12T08:00:00Z | before today's shift: today's
            mon-fri 09:00-17:30 | Europe/London | 2024-06-12T10:00:00Z | 2024-06-13T08:00:00Z | during a shift: the next one
            mon-fri 09:00-17:30 | Europe/London | 2024-06-12T08:00:00Z | 2024-06-13T08:00:00Z | exactly at a start: the one after
            wed 09:00-10:00     | UTC           | 2024-06-12T12:00:00Z | 2024-06-19T09:00:00Z | weekly shift already started: a week later
            mon-fri 09:00-17:30 | Europe/London | 2024-03-29T18:00:00Z | 2024-04-01T08:00:00Z | over the spring change: 09:00 BST
            mon-fri 09:00-17:30 | Europe/London | 2024-10-25T18:00:00Z | 2024-10-28T09:00:00Z | over the autumn change: 09:00 GMT
            fri 22:00-02:00     | UTC           | 2024-06-15T01:00:00Z | 2024-06-21T22:00:00Z | in an overnight shift: next Friday
            """)
    void nextShiftStartIsTheFirstStartAfterTheGivenInstant(String shift, String zone, Instant after, Instant expected,
                                                          String why) {
        assertEquals(Optional.of(expected), hours(zone, shift).nextShiftStart(after), why);
    }

    @Test
    void nextShiftStartIsTheEarliestOfSeveralShifts() {
        WorkingHours hours = hours("Europe/London", "mon-fri 09:00-17:30", "sat 10:00-14:00");

        assertEquals(Optional.of(Instant.parse("2024-06-15T09:00:00Z")),
                hours.nextShiftStart(Instant.parse("2024-06-14T17:00:00Z")));
    }

    @Test
    void withoutShiftsNobodyIsEverOnShiftAndNoShiftStarts() {
        WorkingHours none = new WorkingHours(ZoneOffset.UTC, List.of());

        assertEquals(false, none.isOnShift(People.NOW));
        assertTrue(none.nextShiftStart(People.NOW).isEmpty());
    }

    @Test
    void aShiftCannotStartAndEndAtTheSameTime() {
        assertThrows(IllegalArgumentException.class,
                () -> new Shift(Set.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.NOON));
        assertThrows(IllegalArgumentException.class, () -> new Shift(Set.of(), LocalTime.NOON, LocalTime.MIDNIGHT));
    }

    @Test
    void aShiftEndingBeforeItStartsRunsOvernight() {
        assertTrue(new Shift(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(2, 0)).overnight());
    }

    private static WorkingHours hours(String zone, String... shifts) {
        return new WorkingHours(ZoneId.of(zone), Arrays.stream(shifts).map(ShiftSyntax::parse).toList());
    }
}
