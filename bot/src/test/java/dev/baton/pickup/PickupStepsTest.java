package dev.baton.pickup;

import static dev.baton.pickup.Handoffs.T0;
import static dev.baton.pickup.Handoffs.minutes;
import static dev.baton.pickup.Handoffs.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.handoff.HandoffState;
import dev.baton.routing.Pool;
import dev.baton.rules.Conditions;
import dev.baton.rules.Deadlines;
import dev.baton.rules.Priority;
import dev.baton.rules.Route;
import dev.baton.rules.RuleBook;
import dev.baton.rules.Target;
import dev.baton.triage.CueSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PickupStepsTest {

    private static final String MODERATORS = "1180000000000000099";
    /** remind at 15m, re-route at 45m, escalate at 1h30m. */
    private static final Deadlines ALL = new Deadlines(minutes(15), minutes(45), minutes(90), MODERATORS);

    private static Arguments when(String description, Handoffs.Builder handoff, Deadlines deadlines, Duration now,
                                  Step expected) {
        return Arguments.of(description, handoff.build(), deadlines, now, expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // each threshold
                when("nothing is due a moment before the reminder", waiting(), ALL, Duration.ofSeconds(899), null),
                when("the reminder is due exactly at its deadline", waiting(), ALL, minutes(15), Step.REMIND),
                when("after the reminder, nothing until the re-route", waiting().then("reminded", minutes(15)), ALL,
                        minutes(44), null),
                when("the re-route is due at its deadline", waiting().then("reminded", minutes(15)), ALL, minutes(45),
                        Step.REROUTE),
                when("the escalation is due at its deadline",
                        waiting().then("reminded", minutes(15)).then("rerouted", minutes(45))
                                .state(HandoffState.TRANSFERRED).assignee("sam"), ALL, minutes(90), Step.ESCALATE),
                // order and idempotence
                when("long overdue, the reminder still comes first", waiting(), ALL, Duration.ofHours(5), Step.REMIND),
                when("long overdue and reminded, the re-route comes next", waiting().then("reminded", minutes(300)),
                        ALL, Duration.ofHours(5), Step.REROUTE),
                when("every step taken: nothing more, ever", waiting().then("reminded", minutes(15))
                        .then("rerouted", minutes(45)).then("escalated", minutes(90)), ALL, Duration.ofDays(3), null),
                when("a re-route that found nobody counts as taken", waiting().then("reminded", minutes(15))
                        .then(Step.NOT_REROUTED, minutes(45)), ALL, minutes(90), Step.ESCALATE),
                when("Baton's own re-route keeps the clock: escalation counts from creation",
                        waiting().then("reminded", minutes(15)).then("rerouted", minutes(45), "baton", "to sam: late")
                                .state(HandoffState.TRANSFERRED).assignee("sam"), ALL, minutes(89), null),
                when("deadlines written out of order happen in the order of their times", waiting(),
                        new Deadlines(minutes(30), minutes(10), null, null), minutes(40), Step.REROUTE),
                // claimed, replied, picked up
                when("a claimed handoff has no deadlines", waiting().then("claimed", minutes(5), "alex", "claimed by alex")
                        .state(HandoffState.CLAIMED), ALL, Duration.ofHours(5), null),
                when("a resolved handoff has no deadlines", waiting().state(HandoffState.RESOLVED), ALL,
                        Duration.ofHours(5), null),
                when("a person writing in the conversation picked it up", waiting().wrote("sam", minutes(3)), ALL,
                        Duration.ofHours(5), null),
                when("a person who wrote before the handoff did not pick it up", waiting().wrote("sam", minutes(-3)),
                        ALL, minutes(15), Step.REMIND),
                when("a reply from the console picked it up", waiting().then("replied", minutes(4), "alex", "via webhook"),
                        ALL, Duration.ofHours(5), null),
                // new waits
                when("a transfer by a person starts a new wait: the earlier reminder does not count",
                        waiting().then("reminded", minutes(15)).then("claimed", minutes(20), "alex", "")
                                .then("transferred", minutes(30), "alex", "to sam: knows refunds")
                                .state(HandoffState.TRANSFERRED).assignee("sam"), ALL, minutes(45), Step.REMIND),
                when("a new wait after a transfer counts from the transfer", waiting()
                                .then("transferred", minutes(30), "alex", "to sam").state(HandoffState.TRANSFERRED)
                                .assignee("sam"), ALL, minutes(44), null),
                when("whoever transferred it writing to the customer is handing over, not picking up", waiting()
                                .then("transferred", minutes(30), "alex", "to sam").wrote("alex", minutes(31))
                                .state(HandoffState.TRANSFERRED).assignee("sam"), ALL, minutes(45), Step.REMIND),
                when("the new person writing picks it up", waiting().then("transferred", minutes(30), "alex", "to sam")
                        .wrote("sam", minutes(33)).state(HandoffState.TRANSFERRED).assignee("sam"), ALL,
                        minutes(45), null),
                when("a reopened handoff's deadlines count again from the reopen", waiting()
                                .then("reminded", minutes(15)).then("rerouted", minutes(45)).then("escalated", minutes(90))
                                .then("resolved", minutes(100), "sam", "solved").then("reopened", minutes(180), "sam", ""),
                        ALL, minutes(195), Step.REMIND),
                // missing deadlines
                when("no deadlines: nothing, ever", waiting(), Deadlines.NONE, Duration.ofDays(3), null),
                when("only a re-route deadline: it is the first step", waiting(),
                        new Deadlines(null, minutes(45), null, null), minutes(45), Step.REROUTE),
                when("without an escalation deadline nothing follows the re-route",
                        waiting().then("reminded", minutes(15)).then("rerouted", minutes(45)),
                        new Deadlines(minutes(15), minutes(45), null, null), Duration.ofDays(3), null),
                // when the clock starts
                when("off shift at creation, deadlines count from the next shift", waiting().dueFrom(Duration.ofHours(8)),
                        ALL, Duration.ofHours(8).plus(minutes(14)), null),
                when("off shift at creation, the reminder comes 15m into the shift", waiting().dueFrom(Duration.ofHours(8)),
                        ALL, Duration.ofHours(8).plus(minutes(15)), Step.REMIND),
                when("an urgent handoff counts from creation even when the person was away",
                        waiting().priority(Priority.URGENT).dueFrom(Duration.ofHours(8)), ALL, minutes(15), Step.REMIND),
                when("without any event rows the handoff counts from creation", waiting().withoutEvents(), ALL,
                        minutes(15), Step.REMIND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theNextStepDependsOnTheClockTheTimelineAndWhoWrote(String description, Waiting waiting, Deadlines deadlines,
                                                           Duration now, Step expected) {
        Optional<PickupSteps.Due> due = PickupSteps.next(waiting, deadlines, T0.plus(now));

        assertEquals(Optional.ofNullable(expected), due.map(PickupSteps.Due::step), description);
    }

    @Test
    void aDueStepSaysWhichDeadlinePassedAndSinceWhen() {
        PickupSteps.Due due = PickupSteps.next(waiting().dueFrom(Duration.ofHours(8)).build(), ALL,
                T0.plus(Duration.ofHours(20))).orElseThrow();

        assertEquals(Step.REMIND, due.step());
        assertEquals(minutes(15), due.after());
        assertEquals(T0.plus(Duration.ofHours(8)), due.countingFrom());
        assertEquals(T0.plus(Duration.ofHours(8)).plus(minutes(15)), due.dueAt());
    }

    @Test
    void theWaitInProgressSaysSinceWhenTheCustomerHasWaited() {
        PickupSteps.Wait wait = PickupSteps.currentWait(waiting().then("transferred", minutes(30), "alex", "to sam")
                .state(HandoffState.TRANSFERRED).assignee("sam").build()).orElseThrow();

        assertEquals(T0.plus(minutes(30)), wait.since());
        assertEquals(T0.plus(minutes(30)), wait.countingFrom());
        assertEquals("alex", wait.handedOverBy());
    }

    @Nested
    @DisplayName("under the rules in force")
    class UnderTheRules {

        private final Deadlines urgent = new Deadlines(minutes(2), minutes(5), minutes(10), MODERATORS);
        private final Deadlines normal = new Deadlines(minutes(15), minutes(45), null, null);
        private final Deadlines grief = new Deadlines(minutes(5), minutes(20), Duration.ofHours(1), MODERATORS);
        private final RuleBook book = new RuleBook(CueSettings.standard(), List.of(), List.of(
                new Route("grief to the community team", 10, Conditions.ALWAYS, new Target.Team("community"),
                        Priority.HIGH, null, grief),
                new Route("billing to Mei", 20, Conditions.ALWAYS, new Target.Named("mei"), Priority.URGENT, null, null)),
                new Route(RuleBook.DEFAULT_ROUTE, 30, Conditions.ALWAYS, new Target.Anyone(), Priority.NORMAL, null, null),
                Map.of(Priority.URGENT, urgent, Priority.NORMAL, normal), 0.5);

        @Test
        void aRuleWithDeadlinesOfItsOwnUsesThem() {
            assertEquals(grief, PickupSteps.deadlines(book, waiting().rule("grief to the community team").build().handoff()));
        }

        @Test
        void aRuleWithoutItsOwnUsesThoseOfThePriorityTheHandoffWasGiven() {
            assertEquals(urgent, PickupSteps.deadlines(book, waiting().rule("billing to Mei").priority(Priority.URGENT)
                    .build().handoff()));
            assertEquals(normal, PickupSteps.deadlines(book, waiting().rule("default").build().handoff()));
        }

        @Test
        void aRuleSinceDeletedFallsBackToThePrioritysDeadlinesAndAPriorityWithoutAnyHasNone() {
            assertEquals(normal, PickupSteps.deadlines(book, waiting().rule("renamed long ago").build().handoff()));
            assertEquals(Deadlines.NONE, PickupSteps.deadlines(book, waiting().rule("renamed long ago")
                    .priority(Priority.LOW).build().handoff()));
        }

        @Test
        void aReRouteChoosesFromTheRulesTeamOrPersonOrAnyoneWhenTheRuleIsGone() {
            assertEquals(Pool.team("community"), PickupSteps.pool(book, waiting().rule("grief to the community team")
                    .build().handoff()));
            assertEquals(Pool.person("mei"), PickupSteps.pool(book, waiting().rule("billing to Mei").build().handoff()));
            assertEquals(Pool.everyone(), PickupSteps.pool(book, waiting().rule("default").build().handoff()));
            assertEquals(Pool.everyone(), PickupSteps.pool(book, waiting().rule("deleted").build().handoff()));
        }
    }

    @Test
    void everyoneTheHandoffHasBeenWithIsKnownFromTheTimeline() {
        Waiting waiting = waiting().then("transferred", minutes(10), "alex", "to sam: Sam knows refunds")
                .then("rerouted", minutes(40), "baton", "to mei: Sam did not pick it up")
                .then("transferred", minutes(50), "mei", "to dana").assignee("dana").state(HandoffState.TRANSFERRED)
                .build();

        Set<String> tried = PickupSteps.assignedSoFar(waiting, "alex");

        assertEquals(List.of("alex", "sam", "mei", "dana"), List.copyOf(tried));
        assertTrue(PickupSteps.assignedSoFar(waiting().build(), "alex").contains("alex"));
    }
}
