package dev.baton.rules;

import static dev.baton.rules.RuleBookBuilder.rules;
import static dev.baton.rules.RuleBookBuilder.then;
import static dev.baton.rules.RuleBookBuilder.when;
import static dev.baton.triage.CueKind.ANGER;
import static dev.baton.triage.CueKind.ANXIETY;
import static dev.baton.triage.CueKind.CRISIS;
import static dev.baton.triage.CueKind.FRUSTRATION;
import static dev.baton.triage.CueKind.OUT_OF_SCOPE;
import static dev.baton.triage.CueKind.SADNESS_GRIEF;
import static dev.baton.triage.CueKind.URGENCY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.triage.CueKind;
import dev.baton.triage.CueSetting;
import dev.baton.triage.CueSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Which route a handoff takes and which cue settings apply where: pure, so every case is a table row. */
class RuleBookTest {

    /** A Wednesday, noon UTC (13:00 in London, summer time). */
    static final Instant WEDNESDAY_NOON = Instant.parse("2024-06-12T12:00:00Z");
    static final String BILLING = "1180000000000000001";
    static final String GENERAL = "1180000000000000002";
    static final String THREAD = "1180000000000000050";

    /** What a handoff looks like to the rules, with defaults: anger, no topic, in #general, a member, now. */
    static final class Facts {
        private Set<CueKind> reasons = Set.of(ANGER);
        private Set<String> topics = Set.of();
        private String channelId = GENERAL;
        private String parentId;
        private List<String> roles = List.of("member");
        private Instant at = WEDNESDAY_NOON;

        static Facts facts() {
            return new Facts();
        }

        Facts reasons(CueKind... kinds) {
            reasons = Set.of(kinds);
            return this;
        }

        Facts topics(String... names) {
            topics = Set.of(names);
            return this;
        }

        Facts in(String channelId) {
            this.channelId = channelId;
            this.parentId = null;
            return this;
        }

        Facts inThreadOf(String parentId) {
            this.channelId = THREAD;
            this.parentId = parentId;
            return this;
        }

        Facts roles(String... names) {
            roles = List.of(names);
            return this;
        }

        Facts at(String instant) {
            at = Instant.parse(instant);
            return this;
        }

        RouteFacts build() {
            return new RouteFacts(reasons, topics, channelId, parentId, roles, at);
        }

        @Override
        public String toString() {
            return build().toString();
        }
    }

    private static Facts facts() {
        return Facts.facts();
    }

    /** Whether a single route with {@code when} takes a handoff with {@code facts}. */
    private static boolean matches(RuleBookBuilder.When when, Facts facts) {
        RuleBook book = rules().zone("Europe/London").route("the rule", when, then().team("billing")).build();
        return book.route(facts.build()).name().equals("the rule");
    }

    // ------------------------------------------------------------------------------------ matching

    @Nested
    @DisplayName("A route's conditions")
    class Conditions {

        static Stream<Arguments> eachKeyAlone() {
            return Stream.of(
                    row("cue: the handoff's reason", when().cue(ANGER), facts().reasons(ANGER), true),
                    row("cue: another reason", when().cue(ANGER), facts().reasons(FRUSTRATION), false),
                    row("cue: one of several reasons", when().cue(ANGER), facts().reasons(URGENCY, ANGER), true),
                    row("cue: out of scope is a cue like any other", when().cue(OUT_OF_SCOPE),
                            facts().reasons(OUT_OF_SCOPE), true),
                    row("topic: the conversation's", when().topic("billing"), facts().topics("billing"), true),
                    row("topic: one of the conversation's", when().topic("billing"),
                            facts().topics("account", "billing"), true),
                    row("topic: another", when().topic("billing"), facts().topics("install"), false),
                    row("topic: none known", when().topic("billing"), facts(), false),
                    row("topic: written in capitals", when().topic("Billing"), facts().topics("BILLING"), true),
                    row("channel: the conversation's", when().channel(BILLING), facts().in(BILLING), true),
                    row("channel: another", when().channel(BILLING), facts().in(GENERAL), false),
                    row("channel: a thread in it", when().channel(BILLING), facts().inThreadOf(BILLING), true),
                    row("channel: a thread elsewhere", when().channel(BILLING), facts().inThreadOf(GENERAL), false),
                    row("channel: the thread itself named", when().channel(THREAD), facts().inThreadOf(GENERAL), true),
                    row("channel: nowhere (practice)", when().channel(BILLING), facts().in(null), false),
                    row("role: the customer's", when().role("Lumen Plus"), facts().roles("Lumen Plus"), true),
                    row("role: other case", when().role("Lumen Plus"), facts().roles("LUMEN PLUS"), true),
                    row("role: one of theirs", when().role("Lumen Plus"), facts().roles("member", "lumen plus"), true),
                    row("role: not theirs", when().role("Lumen Plus"), facts().roles("member"), false),
                    row("role: they have none (a DM)", when().role("Lumen Plus"), facts().roles(), false),
                    row("time: inside the window", when().time("mon-fri 09:00-17:00"),
                            facts().at("2024-06-12T12:00:00Z"), true),
                    row("time: a weekend", when().time("mon-fri 09:00-17:00"), facts().at("2024-06-15T12:00:00Z"),
                            false),
                    row("time: the first minute", when().time("mon-fri 09:00-17:00"),
                            facts().at("2024-06-12T08:00:00Z"), true),
                    row("time: the end is outside", when().time("mon-fri 09:00-17:00"),
                            facts().at("2024-06-12T16:00:00Z"), false),
                    row("no conditions at all", when(), facts().reasons(CRISIS).in(null).roles(), true));
        }

        @ParameterizedTest(name = "{0}: {3}")
        @MethodSource("eachKeyAlone")
        void eachKeyAlone(String name, RuleBookBuilder.When when, Facts facts, boolean expected) {
            assertEquals(expected, matches(when, facts), () -> name + " with " + facts);
        }

        static Stream<Arguments> everyKeyGivenMustHold() {
            RuleBookBuilder.When all = when().cue(SADNESS_GRIEF).topic("billing").channel(BILLING).role("Lumen Plus")
                    .time("mon-fri 09:00-17:00");
            Facts holding = facts().reasons(SADNESS_GRIEF).topics("billing").in(BILLING).roles("Lumen Plus");
            return Stream.of(
                    row("all five hold", all, holding, true),
                    row("all but the cue", all, facts().reasons(ANGER).topics("billing").in(BILLING)
                            .roles("Lumen Plus"), false),
                    row("all but the topic", all, facts().reasons(SADNESS_GRIEF).topics("install").in(BILLING)
                            .roles("Lumen Plus"), false),
                    row("all but the channel", all, facts().reasons(SADNESS_GRIEF).topics("billing").in(GENERAL)
                            .roles("Lumen Plus"), false),
                    row("all but the role", all, facts().reasons(SADNESS_GRIEF).topics("billing").in(BILLING)
                            .roles("member"), false),
                    row("all but the time", all, facts().reasons(SADNESS_GRIEF).topics("billing").in(BILLING)
                            .roles("Lumen Plus").at("2024-06-12T20:00:00Z"), false),
                    row("cue and channel, in a thread of the channel", when().cue(ANGER).channel(BILLING),
                            facts().reasons(ANGER).inThreadOf(BILLING), true),
                    row("cue and channel, only the cue", when().cue(ANGER).channel(BILLING),
                            facts().reasons(ANGER).in(GENERAL), false));
        }

        @ParameterizedTest(name = "{0}: {3}")
        @MethodSource("everyKeyGivenMustHold")
        void everyKeyGivenMustHold(String name, RuleBookBuilder.When when, Facts facts, boolean expected) {
            assertEquals(expected, matches(when, facts), () -> name + " with " + facts);
        }

        static Stream<Arguments> anyValueOfAKeyWillDo() {
            return Stream.of(
                    row("cues: the first", when().cue(SADNESS_GRIEF, ANXIETY), facts().reasons(SADNESS_GRIEF), true),
                    row("cues: the second", when().cue(SADNESS_GRIEF, ANXIETY), facts().reasons(ANXIETY), true),
                    row("cues: neither", when().cue(SADNESS_GRIEF, ANXIETY), facts().reasons(ANGER), false),
                    row("topics: the second", when().topic("billing", "account"), facts().topics("account"), true),
                    row("topics: neither", when().topic("billing", "account"), facts().topics("install"), false),
                    row("channels: the second", when().channel(BILLING, GENERAL), facts().in(GENERAL), true),
                    row("channels: a thread of the second", when().channel(BILLING, GENERAL),
                            facts().inThreadOf(GENERAL), true),
                    row("channels: neither", when().channel(BILLING), facts().in("1180000000000000003"), false),
                    row("roles: the second", when().role("Lumen Plus", "Moderator"), facts().roles("moderator"), true),
                    row("roles: neither", when().role("Lumen Plus", "Moderator"), facts().roles("member"), false),
                    row("times: the second window", when().time("sat-sun 00:00-23:59", "wed 12:00-13:00"),
                            facts().at("2024-06-12T11:30:00Z"), true),
                    row("times: neither window", when().time("sat-sun 00:00-23:59", "wed 14:00-15:00"),
                            facts().at("2024-06-12T11:30:00Z"), false));
        }

        @ParameterizedTest(name = "{0}: {3}")
        @MethodSource("anyValueOfAKeyWillDo")
        void anyValueOfAKeyWillDo(String name, RuleBookBuilder.When when, Facts facts, boolean expected) {
            assertEquals(expected, matches(when, facts), () -> name + " with " + facts);
        }
    }

    @Nested
    @DisplayName("Time windows in the rules' zone")
    class TimeWindows {

        private final RuleBookBuilder.When evenings = when().time("mon-fri 18:00-09:00");

        @ParameterizedTest(name = "{0} ({1}): {2}")
        @CsvSource(delimiter = '|', textBlock = """
                2024-06-11T22:00:00Z | Tue 23:00 London, the evening of a weekday       | true
                2024-06-12T07:59:00Z | Wed 08:59 London, the morning after             | true
                2024-06-12T08:00:00Z | Wed 09:00 London, the window has ended          | false
                2024-06-12T16:59:00Z | Wed 17:59 London, not yet                       | false
                2024-06-12T17:00:00Z | Wed 18:00 London, the window opens              | true
                2024-06-15T00:30:00Z | Sat 01:30 London, Friday's window runs past 00  | true
                2024-06-15T09:00:00Z | Sat 10:00 London                                | false
                2024-06-17T07:00:00Z | Mon 08:00 London, Sunday has no window          | false
                2024-01-10T08:30:00Z | Wed 08:30 London in winter (GMT)                | true
                2024-06-12T08:30:00Z | Wed 09:30 London in summer (BST), same UTC time | false
                """)
        void aWindowPastMidnightAndAcrossTheYearsOffsets(String at, String local, boolean inside) {
            assertEquals(inside, matches(evenings, facts().at(at)), local);
        }

        @ParameterizedTest(name = "{0} ({1}): {2}")
        @CsvSource(delimiter = '|', textBlock = """
                2024-03-31T00:30:00Z | 00:30 GMT, before the clocks go forward | true
                2024-03-31T01:30:00Z | 02:30 BST, just after they did          | true
                2024-03-31T02:30:00Z | 03:30 BST, the window ended at 03:00    | false
                2024-10-27T00:30:00Z | 01:30 BST, before the clocks go back    | true
                2024-10-27T01:30:00Z | 01:30 GMT, the hour lived twice         | true
                2024-10-27T03:30:00Z | 03:30 GMT                               | false
                """)
        void aWindowOnTheNightTheClocksChange(String at, String local, boolean inside) {
            assertEquals(inside, matches(when().time("sun 00:00-03:00"), facts().at(at)), local);
        }

        @Test
        void theSameWindowInAnotherZoneIsAnotherTime() {
            RuleBook tokyo = rules().zone("Asia/Tokyo")
                    .route("office hours", when().time("mon-fri 09:00-17:00"), then()).build();

            assertEquals(RuleBook.DEFAULT_ROUTE, tokyo.route(facts().at("2024-06-12T12:00:00Z").build()).name(),
                    "21:00 in Tokyo");
            assertEquals("office hours", tokyo.route(facts().at("2024-06-12T01:00:00Z").build()).name());
        }
    }

    // ------------------------------------------------------------------------------------ routes

    @Nested
    @DisplayName("Choosing a route")
    class ChoosingARoute {

        private final RuleBook book = rules()
                .route("grief to community", when().cue(SADNESS_GRIEF, ANXIETY), then().team("community")
                        .priority(Priority.HIGH).privateThread(true))
                .route("billing channel", when().channel(BILLING), then().team("billing"))
                .route("plus members", when().role("Lumen Plus"), then().person("alex").priority(Priority.URGENT))
                .otherwise(then().team("support").priority(Priority.LOW))
                .build();

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                grief in #billing from a Plus member     | grief to community
                anger in #billing from a Plus member     | billing channel
                anger in a #billing thread               | billing channel
                anger in #general from a Plus member     | plus members
                anger in #general from a member          | default
                """)
        void theFirstRouteWhoseConditionsHoldWins(String situation, String expected) {
            Facts facts = facts()
                    .reasons(situation.startsWith("grief") ? SADNESS_GRIEF : ANGER)
                    .roles(situation.endsWith("Plus member") ? "Lumen Plus" : "member");
            if (situation.contains("a #billing thread")) {
                facts.inThreadOf(BILLING);
            } else {
                facts.in(situation.contains("#billing") ? BILLING : GENERAL);
            }

            assertEquals(expected, book.route(facts.build()).name(), situation);
        }

        @Test
        void aRouteCarriesItsTargetPriorityAndThreadChoice() {
            Route grief = book.route(facts().reasons(ANXIETY).build());
            Route fallback = book.route(facts().build());

            assertEquals(new Target.Team("community"), grief.target());
            assertEquals(Priority.HIGH, grief.priority());
            assertEquals(Boolean.TRUE, grief.privateThread());
            assertEquals(new Target.Team("support"), fallback.target());
            assertEquals(Priority.LOW, fallback.priority());
            assertNull(fallback.privateThread(), "as discord.yaml says");
            assertEquals(new Target.Named("alex"), book.route(facts().roles("Lumen Plus").build()).target());
        }

        @Test
        void aRouteCanBeFoundByItsNameTheDefaultOneToo() {
            assertEquals("billing channel", book.routeNamed("billing channel").orElseThrow().name());
            assertEquals(new Target.Team("support"), book.routeNamed(RuleBook.DEFAULT_ROUTE).orElseThrow().target());
            assertTrue(book.routeNamed("removed since").isEmpty());
        }

        @Test
        void eachTargetNamesThePoolTheRouterChoosesFrom() {
            assertEquals(dev.baton.routing.Pool.everyone(), new Target.Anyone().pool());
            assertEquals(dev.baton.routing.Pool.team("billing"), new Target.Team("billing").pool());
            assertEquals(dev.baton.routing.Pool.person("mei"), new Target.Named("mei").pool());
        }

        @Test
        void withoutRulesEverythingGoesToAnyoneAtNormalPriority() {
            RuleBook defaults = RuleBook.defaults();

            for (CueKind reason : CueKind.values()) {
                Route route = defaults.route(facts().reasons(reason).in(BILLING).roles("Lumen Plus").build());
                assertEquals(RuleBook.DEFAULT_ROUTE, route.name());
                assertEquals(new Target.Anyone(), route.target());
                assertEquals(Priority.NORMAL, route.priority());
                assertNull(route.privateThread());
                assertEquals(Deadlines.NONE, defaults.deadlinesOf(route));
            }
        }

        @Test
        void aRouteWithItsOwnDeadlinesUsesThemOthersTheirPriorities() {
            RuleBook withDeadlines = rules()
                    .route("vip", when().role("vip"), then().priority(Priority.URGENT)
                            .deadlines(Duration.ofMinutes(1), null, null, null))
                    .route("urgent", when().cue(URGENCY), then().priority(Priority.URGENT))
                    .deadlines(Priority.URGENT, new Deadlines(Duration.ofMinutes(2), Duration.ofMinutes(5),
                            Duration.ofMinutes(10), "1180000000000000099"))
                    .build();

            Deadlines vip = withDeadlines.deadlinesOf(withDeadlines.route(facts().roles("VIP").build()));
            Deadlines urgent = withDeadlines.deadlinesOf(withDeadlines.route(facts().reasons(URGENCY).build()));
            Deadlines other = withDeadlines.deadlinesOf(withDeadlines.route(facts().build()));

            assertEquals(new Deadlines(Duration.ofMinutes(1), null, null, null), vip);
            assertEquals(Duration.ofMinutes(5), urgent.reroute());
            assertEquals(Deadlines.NONE, other, "normal priority has none configured");
        }
    }

    // ------------------------------------------------------------------------------------ channels

    @Nested
    @DisplayName("Per-channel settings")
    class PerChannel {

        private static final CueSetting SENSITIVE = new CueSetting(true, CueSetting.HIGH);

        private final RuleBook book = rules()
                .cue(ANGER, new CueSetting(true, CueSetting.LOW))
                .disable(FRUSTRATION)
                .channel("billing", BILLING, Answering.ALWAYS, Map.of(URGENCY, SENSITIVE,
                        FRUSTRATION, new CueSetting(true, CueSetting.NORMAL)))
                .channel("general", GENERAL, Answering.WHEN_MENTIONED)
                .build();

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', textBlock = """
                the channel itself   | urgency fires at 0.35, frustration is back on, anger stays low
                a thread in it       | urgency fires at 0.35, frustration is back on, anger stays low
                another channel      | community settings
                a DM                 | community settings
                no channel (practice)| community settings
                """)
        void aChannelsCueOverridesApplyInItAndItsThreadsOnTopOfTheCommunitys(String where, String expected) {
            String[] place = switch (where) {
                case "the channel itself" -> new String[] {BILLING, null};
                case "a thread in it" -> new String[] {THREAD, BILLING};
                case "another channel" -> new String[] {GENERAL, null};
                case "a DM" -> new String[] {"1180000000000000077", null};
                default -> new String[] {null, null};
            };

            CueSettings settings = book.cuesIn(place[0], place[1]);

            boolean overridden = expected.startsWith("urgency");
            assertEquals(overridden ? SENSITIVE : CueSetting.STANDARD, settings.of(URGENCY), where);
            assertEquals(overridden, settings.of(FRUSTRATION).enabled(), where);
            assertEquals(new CueSetting(true, CueSetting.LOW), settings.of(ANGER), "the community's, everywhere");
            assertEquals(CueSetting.STANDARD, settings.of(CRISIS), "untouched cues keep the built-in setting");
        }

        @ParameterizedTest(name = "{0}: {3}")
        @CsvSource(nullValues = "none", delimiter = '|', textBlock = """
                #general                       | 1180000000000000002 | none                | WHEN_MENTIONED
                a thread in #general           | 1180000000000000050 | 1180000000000000002 | WHEN_MENTIONED
                #billing                       | 1180000000000000001 | none                | ALWAYS
                a thread in #billing           | 1180000000000000050 | 1180000000000000001 | ALWAYS
                a channel without rules        | 1180000000000000003 | none                | ALWAYS
                nowhere                        | none                | none                | ALWAYS
                """)
        void answeringFollowsTheChannelAndItsThreads(String where, String channelId, String parentId,
                                                    Answering expected) {
            assertEquals(expected, book.answeringIn(channelId, parentId), where);
        }

        @Test
        void aThreadWithARuleOfItsOwnUsesItRatherThanItsParents() {
            RuleBook threadRule = rules()
                    .channel("general", GENERAL, Answering.WHEN_MENTIONED)
                    .channel("help thread", THREAD, Answering.ALWAYS, Map.of(ANGER, SENSITIVE))
                    .build();

            assertEquals(Answering.ALWAYS, threadRule.answeringIn(THREAD, GENERAL));
            assertEquals(SENSITIVE, threadRule.cuesIn(THREAD, GENERAL).of(ANGER));
        }

        @Test
        void withoutRulesEveryCueHasItsBuiltInSettingEverywhere() {
            for (CueKind kind : CueKind.values()) {
                assertEquals(CueSetting.STANDARD, RuleBook.defaults().cuesIn(BILLING, null).of(kind));
            }
            assertEquals(Answering.ALWAYS, RuleBook.defaults().answeringIn(BILLING, null));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "crisis, true", "human_request, true", "out_of_scope, true",
            "anger, false", "sadness_grief, false", "anxiety, false", "urgency, false", "frustration, false",
            "nonlinear, false",
    })
    void onlyCrisisHumanRequestAndOutOfScopeCanNeverBeTurnedOff(String cue, boolean alwaysOn) {
        assertEquals(alwaysOn, RuleBook.alwaysOn(CueKind.fromWire(cue)));
    }

    @Test
    void aCueSettingFiresAtOrAboveItsThresholdAndNeverWhenDisabled() {
        List<String> seen = new ArrayList<>();
        for (double score : new double[] {0.34, 0.35, 0.5, 0.69, 0.7, 1.0}) {
            seen.add(score + ":" + new CueSetting(true, CueSetting.HIGH).fires(score)
                    + "/" + CueSetting.STANDARD.fires(score)
                    + "/" + new CueSetting(true, CueSetting.LOW).fires(score)
                    + "/" + new CueSetting(false, CueSetting.HIGH).fires(score));
        }
        assertEquals(Arrays.asList(
                "0.34:false/false/false/false",
                "0.35:true/false/false/false",
                "0.5:true/true/false/false",
                "0.69:true/true/false/false",
                "0.7:true/true/true/false",
                "1.0:true/true/true/false"), seen);
        assertFalse(new CueSetting(false, 1.0).fires(1.0));
        assertTrue(new CueSetting(true, 1.0).fires(1.0));
    }

    private static Arguments row(String name, RuleBookBuilder.When when, Facts facts, boolean expected) {
        return Arguments.of(name, when, facts, expected);
    }
}
