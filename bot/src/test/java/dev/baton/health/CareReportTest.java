package dev.baton.health;

import static dev.baton.health.CareHistory.FROM;
import static dev.baton.health.CareHistory.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.console.api.CareFigures;
import dev.baton.console.api.CareFigures.AfterAnswer;
import dev.baton.console.api.CareFigures.Decisions;
import dev.baton.console.api.CareFigures.Reason;
import dev.baton.console.api.CareFigures.Repeats;
import dev.baton.console.api.CareFigures.Row;
import dev.baton.console.api.CareFigures.Satisfaction;
import dev.baton.console.api.CareFigures.Times;
import dev.baton.console.api.CareFiguresSource;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;

/** The care figures over {@link CareHistory}, a small history with a known answer, written through the real stores. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("database")
class CareReportTest {

    private static final List<String> LIVE_RULES = List.of("billing", "never-fires", "default");

    private final History history = new History();
    private CareHistory.Written written;
    private CareReport report;
    private CareFigures care;

    @BeforeAll
    void writeTheHistory() {
        written = CareHistory.write(history);
        report = new CareReport(history.database);
        care = report.compute(FROM, TO, LIVE_RULES, History.ROSTER);
    }

    @AfterAll
    void close() {
        history.close();
    }

    @Test
    void allHandoffsOfThePeriodPracticeAndTheEdgesLeftOut() {
        assertEquals(new Row("all", "All handoffs", 6,
                // asked, answered, up, down, comments, 👍 share
                new Satisfaction(4, 3, 2, 1, 1, 2.0 / 3),
                new Repeats(4, 1, 0.25),
                // first reply: 60, 120, 30 s; resolve: 600, 1200, 300, 3600, 60 s (nearest rank)
                new Times(3, 60L, 120L), new Times(5, 600L, 3600L),
                // H1 👍 and H2 👎 came after a bot answer
                new AfterAnswer(2, 1, 0.5),
                new Decisions(9, 3, 3.0 / 9, 6.0 / 9)), care.total());
    }

    @Test
    void perPersonIsWhoResolvedItAsAfterCareNamesThemElseTheAssignee() {
        assertEquals(List.of("person:alex", "person:sam"), care.byPerson().stream().map(Row::group).toList());
        Row alex = care.byPerson().get(0);
        assertEquals("Alex", alex.name());
        assertEquals(4, alex.handoffs(), "H1, H4, H5 and H6; H2 was resolved by Sam");
        assertEquals(new Satisfaction(2, 1, 1, 0, 1, 1.0), alex.satisfaction());
        assertEquals(new Repeats(2, 0, 0.0), alex.repeats());
        assertEquals(null, alex.decisions(), "a decision belongs to no person");
        Row sam = care.byPerson().get(1);
        assertEquals(2, sam.handoffs());
        assertEquals(new Satisfaction(2, 2, 1, 1, 0, 0.5), sam.satisfaction());
        assertEquals(new Repeats(2, 1, 0.5), sam.repeats());
        assertEquals(new Times(2, 30L, 120L), sam.firstReply());
        assertEquals(new AfterAnswer(1, 1, 1.0), sam.afterAnswer());
    }

    @Test
    void perRuleEveryLiveRuleInFileOrderEvenOneThatNeverFired() {
        assertEquals(List.of("billing", "never-fires", "default"), care.byRule().stream().map(Row::name).toList());
        assertEquals(List.of(3, 0, 3), care.byRule().stream().map(Row::handoffs).toList());
        assertEquals(new Times(2, 600L, 1200L), care.byRule().get(0).resolve());
        assertEquals(new Satisfaction(0, 0, 0, 0, 0, null), care.byRule().get(1).satisfaction());
    }

    @Test
    void perIsoWeekWithThatWeeksDecisions() {
        assertEquals(List.of("2024-W24", "2024-W25"), care.byWeek().stream().map(Row::name).toList());
        Row w24 = care.byWeek().get(0);
        assertEquals("week:2024-W24", w24.group());
        assertEquals(3, w24.handoffs());
        assertEquals(new Satisfaction(3, 3, 2, 1, 1, 2.0 / 3), w24.satisfaction());
        assertEquals(new Repeats(3, 1, 1.0 / 3), w24.repeats());
        assertEquals(new Decisions(5, 2, 0.4, 0.6), w24.decisions());
        Row w25 = care.byWeek().get(1);
        assertEquals(new Decisions(4, 1, 0.25, 0.75), w25.decisions());
        assertEquals(new Satisfaction(1, 0, 0, 0, 0, null), w25.satisfaction(), "H4 was asked and never answered");
    }

    @Test
    void handoffRateByMainReasonMostFirst() {
        assertEquals(List.of(new Reason("anger", 3, 3.0 / 9), new Reason("frustration", 1, 1.0 / 9),
                new Reason("human_request", 1, 1.0 / 9), new Reason("out_of_scope", 1, 1.0 / 9)), care.byReason());
    }

    @Test
    void eachNumberListsExactlyTheHandoffsItCounts() {
        assertEquals(List.of(written.h2().id()), ids("all", "repeats"));
        assertEquals(List.of(written.h1().id(), written.h2().id(), written.h3().id()), ids("all", "answered"));
        assertEquals(List.of(written.h1().id(), written.h3().id()), ids("all", "up"));
        assertEquals(List.of(written.h2().id()), ids("person:sam", "down_after_answer"));
        assertEquals(List.of(written.h4().id(), written.h5().id(), written.h6().id()), ids("week:2024-W25", "handoffs"));
        assertEquals(List.of(written.h1().id(), written.h2().id(), written.h5().id()), ids("rule:billing", "handoffs"));
        assertEquals(List.of(written.h4().id()), ids("reason:anger", "asked").subList(2, 3));
        CareFigures.Handoff h2 = report.behind(FROM, TO, History.ROSTER, "all", "repeats").get(0);
        assertEquals(new CareFigures.Handoff(written.h2().id(), Instant.parse("2024-06-11T10:00:00Z"), "Customer 3",
                "Sam", "billing", "anger"), h2);
    }

    @Test
    void theFiguresTheConsoleNamesAreTheOnesCounted() {
        assertEquals(CareFiguresSource.FIGURES, Arrays.stream(CareFigure.values()).map(CareFigure::wireName).toList());
    }

    @Test
    void anUnknownGroupOrFigureIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> report.behind(FROM, TO, History.ROSTER, "team:x", "up"));
        assertThrows(IllegalArgumentException.class, () -> report.behind(FROM, TO, History.ROSTER, "all", "mood"));
    }

    @Test
    void anEmptyPeriodStillListsEveryPersonRuleAndWeek() {
        CareFigures empty = report.compute(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T00:00:00Z"),
                LIVE_RULES, History.ROSTER);
        assertEquals(0, empty.total().handoffs());
        assertEquals(2, empty.byPerson().size());
        assertEquals(3, empty.byRule().size());
        assertEquals(List.of("2024-W18"), empty.byWeek().stream().map(Row::name).toList());
        assertEquals(new Decisions(0, 0, null, null), empty.total().decisions());
        assertEquals(List.of(), empty.byReason());
    }

    @Test
    void aPeriodMustEndAfterItStarts() {
        assertThrows(IllegalArgumentException.class, () -> report.compute(TO, FROM, LIVE_RULES, History.ROSTER));
    }

    private List<Long> ids(String group, String figure) {
        return report.behind(FROM, TO, History.ROSTER, group, figure).stream().map(CareFigures.Handoff::id).toList();
    }
}
