package dev.baton.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.api.RulesHealth;
import dev.baton.console.api.RulesHealth.Day;
import dev.baton.console.api.RulesHealth.Pickup;
import dev.baton.feedback.FeedbackKind;
import dev.baton.routing.Roster;
import dev.baton.routing.RosterLoader;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure part of the health numbers: days, and who a handoff counts for. */
class HealthFiguresTest {

    private static final Instant AT = Instant.parse("2024-06-10T10:00:00Z");

    /** Kim is on the roster without a team; Sam is in support. */
    private static final Roster ROSTER = RosterLoader.parse("team.yaml", new StringReader("""
            typical_pickup_minutes: 10
            people:
              - id: kim
                name: Kim
                discord_user_id: "111111111111111111"
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
              - id: sam
                name: Sam
                discord_user_id: "222222222222222222"
                team: support
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
                sensitive: true
            """));

    private static HandoffFacts handoff(String assignee, String pickedUpBy, String pickedUpByName) {
        return new HandoffFacts(1, "default", "anger", assignee, AT, pickedUpBy == null ? null : AT.plusSeconds(90),
                pickedUpBy, pickedUpByName, false, Set.of(FeedbackKind.NEEDED_PERSON));
    }

    private static List<Pickup> pickup(HandoffFacts handoff) {
        RulesHealth health = HealthFigures.of(AT, AT.plusSeconds(3600), List.of("default"), ROSTER, List.of(handoff),
                new AnswerFacts(0, 0, 0, Map.of()));
        return health.pickup().stream().filter(p -> p.handoffs() > 0).toList();
    }

    @ParameterizedTest(name = "{0} to {1}: {2} days from {3}")
    @CsvSource({
        "2024-06-10T00:00:00Z, 2024-06-11T00:00:00Z, 1, 2024-06-10",
        "2024-06-10T12:00:00Z, 2024-06-12T06:00:00Z, 3, 2024-06-10",
        "2024-06-10T23:59:59.999Z, 2024-06-11T00:00:00.001Z, 2, 2024-06-10",
        "2024-06-01T00:00:00Z, 2024-07-01T00:00:00Z, 30, 2024-06-01",
    })
    void theDailySeriesHasEveryUtcDayThePeriodTouches(String from, String to, int days, String firstDay) {
        List<Day> daily = HealthFigures.daily(Instant.parse(from), Instant.parse(to), Map.of(), Map.of());
        assertEquals(days, daily.size());
        assertEquals(LocalDate.parse(firstDay), daily.get(0).day());
        assertEquals(0, daily.stream().mapToInt(d -> d.handoffs() + d.answers()).sum());
    }

    @Test
    void aClaimCountsForThePersonByRosterIdAndTheirTeam() {
        assertEquals(List.of(new Pickup("person", "Sam", 1, 1, 90L, 90L, 0), new Pickup("team", "support", 1, 1, 90L,
                90L, 0)), pickup(handoff("kim", "sam", null)));
    }

    @Test
    void aStaffReplyCountsForThePersonByDiscordId() {
        assertEquals("Sam", pickup(handoff("kim", "222222222222222222", "Sam S.")).get(0).name());
    }

    @Test
    void someoneOnTheRosterWithoutATeamCountsForNoTeam() {
        assertEquals(List.of(new Pickup("person", "Kim", 1, 0, null, null, 0),
                new Pickup("team", "no team", 1, 0, null, null, 0)), pickup(handoff("kim", null, null)));
    }

    @Test
    void someoneSinceTakenOffTheRosterKeepsTheNameTheirReplyWasStoredUnder() {
        assertEquals(List.of(new Pickup("person", "Robin", 1, 1, 90L, 90L, 0),
                new Pickup("team", "no team", 1, 1, 90L, 90L, 0)), pickup(handoff("kim", "333333333333333333", "Robin")));
    }

    @Test
    void pickupSecondsRoundToTheNearestSecond() {
        assertEquals(2L, new HandoffFacts(1, "r", "anger", "kim", AT, AT.plusMillis(1500), "kim", null, false, Set.of())
                .pickupSecs());
        assertEquals(1L, new HandoffFacts(1, "r", "anger", "kim", AT, AT.plusMillis(1499), "kim", null, false, Set.of())
                .pickupSecs());
    }
}
