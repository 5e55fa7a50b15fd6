package dev.baton.replay;

import dev.baton.store.TestDatabases;
import dev.baton.handoff.HandoffWording;
import dev.baton.live.RulesInForce;
import static dev.baton.replay.Past.cue;
import static dev.baton.replay.ReplayTest.FROM;
import static dev.baton.replay.ReplayTest.KNOWLEDGE;
import static dev.baton.replay.ReplayTest.TO;
import static dev.baton.replay.ReplayTest.WIRING;
import static dev.baton.replay.ReplayTest.at;
import static dev.baton.triage.CueKind.FRUSTRATION;
import static dev.baton.triage.CueKind.SADNESS_GRIEF;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.api.ReplayReport;
import dev.baton.routing.Roster;
import dev.baton.routing.RosterLoader;
import dev.baton.rules.Conditions;
import dev.baton.rules.Priority;
import dev.baton.rules.Route;
import dev.baton.rules.RuleBook;
import dev.baton.rules.Target;
import dev.baton.store.Database;
import dev.baton.triage.CueSettings;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Who is busy decides who gets the next handoff, so a replay keeps a simulated workload. Here Alex covers
 * billing but holds one handoff at a time; Dana is a generalist on the same team; Sam takes sensitive ones.
 * A billing handoff goes to Alex whenever Alex has room.
 */
@Tag("database")
class ReplayWorkloadTest {

    private static final Roster ROSTER = RosterLoader.parse("team.yaml", new StringReader("""
            people:
              - id: alex
                name: Alex
                discord_user_id: "100000000000000001"
                team: billing
                topics: [billing]
                max_open: 1
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
              - id: dana
                name: Dana
                discord_user_id: "100000000000000002"
                team: billing
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
              - id: sam
                name: Sam
                discord_user_id: "100000000000000003"
                team: support
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
                sensitive: true
            """));

    private static final RulesInForce LIVE = new RulesInForce(WIRING.engine(KNOWLEDGE), KNOWLEDGE, ROSTER, HandoffWording.defaults(), RuleBook.defaults(),
            false);
    /** Answers only when all but certain: everything the live rules answered becomes a handoff. */
    private static final RulesInForce CAUTIOUS = new RulesInForce(WIRING.engine(KNOWLEDGE), KNOWLEDGE, ROSTER, HandoffWording.defaults(),
            new RuleBook(CueSettings.standard(), List.of(), List.of(), RuleBook.defaults().fallback(), Map.of(), 0.95),
            false);

    private final Database database = TestDatabases.fresh();
    private final Past past = new Past(database, KNOWLEDGE, ROSTER);

    @AfterEach
    void close() {
        database.close();
    }

    private void billingHandoff(String customer, String at, String resolved) {
        past.conversation(customer).says("so annoying", at(at))
                .decided(at(at), past.nearest("refunds", 0.8), cue(FRUSTRATION, 0.6))
                .handedOffTo("alex", at(at)).resolved(at(resolved));
    }

    @Test
    void aSimulatedHandoffKeepsItsPersonBusyUntilTheRealOneWasResolved() {
        billingHandoff("Ann", "02T10:00", "02T11:00");
        billingHandoff("Ben", "02T10:30", "02T10:45"); // Alex is full until Ann's is resolved
        billingHandoff("Cat", "02T11:30", "02T11:45"); // Alex has room again

        assertEquals(Map.of("Alex", 2, "Dana", 1), replay(LIVE).live().byPerson());
    }

    @Test
    void handoffsStillOpenWhenThePeriodStartsKeepTheirPersonBusy() {
        past.conversation("Earlier").says("so annoying", FROM.minus(Duration.ofDays(2)))
                .decided(FROM.minus(Duration.ofDays(2)), past.nearest("refunds", 0.8), cue(FRUSTRATION, 0.6))
                .handedOffTo("alex", FROM.minus(Duration.ofDays(2)));
        billingHandoff("Ann", "02T10:00", "02T11:00");

        assertEquals(Map.of("Dana", 1), replay(LIVE).live().byPerson());
    }

    @Test
    void withNoRealHandoffToFollowASimulatedOneIsHeldForAsLongAsRealOnesTypicallyStayedOpen() {
        // Tuesday's real handoffs stayed open 20 and 40 minutes: a simulated one is held 30.
        griefHandoff("Tia", "03T10:00", "03T10:20");
        griefHandoff("Tom", "03T12:00", "03T12:40");
        answered("Ann", "02T10:00");
        answered("Ben", "02T10:20"); // Alex holds Ann's until 10:30
        answered("Cat", "02T10:40"); // Alex has room again

        assertEquals(Map.of("Alex", 2, "Dana", 1, "Sam", 2), replay(CAUTIOUS).draft().byPerson());
    }

    @Test
    void turnsFollowTheLiveRulesSoOneConversationRoutedDifferentlyDoesNotShiftEveryLaterOne() {
        // Live: install questions (nobody's topic) take turns, Alex, Dana, Sam, Alex. The draft sends VIPs to Dana.
        past.conversation("Vic").withRoles("VIP").says("so annoying", at("02T10:00"))
                .decided(at("02T10:00"), past.nearest("download", 0.8), cue(FRUSTRATION, 0.6));
        for (String[] turn : new String[][] {{"Ann", "02T11:00"}, {"Ben", "02T12:00"}, {"Cat", "02T13:00"}}) {
            past.conversation(turn[0]).says("so annoying", at(turn[1]))
                    .decided(at(turn[1]), past.nearest("download", 0.8), cue(FRUSTRATION, 0.6));
        }
        RulesInForce vipsToDana = new RulesInForce(WIRING.engine(KNOWLEDGE), KNOWLEDGE, ROSTER, HandoffWording.defaults(), new RuleBook(CueSettings.standard(),
                List.of(), List.of(new Route("vips", 3, new Conditions(Set.of(), Set.of(), Set.of(), Set.of("vip"), null),
                        new Target.Named("dana"), Priority.HIGH, null, null)), RuleBook.defaults().fallback(), Map.of(),
                RuleBook.DEFAULT_ANSWER_CONFIDENCE), false);

        ReplayReport report = replay(vipsToDana);

        assertEquals(Map.of("Alex", 2, "Dana", 1, "Sam", 1), report.live().byPerson());
        assertEquals(List.of("Vic"), report.changed().stream().map(ReplayReport.Changed::customerName).toList());
        assertEquals("handoff: frustration → Dana (rule vips, high)", report.changed().get(0).draft());
    }

    private void answered(String customer, String at) {
        past.conversation(customer).says("How do refunds work?", at(at)).decided(at(at), past.nearest("refunds", 0.8));
    }

    private void griefHandoff(String customer, String at, String resolved) {
        past.conversation(customer).says("I miss her", at(at))
                .decided(at(at), past.nearest("download", 0.1), cue(SADNESS_GRIEF, 0.6))
                .handedOffTo("sam", at(at)).resolved(at(resolved));
    }

    private ReplayReport replay(RulesInForce draft) {
        return Replay.run(database, LIVE, draft, FROM, TO);
    }
}
