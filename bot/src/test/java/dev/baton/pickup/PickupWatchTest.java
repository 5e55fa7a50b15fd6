package dev.baton.pickup;

import dev.baton.store.TestDatabases;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.live.RulesInForce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.PlaceKind;
import dev.baton.conversation.StoredMessage;
import dev.baton.desk.TestClock;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffLifecycle;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffState;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffWording;
import dev.baton.handoff.Outcome;
import dev.baton.routing.Roster;
import dev.baton.routing.RosterLoader;
import dev.baton.rules.Conditions;
import dev.baton.rules.Deadlines;
import dev.baton.rules.Priority;
import dev.baton.rules.Route;
import dev.baton.rules.RuleBook;
import dev.baton.rules.Target;
import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.PostgresSessions;
import dev.baton.leader.AdvisoryLock;
import dev.baton.leader.JobsLeader;
import dev.baton.triage.CueSettings;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pickup watch over a real SQLite database, with a clock the test moves and notices kept in memory. */
@Tag("database")
class PickupWatchTest {

    /** The pickup watch reads no knowledge base. */
    private static final KnowledgeBase NO_KNOWLEDGE = new KnowledgeBase("none", List.of());

    private static final Instant T0 = Handoffs.T0;
    private static final String MODERATORS = "1180000000000000099";
    private static final String ALEX = "1180000000000000011";
    private static final String SAM = "1180000000000000012";
    private static final String MEI = "1180000000000000013";
    /** remind at 15m, re-route at 45m, escalate to the moderators at 1h30m. */
    private static final Deadlines NORMAL = new Deadlines(Duration.ofMinutes(15), Duration.ofMinutes(45),
            Duration.ofMinutes(90), MODERATORS);
    private static final RuleBook RULES = new RuleBook(CueSettings.standard(), List.of(), List.of(
            new Route("support team", 5, Conditions.ALWAYS, new Target.Team("support"), Priority.NORMAL, null, null)),
            new Route(RuleBook.DEFAULT_ROUTE, 9, Conditions.ALWAYS, new Target.Anyone(), Priority.NORMAL, null, null),
            Map.of(Priority.NORMAL, NORMAL), 0.5);
    /** Alex (billing), Sam (support, takes sensitive handoffs), Mei (support); all on shift all week. */
    private static final Roster ROSTER = RosterLoader.parse("team.yaml", new StringReader("""
            typical_pickup_minutes: 10
            people:
              - {id: alex, name: Alex, discord_user_id: "%s", team: billing, hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}}
              - {id: sam, name: Sam, discord_user_id: "%s", team: support, sensitive: true, hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}}
              - {id: mei, name: Mei, discord_user_id: "%s", team: support, hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}}
            """.formatted(ALEX, SAM, MEI)));

    private final Database database = TestDatabases.fresh();
    private final ConversationStore conversations = new ConversationStore(database);
    private final HandoffStore handoffs = new HandoffStore(database);
    private final TestClock clock = new TestClock(T0);
    private final HandoffLifecycle lifecycle = new HandoffLifecycle(handoffs, clock);
    private final RecordingNotices notices = new RecordingNotices();
    private final AtomicReference<RuleBook> rules = new AtomicReference<>(RULES);
    private final PickupWatch watch = new PickupWatch(handoffs, conversations,
            () -> new RulesInForce(null, NO_KNOWLEDGE, ROSTER, HandoffWording.defaults(), rules.get()), notices, clock);
    private int customers;

    @AfterEach
    void close() {
        watch.close();
        database.close();
    }

    // ------------------------------------------------------------------------------------ builders

    private HandoffBuilder aHandoff() {
        return new HandoffBuilder();
    }

    /** A handed-off conversation in a #support thread, with defaults: Ann, angry, routed to Alex by the default rule. */
    private final class HandoffBuilder {
        private String assignee = "alex";
        private String reason = "anger";
        private String rule = RuleBook.DEFAULT_ROUTE;
        private Instant backAt;
        private boolean practice;

        HandoffBuilder to(String assignee) {
            this.assignee = assignee;
            return this;
        }

        HandoffBuilder reason(String reason) {
            this.reason = reason;
            return this;
        }

        HandoffBuilder rule(String rule) {
            this.rule = rule;
            return this;
        }

        /** The person was away at creation and starts their shift this long after. */
        HandoffBuilder awayFor(Duration duration) {
            this.backAt = T0.plus(duration);
            return this;
        }

        HandoffBuilder practice() {
            this.practice = true;
            return this;
        }

        HandoffRecord create() {
            customers++;
            ConversationRecord conversation;
            if (practice) {
                String id = ConversationStore.PRACTICE_PREFIX + customers;
                conversations.rememberCustomer(new Incoming.Person(id, "Practice customer", List.of(), null), T0);
                conversation = conversations.startPractice(id, id, T0);
            } else {
                String customer = "11900000000000000" + (10 + customers);
                conversations.rememberCustomer(new Incoming.Person(customer, "Ann", List.of(), null), T0);
                conversation = conversations.start(customer, PlaceKind.CHANNEL, "1180000000000000100",
                        "11800000000000002" + (10 + customers), T0);
            }
            String text = "This is the third time I've asked about my refund!";
            conversations.insert(new NewMessage(null, conversation.id(), conversation.replyChannelId(),
                    conversation.customerId(), "Ann", AuthorKind.CUSTOMER, text, List.of(), null, null, T0));
            conversations.setState(conversation.id(), ConversationState.HANDED_OFF);
            String name = ROSTER.byId(assignee).orElseThrow().name();
            HandoffPacket packet = new HandoffPacket(conversation.id(), reason, List.of(reason), "wants: a refund",
                    new HandoffPacket.Profile(conversation.customerId(), "Ann", List.of(), null, T0, List.of()),
                    List.of(new HandoffPacket.Line(null, conversation.channelId(), "customer", "Ann", text, List.of(), T0,
                            false, false, null)), List.of(), List.of(), List.of(),
                    new HandoffPacket.Assignment(assignee, name, null, "on shift", backAt == null, backAt, rule,
                            "normal", false), T0);
            return handoffs.create(packet, T0);
        }
    }

    // ------------------------------------------------------------------------------------ reading

    private List<Step> tickAfter(Duration sinceCreation) {
        clock.advance(Duration.between(clock.instant(), T0.plus(sinceCreation)));
        return watch.tick().stream().map(PickupWatch.Taken::step).toList();
    }

    private HandoffRecord now(HandoffRecord handoff) {
        return handoffs.handoff(handoff.id()).orElseThrow();
    }

    private List<HandoffEvent> events(HandoffRecord handoff) {
        return handoffs.events(handoff.id());
    }

    private List<String> kinds(HandoffRecord handoff) {
        return events(handoff).stream().map(HandoffEvent::kind).toList();
    }

    private HandoffEvent last(HandoffRecord handoff, String kind) {
        return events(handoff).stream().filter(e -> e.kind().equals(kind)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + kind + " event in " + kinds(handoff)));
    }

    private List<StoredMessage> batonLines(HandoffRecord handoff) {
        return conversations.transcript(handoff.conversationId()).stream()
                .filter(m -> m.authorKind() == AuthorKind.BOT).toList();
    }

    // -------------------------------------------------------------------------------------- tests

    @Nested
    @DisplayName("each step at its deadline")
    class EachStep {

        @Test
        void thePersonIsRemindedOnceAtTheRemindDeadlineInTheConversationAndItsTranscript() {
            HandoffRecord handoff = aHandoff().create();

            assertEquals(List.of(), tickAfter(Duration.ofMinutes(14)));
            assertEquals(List.of(Step.REMIND), tickAfter(Duration.ofMinutes(15)));
            assertEquals(List.of(), tickAfter(Duration.ofMinutes(16)), "once");

            HandoffEvent reminded = last(handoff, "reminded");
            assertEquals(HandoffEvent.BATON, reminded.actor());
            assertEquals(T0.plus(Duration.ofMinutes(15)), reminded.at());
            assertTrue(reminded.detail().startsWith("reminded Alex after 15m (the remind deadline; rule \"default\","
                    + " normal priority); posted"), reminded.detail());
            RecordingNotices.Call call = notices.of("remind").get(0);
            assertEquals("alex", call.to());
            assertEquals("<@" + ALEX + "> a reminder: Ann has been waiting 15 minutes for someone to pick this up"
                    + " (handoff #" + handoff.id() + "). Reply here or claim it in the console.", call.text());
            StoredMessage line = batonLines(handoff).get(0);
            assertEquals(call.text(), line.text());
            assertNotNull(line.discordId(), "confirmed as sent");
            assertEquals(1, notices.calls.size());
        }

        @Test
        void atTheReRouteDeadlineTheNextEligiblePersonHasItAndTheCustomerIsToldWhoInstead() {
            HandoffRecord handoff = aHandoff().create();
            tickAfter(Duration.ofMinutes(15));

            assertEquals(List.of(Step.REROUTE), tickAfter(Duration.ofMinutes(45)));

            HandoffRecord rerouted = now(handoff);
            assertEquals(HandoffState.TRANSFERRED, rerouted.state());
            assertEquals("sam", rerouted.assigneeId());
            HandoffEvent move = last(handoff, "rerouted");
            assertEquals(HandoffEvent.BATON, move.actor());
            assertEquals(HandoffState.WAITING, move.from());
            assertEquals(HandoffState.TRANSFERRED, move.to());
            assertTrue(move.detail().startsWith("to sam: Alex did not pick it up after 45m (the reroute deadline"),
                    move.detail());
            assertTrue(last(handoff, "notified").detail().startsWith("told the customer Sam is picking this up"
                    + " instead; posted"));
            RecordingNotices.Call call = notices.of("reroute").get(0);
            assertEquals("sam", call.to());
            assertTrue(call.text().startsWith("Sorry, that took too long. Sam from support is taking this over now"),
                    call.text());
            assertTrue(call.text().endsWith("\n<@" + SAM + ">"), "mentions Sam so Discord notifies them: " + call.text());
            assertEquals(call.text(), batonLines(handoff).get(1).text());
        }

        @Test
        void atTheEscalationDeadlineTheRoleIsCalledInAndTheCustomerToldMoreHelpIsComing() {
            HandoffRecord handoff = aHandoff().create();
            tickAfter(Duration.ofMinutes(15));
            tickAfter(Duration.ofMinutes(45));

            assertEquals(List.of(Step.ESCALATE), tickAfter(Duration.ofMinutes(90)));

            HandoffEvent escalated = last(handoff, "escalated");
            assertTrue(escalated.detail().startsWith("called in role " + MODERATORS + " after 1h30m (the escalate"
                    + " deadline"), escalated.detail());
            RecordingNotices.Call call = notices.of("escalate").get(0);
            assertEquals(MODERATORS, call.to());
            assertTrue(call.text().startsWith("This has waited too long, so I've asked more of the team to step in."),
                    call.text());
            assertTrue(call.text().contains("\n\n<@&" + MODERATORS + "> handoff #" + handoff.id() + " has waited 1 hour"
                    + " 30 minutes and nobody has picked it up yet (it is with Sam)."), call.text());
            assertEquals(call.text(), batonLines(handoff).get(2).text());
            assertEquals(List.of(), tickAfter(Duration.ofDays(2)), "nothing after the last step");
        }
    }

    @Test
    void afterDowntimeEveryOverdueStepHappensOnceAndInOrder() {
        HandoffRecord handoff = aHandoff().create();

        assertEquals(List.of(Step.REMIND, Step.REROUTE, Step.ESCALATE), tickAfter(Duration.ofHours(6)));
        assertEquals(List.of(), tickAfter(Duration.ofHours(6)));

        assertEquals(List.of("created", "reminded", "rerouted", "notified", "escalated"), kinds(handoff));
        assertEquals(List.of("remind", "reroute", "escalate"), notices.calls.stream().map(RecordingNotices.Call::kind)
                .toList());
    }

    @Test
    void aFreshWatchOverTheSameDatabaseRepeatsNothingAsAfterARestart() {
        HandoffRecord handoff = aHandoff().create();
        tickAfter(Duration.ofMinutes(50));
        PickupWatch restarted = new PickupWatch(handoffs, conversations,
                () -> new RulesInForce(null, NO_KNOWLEDGE, ROSTER, HandoffWording.defaults(), RULES), notices, clock);

        assertEquals(List.of(), restarted.tick().stream().map(PickupWatch.Taken::step).toList());
        clock.advance(Duration.ofMinutes(40));
        assertEquals(List.of(Step.ESCALATE), restarted.tick().stream().map(PickupWatch.Taken::step).toList());
        assertEquals(1, kinds(handoff).stream().filter("reminded"::equals).count());
    }

    @Test
    void aWatchOnAnInstanceThatDoesNotRunTheJobsTakesNoStepOnItsTimedTick() {
        HandoffRecord handoff = aHandoff().create();
        PickupWatch follower = new PickupWatch(handoffs, conversations,
                () -> new RulesInForce(null, NO_KNOWLEDGE, ROSTER, HandoffWording.defaults(), RULES), notices, clock,
                () -> false);
        clock.advance(Duration.ofMinutes(20));

        assertEquals(List.of(), follower.tickIfLeading());
        assertEquals(List.of("created"), kinds(handoff));
        assertEquals(List.of(Step.REMIND), watch.tickIfLeading().stream().map(PickupWatch.Taken::step).toList());
    }

    @Test
    void aWatchThatLosesTheJobsDuringATickStopsBeforeTheNextHandoff() {
        aHandoff().create();
        aHandoff().create();
        java.util.Deque<Boolean> answers = new java.util.ArrayDeque<>(List.of(true, true, false));
        PickupWatch losing = new PickupWatch(handoffs, conversations,
                () -> new RulesInForce(null, NO_KNOWLEDGE, ROSTER, HandoffWording.defaults(), RULES), notices, clock,
                () -> answers.isEmpty() ? false : answers.poll());
        clock.advance(Duration.ofMinutes(20));

        assertEquals(1, losing.tickIfLeading().size());
    }

    /**
     * Two Batons' watches over one store, each asking its own leader, the leaders competing for one
     * PostgreSQL advisory lock (skipped without a test server).
     */
    @Test
    void ofTwoInstancesOnlyTheLeaderTakesADueStepAndWhenItsConnectionDiesTheOtherTakesTheNext() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        try (Database forA = Database.open(location); Database forB = Database.open(location)) {
            AdvisoryLock lockA = new AdvisoryLock(forA, AdvisoryLock.JOBS);
            try (JobsLeader leaderA = JobsLeader.start(lockA, "a", Duration.ofMillis(200));
                 JobsLeader leaderB = JobsLeader.start(new AdvisoryLock(forB, AdvisoryLock.JOBS), "b",
                         Duration.ofMillis(200))) {
                PickupWatch a = new PickupWatch(handoffs, conversations,
                        () -> new RulesInForce(null, NO_KNOWLEDGE, ROSTER, HandoffWording.defaults(), RULES), notices,
                        clock, leaderA::leads);
                PickupWatch b = new PickupWatch(handoffs, conversations,
                        () -> new RulesInForce(null, NO_KNOWLEDGE, ROSTER, HandoffWording.defaults(), RULES), notices,
                        clock, leaderB::leads);
                HandoffRecord handoff = aHandoff().create();
                clock.advance(Duration.ofMinutes(20));

                List<PickupWatch.Taken> byA = a.tickIfLeading();
                List<PickupWatch.Taken> byB = b.tickIfLeading();

                assertEquals(1, byA.size());
                assertEquals(List.of(), byB);
                assertEquals(1, kinds(handoff).stream().filter("reminded"::equals).count());

                PostgresSessions.terminate(lockA.pid().getAsInt());
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!leaderB.leads() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(leaderB.leads(), "nobody took the jobs over");
                clock.advance(Duration.ofMinutes(30));

                assertEquals(List.of(), a.tickIfLeading());
                assertEquals(List.of(Step.REROUTE), b.tickIfLeading().stream().map(PickupWatch.Taken::step).toList());
            }
        }
    }

    @Nested
    @DisplayName("picked up")
    class PickedUp {

        @Test
        void aClaimedHandoffHasNoDeadlines() {
            HandoffRecord handoff = aHandoff().create();
            clock.advance(Duration.ofMinutes(5));
            lifecycle.claim(handoff.id(), "alex");

            assertEquals(List.of(), tickAfter(Duration.ofHours(6)));
            assertTrue(notices.calls.isEmpty());
        }

        @Test
        void aPersonWritingInTheThreadPickedItUpEvenWithoutClaiming() {
            HandoffRecord handoff = aHandoff().create();
            ConversationRecord conversation = conversations.conversation(handoff.conversationId()).orElseThrow();
            conversations.insert(new NewMessage("1190000000000009001", conversation.id(), conversation.replyChannelId(),
                    MEI, "mei", AuthorKind.STAFF, "Hi Ann, Mei here, looking now.", List.of(), null, null,
                    T0.plus(Duration.ofMinutes(3))));

            assertEquals(List.of(), tickAfter(Duration.ofHours(6)));
            assertEquals(List.of("created"), kinds(handoff));
        }

        @Test
        void aClaimWhileTheReminderIsBeingPostedStopsTheOverdueReRoute() {
            HandoffRecord handoff = aHandoff().create();
            notices.during(call -> lifecycle.claim(handoff.id(), "alex"));

            assertEquals(List.of(Step.REMIND), tickAfter(Duration.ofHours(6)));

            assertEquals(HandoffState.CLAIMED, now(handoff).state());
            assertEquals("alex", now(handoff).assigneeId());
            assertFalse(kinds(handoff).contains("rerouted"));
        }

        @Test
        void aReopenedHandoffIsWaitedForAgainFromTheReopen() {
            HandoffRecord handoff = aHandoff().create();
            tickAfter(Duration.ofHours(6));
            lifecycle.resolve(handoff.id(), "sam", Outcome.NO_RESPONSE, null);
            clock.advance(Duration.ofHours(1));
            lifecycle.reopen(handoff.id(), "sam", "Ann came back");

            assertEquals(List.of(), tickAfter(Duration.ofHours(7).plus(Duration.ofMinutes(14))));
            assertEquals(List.of(Step.REMIND), tickAfter(Duration.ofHours(7).plus(Duration.ofMinutes(15))));
            assertEquals("sam", notices.of("remind").get(1).to(), "Sam has it since the re-route");
        }
    }

    @Nested
    @DisplayName("re-routing")
    class ReRouting {

        @Test
        void aRuleForATeamReRoutesWithinTheTeam() {
            HandoffRecord handoff = aHandoff().to("sam").rule("support team").create();

            tickAfter(Duration.ofMinutes(45));

            assertEquals("mei", now(handoff).assigneeId(), "Mei is on the support team; Alex comes first but is not");
        }

        @Test
        void aSensitiveHandoffWithNobodyElseOptedInStaysAndIsStillEscalated() {
            HandoffRecord handoff = aHandoff().to("sam").reason("sadness_grief").create();

            assertEquals(List.of(Step.REMIND, Step.REROUTE, Step.ESCALATE), tickAfter(Duration.ofHours(6)));

            assertEquals("sam", now(handoff).assigneeId());
            assertEquals(HandoffState.WAITING, now(handoff).state());
            assertTrue(last(handoff, Step.NOT_REROUTED).detail().startsWith("nobody else can take it after 45m"),
                    last(handoff, Step.NOT_REROUTED).detail());
            assertTrue(last(handoff, Step.NOT_REROUTED).detail().endsWith("Sam already had it; it stays with Sam"));
            assertTrue(notices.of("reroute").isEmpty());
            assertTrue(notices.of("escalate").get(0).text().startsWith("I'm sorry for the wait."), "gentle wording");
        }

        @Test
        void aReRouteNeverGoesBackToAnyoneWhoHadIt() {
            HandoffRecord handoff = aHandoff().create();
            lifecycle.transfer(handoff.id(), "alex", "sam", "Sam knows refunds"); // a new wait for Sam, from T0

            tickAfter(Duration.ofMinutes(45));

            assertEquals("mei", now(handoff).assigneeId());
        }
    }

    @Nested
    @DisplayName("when the clock starts")
    class WhenTheClockStarts {

        @Test
        void aHandoffToSomeoneAwayCountsFromTheStartOfTheirShift() {
            aHandoff().awayFor(Duration.ofHours(8)).create();

            assertEquals(List.of(), tickAfter(Duration.ofHours(8).plus(Duration.ofMinutes(14))));
            assertEquals(List.of(Step.REMIND), tickAfter(Duration.ofHours(8).plus(Duration.ofMinutes(15))));
        }

        @Test
        void theRulesAreReadEveryTickSoAReloadAppliesAtOnce() {
            HandoffRecord handoff = aHandoff().create();
            rules.set(RuleBook.defaults());

            assertEquals(List.of(), tickAfter(Duration.ofHours(1)));
            rules.set(RULES);
            assertEquals(List.of(Step.REMIND, Step.REROUTE), tickAfter(Duration.ofHours(1)));
            assertEquals("sam", now(handoff).assigneeId());
        }
    }

    @Nested
    @DisplayName("when Discord does not take it")
    class WhenDiscordDoesNotTakeIt {

        @Test
        void eachStepIsStillRecordedSayingItWasNotPostedAndNothingStaysInTheTranscript() {
            HandoffRecord handoff = aHandoff().create();
            notices.refuse("Baton lacks the Send Messages permission there");

            assertEquals(List.of(Step.REMIND, Step.REROUTE, Step.ESCALATE), tickAfter(Duration.ofHours(6)));

            assertTrue(last(handoff, "reminded").detail().endsWith("not posted: Baton lacks the Send Messages permission"
                    + " there"), last(handoff, "reminded").detail());
            assertEquals("sam", now(handoff).assigneeId(), "the re-route happens even when the customer cannot be told");
            assertTrue(last(handoff, "notify_failed").detail().contains("not posted"));
            assertTrue(last(handoff, "escalated").detail().contains("not posted"));
            assertEquals(List.of(), batonLines(handoff));
        }

        @Test
        void aNoticeThatThrowsIsRecordedAsNotPostedAndTheTickCarriesOn() {
            HandoffRecord first = aHandoff().create();
            HandoffRecord second = aHandoff().create();
            notices.throwOnCall(new IllegalStateException("JDA is shutting down"));

            assertEquals(List.of(Step.REMIND, Step.REMIND), tickAfter(Duration.ofMinutes(20)));

            assertTrue(last(first, "reminded").detail().contains("not posted: java.lang.IllegalStateException: JDA is"
                    + " shutting down"), last(first, "reminded").detail());
            assertTrue(kinds(second).contains("reminded"));
        }

        @Test
        void aPracticeHandoffGoesThroughEveryStepStoredButNeverSent() {
            HandoffRecord handoff = aHandoff().practice().create();

            assertEquals(List.of(Step.REMIND, Step.REROUTE, Step.ESCALATE), tickAfter(Duration.ofHours(6)));

            assertTrue(notices.calls.isEmpty());
            assertEquals(3, batonLines(handoff).size(), "shown in the console as they would have been said");
            assertTrue(last(handoff, "reminded").detail().endsWith("a practice handoff: stored, never sent to Discord"));
            assertEquals("sam", now(handoff).assigneeId());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "PT30S,    under a minute",
            "PT1M,     1 minute",
            "PT15M,    15 minutes",
            "PT1H,     1 hour",
            "PT1H30M,  1 hour 30 minutes",
            "PT2H1M,   2 hours 1 minute",
            "PT26H40M, 26 hours"})
    void staffAreToldHowLongSomeoneWaitedToTheMinute(Duration waited, String words) {
        assertEquals(words, PickupWords.waited(waited));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PT90S, 1m30s", "PT15M, 15m", "PT1H, 1h", "PT1H30M, 1h30m", "PT0S, 0s"})
    void deadlinesInTheTimelineAreWrittenAsRulesYamlWritesThem(Duration deadline, String written) {
        assertEquals(written, PickupWords.written(deadline));
    }
}
