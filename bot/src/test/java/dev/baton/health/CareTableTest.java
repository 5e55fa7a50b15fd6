package dev.baton.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.api.CareFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure part of the care figures: ISO weeks, and rows for names the live configuration no longer has. */
class CareTableTest {

    private static CareFacts handoff(long id, String rule, String person, String createdAt) {
        return new CareFacts(id, rule, "anger", person, "Customer", Instant.parse(createdAt), null, null, null, null,
                false, false, null, false);
    }

    @Test
    void aWeekIsTheIsoWeekOfItsWeekBasedYear() {
        assertEquals("2024-W24", CareTable.week(LocalDate.parse("2024-06-10")));
        assertEquals("2024-W24", CareTable.week(LocalDate.parse("2024-06-16")));
        assertEquals("2025-W01", CareTable.week(LocalDate.parse("2024-12-30")), "a Monday in the next year's week 1");
        assertEquals("2020-W53", CareTable.week(LocalDate.parse("2021-01-03")));
    }

    @Test
    void everyWeekThePeriodTouchesEvenByAMillisecond() {
        assertEquals(List.of("2024-W52", "2025-W01", "2025-W02"), CareTable.weeks(Instant.parse("2024-12-29T23:59:59Z"),
                Instant.parse("2025-01-06T00:00:00.001Z")));
        assertEquals(List.of("2024-W24"), CareTable.weeks(Instant.parse("2024-06-10T00:00:00Z"),
                Instant.parse("2024-06-17T00:00:00Z")));
    }

    @Test
    void someoneOffTheRosterAndARuleNoLongerLiveKeepTheirRowsAfterTheLiveOnes() {
        CareFigures care = CareTable.of(Instant.parse("2024-06-10T00:00:00Z"), Instant.parse("2024-06-11T00:00:00Z"),
                List.of("default"), History.ROSTER, List.of(handoff(1, "retired", "jo", "2024-06-10T09:00:00Z"),
                        handoff(2, "default", "alex", "2024-06-10T10:00:00Z"),
                        handoff(3, "archived", "admin", "2024-06-10T11:00:00Z")), Map.of());
        assertEquals(List.of("person:alex", "person:sam", "person:admin", "person:jo"),
                care.byPerson().stream().map(CareFigures.Row::group).toList());
        assertEquals(List.of("Alex", "Sam", "admin", "jo"), care.byPerson().stream().map(CareFigures.Row::name).toList());
        assertEquals(List.of("default", "archived", "retired"), care.byRule().stream().map(CareFigures.Row::name).toList());
        assertEquals(new CareFigures.Decisions(0, 0, null, null), care.total().decisions());
    }
}
