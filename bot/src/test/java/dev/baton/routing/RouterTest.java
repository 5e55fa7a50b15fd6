package dev.baton.routing;

import static dev.baton.routing.People.NOW;
import static dev.baton.routing.People.person;
import static dev.baton.routing.People.roster;
import static dev.baton.routing.People.workload;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.triage.CueKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTest {

    private static final RoutingRequest BILLING = new RoutingRequest(Set.of("billing"), false, false);
    private static final RoutingRequest NO_TOPIC = new RoutingRequest(Set.of(), false, false);

    // ------------------------------------------------------------------ on shift with room

    @Test
    void aTopicMatchBeatsSomeoneWhoHasWaitedLonger() {
        Roster roster = roster(person("priya").topics("install"), person("alex").topics("billing", "account"));
        Workload load = workload().lastHandoff("priya", Duration.ofDays(3)).lastHandoff("alex", Duration.ofMinutes(5))
                .open("alex", 1).build();

        Routing routing = Router.route(BILLING, roster, load, NOW);

        assertAll(
                () -> assertEquals("alex", routing.person().id()),
                () -> assertTrue(routing.onShift()),
                () -> assertTrue(routing.topicMatched()),
                () -> assertEquals(NOW, routing.availableAt()),
                () -> assertEquals("billing topic; on shift; 1 of 5 open", routing.why()));
    }

    @Test
    void amongTopicMatchesTheOneLongestSinceTheirLastHandoffWins() {
        Roster roster = roster(person("alex").topics("billing").maxOpen(4), person("dana").topics("billing"));
        Workload load = workload().open("alex", 1).lastHandoff("alex", Duration.ofHours(3))
                .lastHandoff("dana", Duration.ofHours(1)).build();

        Routing routing = Router.route(BILLING, roster, load, NOW);

        assertEquals("alex", routing.person().id());
        assertEquals("billing topic; on shift; 1 of 4 open; longest since last handoff", routing.why());
    }

    @Test
    void neverHavingHadAHandoffCountsAsWaitingLongest() {
        Roster roster = roster(person("alex"), person("dana"));
        Workload load = workload().lastHandoff("alex", Duration.ofDays(30)).build();

        Routing routing = Router.route(NO_TOPIC, roster, load, NOW);

        assertEquals("dana", routing.person().id());
        assertEquals("on shift; 0 of 5 open; no handoff yet", routing.why());
    }

    @Test
    void afterEverythingElseTiesRosterOrderDecides() {
        Roster roster = roster(person("alex"), person("dana"), person("sam"));

        Routing routing = Router.route(NO_TOPIC, roster, People.workload().build(), NOW);

        assertEquals("alex", routing.person().id());
        assertEquals("on shift; 0 of 5 open; first in roster order", routing.why());
    }

    @Test
    void someoneAtCapacityIsPassedOverEvenIfTheirTopicMatches() {
        Roster roster = roster(person("alex").topics("billing").maxOpen(2), person("priya").topics("install"));
        Workload load = workload().open("alex", 2).build();

        Routing routing = Router.route(BILLING, roster, load, NOW);

        assertEquals("priya", routing.person().id());
        assertFalse(routing.topicMatched());
        assertEquals("no topic match for billing; on shift; 0 of 5 open; the only one on shift with room", routing.why());
    }

    @Test
    void openHandoffsBelowTheMaximumStillLeaveRoom() {
        Roster roster = roster(person("alex").topics("billing").maxOpen(3), person("priya"));
        Workload load = workload().open("alex", 2).build();

        assertEquals("alex", Router.route(BILLING, roster, load, NOW).person().id());
    }

    @Test
    void someoneOffShiftIsNotChosenWhileSomeoneOnShiftHasRoom() {
        Roster roster = roster(person("alex").topics("billing").offShiftUntil("thu 09:00"), person("priya"));

        Routing routing = Router.route(BILLING, roster, People.workload().build(), NOW);

        assertEquals("priya", routing.person().id());
        assertTrue(routing.onShift());
    }

    @Test
    void anyOfSeveralRequestedTopicsCounts() {
        Roster roster = roster(person("priya").topics("install"), person("sam").topics("printing", "install"));
        RoutingRequest request = new RoutingRequest(Set.of("Printing", "nozzle"), false, false);

        Routing routing = Router.route(request, roster, People.workload().build(), NOW);

        assertEquals("sam", routing.person().id());
        assertTrue(routing.why().startsWith("printing topic; "), routing.why());
    }

    // ------------------------------------------------------------------ sensitive and crisis

    @ParameterizedTest(name = "sensitive={0}, crisis={1}: {2}")
    @CsvSource({
            "false, false, dana, billing topic; on shift; 0 of 5 open",
            "true,  false, mei,  sensitive: only people who take sensitive handoffs; no topic match for billing;"
                    + " on shift; 0 of 5 open; the only one on shift with room",
            "false, true,  mei,  crisis: only people who take sensitive handoffs; no topic match for billing;"
                    + " on shift; 0 of 5 open; the only one on shift with room",
            "true,  true,  mei,  crisis: only people who take sensitive handoffs; no topic match for billing;"
                    + " on shift; 0 of 5 open; the only one on shift with room",
    })
    void sensitiveAndCrisisHandoffsGoOnlyToPeopleWhoOptedIn(boolean sensitive, boolean crisis, String expected,
                                                            String why) {
        Roster roster = roster(person("dana").topics("billing").notSensitive(), person("mei").topics("community"));

        Routing routing = Router.route(new RoutingRequest(Set.of("billing"), sensitive, crisis), roster,
                People.workload().build(), NOW);

        assertEquals(expected, routing.person().id());
        assertEquals(why, routing.why());
    }

    @Test
    void aSensitiveHandoffWaitsForAnOptedInPersonRatherThanGoingToSomeoneOnShift() {
        Roster roster = roster(person("dana").notSensitive(), person("mei").offShiftUntil("thu 18:00"));

        Routing routing = Router.route(new RoutingRequest(Set.of(), true, false), roster, People.workload().build(), NOW);

        assertEquals("mei", routing.person().id());
        assertFalse(routing.onShift());
        assertEquals(Instant.parse("2024-06-13T18:00:00Z"), routing.availableAt());
    }

    @Test
    void aSensitiveHandoffGoesToAnOptedInPersonEvenWhenAllOfThemAreFull() {
        Roster roster = roster(person("dana").notSensitive(), person("mei").maxOpen(2));
        Workload load = workload().open("mei", 2).build();

        Routing routing = Router.route(new RoutingRequest(Set.of(), false, true), roster, load, NOW);

        assertEquals("mei", routing.person().id());
    }

    @ParameterizedTest(name = "{0} -> sensitive={1}, crisis={2}")
    @CsvSource({
            "crisis,                  true,  true",
            "sadness_grief,           true,  false",
            "anxiety,                 true,  false",
            "anger,                   false, false",
            "human_request;urgency,   false, false",
            "frustration;anxiety,     true,  false",
    })
    void handoffReasonsDecideWhetherARequestIsSensitive(String reasons, boolean sensitive, boolean crisis) {
        List<CueKind> kinds = Arrays.stream(reasons.split(";")).map(CueKind::fromWire).toList();

        RoutingRequest request = RoutingRequest.forHandoff(Set.of("Billing"), kinds);

        assertEquals(new RoutingRequest(Set.of("billing"), sensitive, crisis), request);
    }

    // ------------------------------------------------------------------ nobody on shift with room

    @Test
    void withNobodyOnShiftTheOneWhoseShiftStartsSoonestIsChosenAndTheCustomerCanBeToldWhen() {
        Roster roster = roster(
                person("alex").topics("billing").offShiftUntil("fri 09:00"),
                person("sam").zone("Europe/London").offShiftUntil("thu 09:00"));

        Routing routing = Router.route(BILLING, roster, People.workload().build(), NOW);

        assertAll(
                () -> assertEquals("sam", routing.person().id()),
                () -> assertFalse(routing.onShift()),
                () -> assertEquals(Instant.parse("2024-06-13T08:00:00Z"), routing.availableAt()),
                () -> assertEquals("nobody on shift; Sam starts first (Thu 09:00 Europe/London);"
                        + " no topic match for billing; 0 of 5 open", routing.why()));
    }

    @Test
    void withTheSameNextStartATopicMatchWins() {
        Roster roster = roster(person("priya").offShiftUntil("thu 09:00"),
                person("alex").topics("billing").offShiftUntil("thu 09:00"));

        Routing routing = Router.route(BILLING, roster, People.workload().build(), NOW);

        assertEquals("alex", routing.person().id());
        assertTrue(routing.topicMatched());
        assertEquals("nobody on shift; Alex starts first (Thu 09:00 UTC); billing topic; 0 of 5 open", routing.why());
    }

    @Test
    void someoneOnShiftAtCapacityYieldsToSomeoneWithRoomWhoStartsLater() {
        Roster roster = roster(person("alex").maxOpen(1), person("sam").offShiftUntil("thu 09:00"));
        Workload load = workload().open("alex", 1).build();

        Routing routing = Router.route(NO_TOPIC, roster, load, NOW);

        assertEquals("sam", routing.person().id());
        assertEquals(Instant.parse("2024-06-13T09:00:00Z"), routing.availableAt());
        assertTrue(routing.why().startsWith("everyone on shift is at capacity; Sam starts first (Thu 09:00 UTC)"),
                routing.why());
    }

    @Test
    void someoneOffShiftAtCapacityIsSkippedForALaterStarterWithRoom() {
        Roster roster = roster(person("alex").maxOpen(1).offShiftUntil("wed 13:00"),
                person("sam").offShiftUntil("thu 09:00"));
        Workload load = workload().open("alex", 1).build();

        assertEquals("sam", Router.route(NO_TOPIC, roster, load, NOW).person().id());
    }

    // ------------------------------------------------------------------ everyone at capacity

    @Test
    void withEveryoneAtCapacityTheOneOnShiftWithTheLeastRelativeLoadIsChosen() {
        Roster roster = roster(person("alex").maxOpen(2), person("dana").maxOpen(4),
                person("sam").maxOpen(1).offShiftUntil("wed 13:00"));
        Workload load = workload().open("alex", 3).open("dana", 4).open("sam", 1).build();

        Routing routing = Router.route(BILLING, roster, load, NOW);

        assertAll(
                () -> assertEquals("dana", routing.person().id()),
                () -> assertTrue(routing.onShift()),
                () -> assertEquals(NOW, routing.availableAt()),
                () -> assertEquals("everyone is at capacity; on shift; least loaded: 4 of 4 open;"
                        + " no topic match for billing", routing.why()));
    }

    @Test
    void withEveryoneAtCapacityAndOffShiftTheSoonestStarterIsChosen() {
        Roster roster = roster(person("alex").maxOpen(1).offShiftUntil("fri 09:00"),
                person("sam").maxOpen(1).offShiftUntil("thu 09:00"));
        Workload load = workload().open("alex", 1).open("sam", 3).build();

        Routing routing = Router.route(NO_TOPIC, roster, load, NOW);

        assertEquals("sam", routing.person().id());
        assertEquals(Instant.parse("2024-06-13T09:00:00Z"), routing.availableAt());
        assertEquals("everyone is at capacity; nobody on shift; Sam starts first (Thu 09:00 UTC); 3 of 1 open",
                routing.why());
    }

    // ------------------------------------------------------------------ always someone

    @Test
    void aRosterOfOneAlwaysGetsTheHandoff() {
        Roster roster = roster(person("mei").maxOpen(1).offShiftUntil("sun 20:00"));
        Workload load = workload().open("mei", 7).build();

        for (RoutingRequest request : List.of(BILLING, new RoutingRequest(Set.of(), true, true))) {
            assertEquals("mei", Router.route(request, roster, load, NOW).person().id());
        }
    }

    @Test
    void randomRostersAlwaysGetAnEligiblePersonAndSomeoneOnShiftWithRoomWhenThereIsOne() {
        Random random = new Random(42);
        String[] days = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        for (int round = 0; round < 500; round++) {
            List<People.Builder> people = new ArrayList<>();
            People.Load load = workload();
            int size = 1 + random.nextInt(5);
            for (int i = 0; i < size; i++) {
                String id = "p" + i;
                People.Builder person = person(id).maxOpen(1 + random.nextInt(3))
                        .shifts(days[random.nextInt(7)] + String.format(" %02d:00-%02d:30",
                                random.nextInt(24), random.nextInt(24)))
                        .topics(random.nextBoolean() ? "billing" : "install");
                people.add(i > 0 && random.nextBoolean() ? person.notSensitive() : person);
                load.open(id, random.nextInt(4));
            }
            Roster roster = roster(people.toArray(People.Builder[]::new));
            RoutingRequest request = new RoutingRequest(Set.of("billing"), random.nextBoolean(), false);
            Workload workload = load.build();
            Instant now = NOW.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));

            Routing routing = Router.route(request, roster, workload, now);

            List<Person> eligible = roster.people().stream()
                    .filter(p -> p.takesSensitive() || !request.needsSensitive()).toList();
            boolean anyOnShiftWithRoom = eligible.stream()
                    .anyMatch(p -> p.hours().isOnShift(now) && workload.open(p.id()) < p.maxOpenHandoffs());
            Person chosen = routing.person();
            String context = "round " + round + ": " + routing;
            assertTrue(eligible.contains(chosen), context);
            assertEquals(chosen.hours().isOnShift(now), routing.onShift(), context);
            assertFalse(routing.availableAt().isBefore(now), context);
            if (anyOnShiftWithRoom) {
                assertTrue(routing.onShift() && workload.open(chosen.id()) < chosen.maxOpenHandoffs(), context);
            }
        }
    }

    @Test
    void workloadOfPeopleNoLongerOnTheRosterIsIgnored() {
        Roster roster = roster(person("alex"));
        Workload load = workload().open("gone", 9).lastHandoff("gone", Duration.ofDays(1)).build();

        assertEquals("alex", Router.route(NO_TOPIC, roster, load, NOW).person().id());
    }

    // ------------------------------------------------------------------ within a routing rule's pool

    @Nested
    @DisplayName("Within a routing rule's pool")
    class WithinAPool {

        private final Roster roster = roster(
                person("alex").team("billing").topics("billing").notSensitive(),
                person("dana").team("Billing").offShiftUntil("thu 09:00"),
                person("priya").team("support").topics("billing").notSensitive(),
                person("mei").team("community"));

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                anyone                                  | billing | false | alex
                the billing team                        | billing | false | alex
                the billing team, written in capitals   | BILLING | false | alex
                the support team                        | support | false | priya
                the community team for a billing topic  | community | false | mei
                """)
        void aTeamPoolChoosesOnlyAmongItsMembers(String name, String team, boolean sensitive, String expected) {
            Pool pool = name.equals("anyone") ? Pool.everyone() : Pool.team(team);

            Routing routing = Router.route(new RoutingRequest(Set.of("billing"), sensitive, false), roster,
                    People.workload().build(), NOW, pool);

            assertEquals(expected, routing.person().id(), routing.why());
        }

        @Test
        void aNamedPersonGetsItEvenWhenOffShiftWhileOthersAreOnShift() {
            Routing routing = Router.route(BILLING, roster, People.workload().build(), NOW, Pool.person("dana"));

            assertEquals("dana", routing.person().id());
            assertFalse(routing.onShift());
            assertEquals(Instant.parse("2024-06-13T09:00:00Z"), routing.availableAt());
        }

        @Test
        void peopleAlreadyTriedAreNeverChosenAgain() {
            Routing routing = Router.route(BILLING, roster, People.workload().build(), NOW,
                    Pool.team("billing").without(Set.of("alex")));

            assertEquals("dana", routing.person().id(), "the only billing person left, though off shift");
        }

        @Test
        void whenNobodyInThePoolIsEligibleEveryoneElseIsConsideredAndTheReasonSaysSo() {
            RoutingRequest grief = new RoutingRequest(Set.of("billing"), true, false);

            Routing routing = Router.route(grief, roster, People.workload().build(), NOW, Pool.person("alex"));

            assertEquals("mei", routing.person().id(), "Alex does not take grief; Mei is on shift and does");
            assertTrue(routing.why().startsWith("nobody eligible in Alex; sensitive: "), routing.why());
        }

        @Test
        void wideningStillLeavesOutPeopleAlreadyTried() {
            RoutingRequest grief = new RoutingRequest(Set.of(), true, false);

            Routing routing = Router.route(grief, roster, People.workload().build(), NOW,
                    Pool.team("support").without(Set.of("mei")));

            assertEquals("dana", routing.person().id());
            assertTrue(routing.why().startsWith("nobody eligible in support team; "), routing.why());
        }

        @Test
        void whenEveryEligiblePersonWasTriedTheExclusionGivesWaySoSomeoneIsChosen() {
            RoutingRequest crisis = new RoutingRequest(Set.of(), false, true);

            Routing routing = Router.route(crisis, roster, People.workload().build(), NOW,
                    Pool.everyone().without(Set.of("dana", "mei")));

            assertEquals("mei", routing.person().id(), "on shift, opted in, and nobody else is");
        }

        @Test
        void aTeamNobodyIsInWidensToEveryone() {
            Routing routing = Router.route(BILLING, roster, People.workload().build(), NOW, Pool.team("legal"));

            assertEquals("alex", routing.person().id());
            assertTrue(routing.why().startsWith("nobody eligible in legal team; billing topic"), routing.why());
        }
    }

    // ------------------------------------------------------------------ a crisis and seniority

    @Nested
    @DisplayName("A crisis goes to the most senior opted-in person available")
    class Seniority {

        private final RoutingRequest crisis = new RoutingRequest(Set.of("billing"), false, true);

        @Test
        void onShiftTheMostSeniorWinsOverTopicAndWaiting() {
            Roster roster = roster(person("alex").topics("billing").seniority(1), person("mei").seniority(3),
                    person("sam").seniority(2));
            Workload load = workload().lastHandoff("mei", Duration.ofMinutes(1)).build();

            Routing routing = Router.route(crisis, roster, load, NOW);

            assertEquals("mei", routing.person().id());
            assertEquals("crisis: only people who take sensitive handoffs; most senior (seniority 3);"
                    + " no topic match for billing; on shift; 0 of 5 open", routing.why());
        }

        @Test
        void theMostSeniorWhoIsNotOptedInIsNeverChosen() {
            Roster roster = roster(person("dana").seniority(9).notSensitive(), person("mei").seniority(1));

            assertEquals("mei", Router.route(crisis, roster, People.workload().build(), NOW).person().id());
        }

        @Test
        void aMoreSeniorPersonOffShiftDoesNotBeatSomeoneOnShiftWithRoom() {
            Roster roster = roster(person("mei").seniority(5).offShiftUntil("wed 13:00"), person("sam").seniority(1));

            Routing routing = Router.route(crisis, roster, People.workload().build(), NOW);

            assertEquals("sam", routing.person().id());
            assertTrue(routing.onShift());
        }

        @Test
        void aMoreSeniorPersonAtCapacityDoesNotBeatSomeoneOnShiftWithRoom() {
            Roster roster = roster(person("mei").seniority(5).maxOpen(1), person("sam").seniority(1));

            Routing routing = Router.route(crisis, roster, workload().open("mei", 1).build(), NOW);

            assertEquals("sam", routing.person().id());
        }

        @ParameterizedTest(name = "Mei starts {0}, Sam at thu 09:00: {1}")
        @CsvSource({
                "thu 09:00, mei",
                "thu 08:00, mei",
                "thu 10:00, sam",
        })
        void withNobodyOnShiftTheSoonestStartComesFirstThenSeniority(String meiStarts, String expected) {
            Roster roster = roster(person("sam").seniority(1).offShiftUntil("thu 09:00"),
                    person("mei").seniority(4).offShiftUntil(meiStarts));

            assertEquals(expected, Router.route(crisis, roster, People.workload().build(), NOW).person().id());
        }

        @Test
        void withEveryoneFullTheMostSeniorOnShiftWinsOverTheLeastLoaded() {
            Roster roster = roster(person("sam").seniority(1).maxOpen(2), person("mei").seniority(3).maxOpen(2),
                    person("alex").seniority(9).maxOpen(1).offShiftUntil("thu 09:00"));
            Workload load = workload().open("sam", 2).open("mei", 5).open("alex", 1).build();

            Routing routing = Router.route(crisis, roster, load, NOW);

            assertEquals("mei", routing.person().id());
            assertTrue(routing.why().contains("most senior (seniority 3)"), routing.why());
        }

        @Test
        void equalSeniorityFallsBackToTheUsualTieBreakersAndIsNotMentioned() {
            Roster roster = roster(person("mei").seniority(2), person("sam").seniority(2).topics("billing"));

            Routing routing = Router.route(crisis, roster, People.workload().build(), NOW);

            assertEquals("sam", routing.person().id());
            assertFalse(routing.why().contains("senior"), routing.why());
        }

        @Test
        void griefThatIsNotACrisisIgnoresSeniority() {
            Roster roster = roster(person("mei").seniority(5), person("sam").topics("billing"));

            Routing routing = Router.route(new RoutingRequest(Set.of("billing"), true, false), roster,
                    People.workload().build(), NOW);

            assertEquals("sam", routing.person().id(), "the topic decides, as for any handoff");
        }
    }
}
