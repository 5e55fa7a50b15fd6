package dev.baton.rules;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.routing.Roster;
import dev.baton.routing.TwoPersonTeam;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSetting;
import dev.baton.triage.CueSettings;
import dev.baton.yaml.ConfigException;
import dev.baton.yaml.ConfigException.Problem;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RulesLoaderTest {

    private static final String FILE = "config/rules.yaml";

    /** Alex (team billing, not opted in to sensitive conversations) and Sam (team support, opted in). */
    private static final Roster ROSTER = TwoPersonTeam.roster("284719365012847361", "517364028893155842");

    private static final KnowledgeBase KNOWLEDGE = new KnowledgeBase("knowledge.yaml", List.of(
            entry("plus-price", "billing"), entry("install", "Install"), entry("no-topic", null)));

    /** Every key used once; the mistakes below each break one thing in it. Line numbers matter. */
    private static final String VALID = """
            zone: Europe/London
            answer_confidence: 0.6
            cues:
              anger: {sensitivity: high}
              frustration: {enabled: false}
              urgency: {fires_at: 0.42}
            channels:
              billing:
                id: "1180000000000000001"
                answer: always
                cues: {urgency: {sensitivity: high}}
              general:
                id: "1180000000000000002"
                answer: when_mentioned
            roles:
              moderators: "1180000000000000099"
            deadlines:
              urgent: {remind: 2m, reroute: 5m, escalate: 10m, escalate_to: moderators}
              normal: {remind: 15m, reroute: 45m}
            routes:
              - name: grief to sam
                when:
                  cue: [sadness_grief, anxiety]
                then:
                  person: sam
                  priority: high
                  private_thread: true
              - name: billing channel
                when:
                  channel: billing
                  topic: billing
                then:
                  team: billing
                  deadlines: {remind: 5m, reroute: 20m, escalate: 1h, escalate_to: moderators}
              - name: plus at night
                when:
                  role: "Lumen Plus"
                  time: ["mon-fri 18:00-09:00", "sat-sun 00:00-23:59"]
                then:
                  priority: urgent
            default:
              team: support
              priority: normal
            """;

    @Nested
    @DisplayName("A valid rules file")
    class Valid {

        private final RuleBook rules = parse(VALID);

        @Test
        void setsTheAnswerConfidence() {
            assertEquals(0.6, rules.answerConfidence());
        }

        @Test
        void setsEachCueItNamesAndLeavesTheRestAsBuiltIn() {
            CueSettings cues = rules.cues();
            assertAll(
                    () -> assertEquals(new CueSetting(true, CueSetting.HIGH), cues.of(CueKind.ANGER)),
                    () -> assertEquals(new CueSetting(false, CueSetting.NORMAL), cues.of(CueKind.FRUSTRATION)),
                    () -> assertEquals(new CueSetting(true, 0.42), cues.of(CueKind.URGENCY)),
                    () -> assertEquals(CueSetting.STANDARD, cues.of(CueKind.CRISIS)));
        }

        @Test
        void readsChannelsInFileOrderWithTheirOwnCueSettings() {
            assertEquals(List.of(
                            new ChannelRule("billing", "1180000000000000001", Answering.ALWAYS,
                                    Map.of(CueKind.URGENCY, new CueSetting(true, CueSetting.HIGH))),
                            new ChannelRule("general", "1180000000000000002", Answering.WHEN_MENTIONED, Map.of())),
                    rules.channels());
            assertEquals(Answering.WHEN_MENTIONED, rules.answeringIn("999", "1180000000000000002"),
                    "a thread answers as its parent channel");
        }

        @Test
        void readsDeadlinesPerPriorityWithTheRoleResolvedToItsId() {
            assertEquals(Map.of(
                            Priority.URGENT, new Deadlines(Duration.ofMinutes(2), Duration.ofMinutes(5),
                                    Duration.ofMinutes(10), "1180000000000000099"),
                            Priority.NORMAL, new Deadlines(Duration.ofMinutes(15), Duration.ofMinutes(45), null, null)),
                    rules.deadlines());
        }

        @Test
        void readsRoutesInFileOrderWithTheLineEachStartsOn() {
            assertEquals(List.of("grief to sam:21", "billing channel:28", "plus at night:35"),
                    rules.routes().stream().map(r -> r.name() + ":" + r.line()).toList());
        }

        @Test
        void readsARouteToAPerson() {
            Route grief = rules.routes().get(0);
            assertAll(
                    () -> assertEquals(Set.of(CueKind.SADNESS_GRIEF, CueKind.ANXIETY), grief.when().cues()),
                    () -> assertEquals(new Target.Named("sam"), grief.target()),
                    () -> assertEquals(Priority.HIGH, grief.priority()),
                    () -> assertEquals(Boolean.TRUE, grief.privateThread()),
                    () -> assertNull(grief.deadlines(), "no deadlines of its own: the priority's apply"));
        }

        @Test
        void resolvesAChannelNameToItsIdAndKeepsTheRoutesOwnDeadlines() {
            Route billing = rules.routes().get(1);
            assertAll(
                    () -> assertEquals(Set.of("1180000000000000001"), billing.when().channelIds()),
                    () -> assertEquals(Set.of("billing"), billing.when().topics()),
                    () -> assertEquals(new Target.Team("billing"), billing.target()),
                    () -> assertEquals(Priority.NORMAL, billing.priority(), "priority defaults to normal"),
                    () -> assertNull(billing.privateThread(), "unset: discord.yaml decides"),
                    () -> assertEquals(new Deadlines(Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofHours(1),
                            "1180000000000000099"), rules.deadlinesOf(billing)));
        }

        @Test
        void readsTimeConditionsInTheRulesZone() {
            TimeWindow time = rules.routes().get(2).when().time();
            assertEquals(ZoneId.of("Europe/London"), time.zone());
            assertEquals("mon-fri 18:00-09:00, sat-sun 00:00-23:59", time.written());
            // Tuesday 08:30 in London (BST, UTC+1) is still the Monday night window; 10:00 is not.
            assertTrue(time.contains(Instant.parse("2025-06-03T07:30:00Z")));
            assertFalse(time.contains(Instant.parse("2025-06-03T09:00:00Z")));
            assertEquals(Set.of("lumen plus"), rules.routes().get(2).when().roles());
        }

        @Test
        void readsTheDefaultRoute() {
            Route fallback = rules.fallback();
            assertAll(
                    () -> assertEquals(RuleBook.DEFAULT_ROUTE, fallback.name()),
                    () -> assertEquals(41, fallback.line()),
                    () -> assertEquals(Conditions.ALWAYS, fallback.when()),
                    () -> assertEquals(new Target.Team("support"), fallback.target()),
                    () -> assertEquals(Priority.NORMAL, fallback.priority()));
        }

        @Test
        void routesTheFirstMatchingRuleAndFallsBackToTheDefault() {
            Instant mondayNoon = Instant.parse("2025-06-02T11:00:00Z");
            assertEquals("billing channel", rules.route(new RouteFacts(Set.of(CueKind.ANGER), Set.of("Billing"),
                    "555555555555555555", "1180000000000000001", List.of(), mondayNoon)).name());
            assertEquals("grief to sam", rules.route(new RouteFacts(Set.of(CueKind.ANXIETY), Set.of("billing"),
                    "1180000000000000001", null, List.of(), mondayNoon)).name(), "the first match wins");
            assertEquals("default", rules.route(new RouteFacts(Set.of(CueKind.ANGER), Set.of(), "1", null,
                    List.of("Lumen Plus"), mondayNoon)).name(), "outside the night window");
        }
    }

    @Nested
    @DisplayName("Defaults")
    class Defaults {

        @Test
        void aFileWithOnlyADefaultRouteKeepsEverythingElseBuiltIn() {
            RuleBook rules = parse("default: {}\n");
            assertAll(
                    () -> assertEquals(CueSettings.standard(), rules.cues()),
                    () -> assertEquals(List.of(), rules.channels()),
                    () -> assertEquals(List.of(), rules.routes()),
                    () -> assertEquals(Map.of(), rules.deadlines()),
                    () -> assertEquals(RuleBook.DEFAULT_ANSWER_CONFIDENCE, rules.answerConfidence()),
                    () -> assertEquals(new Target.Anyone(), rules.fallback().target()),
                    () -> assertEquals(Priority.NORMAL, rules.fallback().priority()));
        }

        @Test
        void timeConditionsAreInUtcWithoutAZone() {
            RuleBook rules = parse("""
                    routes:
                      - name: nights
                        when: {time: "mon-sun 22:00-06:00"}
                        then: {}
                    default: {}
                    """);
            assertEquals(ZoneId.of("UTC"), rules.routes().get(0).when().time().zone());
        }

        @Test
        void aChannelCueSettingKeepsTheCommunityWideKeysItLeavesOut() {
            RuleBook rules = parse("""
                    cues:
                      anger: {sensitivity: high}
                      frustration: {enabled: false}
                    channels:
                      calm:
                        id: "1180000000000000001"
                        cues:
                          anger: {enabled: false}
                          frustration: {sensitivity: low}
                    default: {}
                    """);
            CueSettings calm = rules.cuesIn("1180000000000000001", null);
            assertEquals(new CueSetting(false, CueSetting.HIGH), calm.of(CueKind.ANGER));
            assertEquals(new CueSetting(false, CueSetting.LOW), calm.of(CueKind.FRUSTRATION),
                    "turned off community-wide, it stays off unless the channel says `enabled: true`");
        }

        @Test
        void anEmptyDeadlinesMappingOnARouteMeansNoDeadlinesForIt() {
            RuleBook rules = parse("""
                    deadlines:
                      normal: {remind: 15m}
                    routes:
                      - name: relaxed
                        when: {cue: frustration}
                        then: {deadlines: {}}
                    default: {}
                    """);
            assertEquals(Deadlines.NONE, rules.deadlinesOf(rules.routes().get(0)));
            assertEquals(new Deadlines(Duration.ofMinutes(15), null, null, null), rules.deadlinesOf(rules.fallback()));
        }

        @Test
        void aRoleIdInQuotesMayStandInForARoleName() {
            RuleBook rules = parse("""
                    deadlines:
                      high: {escalate: 1h, escalate_to: "1180000000000000077"}
                    default: {}
                    """);
            assertEquals("1180000000000000077", rules.deadlines().get(Priority.HIGH).escalateRoleId());
        }

        @Test
        void aLastRouteWithoutConditionsIsAllowed() {
            RuleBook rules = parse(VALID.replace("""
                        when:
                          role: "Lumen Plus"
                          time: ["mon-fri 18:00-09:00", "sat-sun 00:00-23:59"]
                    """, ""));
            assertEquals(Conditions.ALWAYS, rules.routes().get(2).when());
        }

        @Test
        void teamsMatchTeamYamlWithoutRegardToCaseAndTakeItsSpelling() {
            RuleBook rules = parse(VALID.replace("team: support", "team: Support"));
            assertEquals(new Target.Team("support"), rules.fallback().target());
        }
    }

    // ------------------------------------------------------------------------------- one mistake at a time

    static Stream<Arguments> mistakes() {
        return Stream.of(
                // unknown keys, with "did you mean"
                mistake("an unknown top-level key", "answer_confidence: 0.6", "answer_confidense: 0.6",
                        2, 1, "unknown key `answer_confidense` (did you mean `answer_confidence`?)",
                        "rename it to `answer_confidence`"),
                mistake("an unknown key in `then`", "      person: sam", "      persn: sam",
                        25, 7, "unknown key `persn` (did you mean `person`?)", "rename it to `person`"),
                mistake("an unknown key in `when`", "      channel: billing", "      chanel: billing",
                        30, 7, "unknown key `chanel` (did you mean `channel`?)", "rename it to `channel`"),
                mistake("an unknown key in a cue setting", "anger: {sensitivity: high}", "anger: {sensitive: high}",
                        4, 11, "unknown key `sensitive` (did you mean `sensitivity`?)", "rename it to `sensitivity`"),
                mistake("an unknown key in deadlines", "remind: 15m", "remnd: 15m",
                        19, 12, "unknown key `remnd` (did you mean `remind`?)", "rename it to `remind`"),
                mistake("an unknown priority under deadlines", "  normal: {remind", "  norml: {remind",
                        19, 3, "unknown key `norml` (did you mean `normal`?)", "rename it to `normal`"),
                // wrong types
                mistake("a yes/no that is neither", "private_thread: true", "private_thread: sometimes",
                        27, 23, "`private_thread` must be true or false", "write `private_thread: true` or"),
                mistake("a list where one value belongs", "team: support", "team: [support, billing]",
                        42, 9, "`team` must be a single value, but found a list", "give one value here, not a list"),
                mistake("a default with nothing in it", "default:\n  team: support\n  priority: normal\n", "default:\n",
                        41, 9, "`default` must be a mapping such as {team: support}, but found nothing",
                        "`default: {}` for anyone on the roster"),
                mistake("a condition that is a mapping", "cue: [sadness_grief, anxiety]", "cue: {grief: yes}",
                        23, 12, "`cue` must be a value or a list of values, but found a mapping",
                        "e.g. `cue: a` or `cue: [a, b]`"),
                mistake("an empty condition list", "cue: [sadness_grief, anxiety]", "cue: []",
                        23, 12, "`cue` is an empty list", "give at least one value, or remove `cue:`"),
                mistake("a default that is not a mapping", "default:\n  team: support\n  priority: normal\n",
                        "default: support\n", 41, 10, "`default` must be a mapping such as {team: support}, but found"
                                + " a single value (\"support\")", "`default: {}` for anyone on the roster"),
                mistake("a cue setting that is not a mapping", "anger: {sensitivity: high}", "anger: high",
                        4, 10, "cue `anger` must be a mapping such as {sensitivity: high}", "e.g. `anger:"),
                // unknown names
                mistake("an unknown cue in `cues`", "  anger: {sensitivity: high}", "  angry: {sensitivity: high}",
                        4, 3, "unknown cue `angry` (did you mean `anger`?); cues are crisis, anger,", "write `anger`"),
                mistake("part of a cue's name in a condition", "[sadness_grief, anxiety]", "[grief, anxiety]",
                        23, 13, "unknown cue `grief` (did you mean `sadness_grief`?)", "write `sadness_grief`"),
                mistake("an unknown channel name", "channel: billing", "channel: biling",
                        30, 16, "unknown channel `biling` (did you mean `billing`?)",
                        "channels are named under `channels:`: billing, general"),
                mistake("an unknown role name", "escalate_to: moderators}\n  normal", "escalate_to: mods}\n  normal",
                        18, 65, "unknown role `mods`", "roles are listed under `roles:`: moderators"),
                mistake("a person not in team.yaml", "person: sam", "person: samm",
                        25, 15, "no one in team.yaml has id `samm` (did you mean `sam`?)",
                        "use a person's `id:` from team.yaml (not their display name): alex, sam"),
                mistake("a display name instead of an id", "person: sam", "person: Sam",
                        25, 15, "no one in team.yaml has id `Sam` (did you mean `sam`?)", "not their display name"),
                mistake("a team not in team.yaml", "team: billing\n", "team: biling\n",
                        33, 13, "no one in team.yaml is in team `biling` (did you mean `billing`?)",
                        "teams in team.yaml: billing, support"),
                mistake("a topic not in knowledge.yaml", "topic: billing", "topic: biling",
                        31, 14, "no knowledge-base entry has topic `biling` (did you mean `billing`?)",
                        "topics in knowledge.yaml: billing, install"),
                mistake("an unknown priority", "priority: urgent", "priority: critical",
                        40, 17, "`priority` must be `urgent`, `high`, `normal` or `low`, but found `critical`", ""),
                mistake("a misspelt priority", "priority: urgent", "priority: urgnet",
                        40, 17, "but found `urgnet` (did you mean `urgent`?)", "write `priority: urgent`"),
                mistake("an unknown way of answering", "answer: when_mentioned", "answer: mentioned",
                        14, 13, "`answer` must be `always` or `when_mentioned`, but found `mentioned`", ""),
                mistake("an unknown sensitivity", "anger: {sensitivity: high}", "anger: {sensitivity: hihg}",
                        4, 24, "`sensitivity` must be `low`, `normal` or `high`, but found `hihg` (did you mean `high`?)",
                        "write `sensitivity: high`"),
                // duplicates and reserved names
                mistake("two routes with the same name", "- name: plus at night", "- name: Billing channel",
                        35, 11, "route name `Billing channel` is already used on line 28",
                        "give each route its own name"),
                mistake("a route named default", "- name: plus at night", "- name: Default",
                        35, 11, "`default` is the name of the route under `default:`", "give this route a name that says"),
                mistake("two channels with the same name", "  general:", "  billing:",
                        12, 3, "channel `billing` is given twice: already on line 8", "merge the two into one"),
                mistake("two channels with the same id", "\"1180000000000000002\"", "\"1180000000000000001\"",
                        13, 9, "channel id 1180000000000000001 is already channel `billing` on line 9",
                        "one entry per Discord channel: merge the two into `billing`"),
                mistake("a channel name that is not a plain name", "  general:", "  General Chat:",
                        12, 3, "`General Chat` is not a usable channel name", "e.g. `billing` or `lumen-plus`"),
                // missing and contradictory
                mistake("no default route", "default:\n  team: support\n  priority: normal\n", "",
                        1, 1, "missing `default:`, the route for every handoff that no rule in `routes:` matches",
                        "`default: {}` sends them to anyone"),
                mistake("a route without a name", "  - name: plus at night\n    when:", "  - when:",
                        35, 5, "route is missing `name:`", "start it with a short name"),
                mistake("a route without `then`", "    then:\n      priority: urgent\n", "",
                        35, 5, "route `plus at night` is missing `then:`", "e.g. `then: {team: support"),
                mistake("both a team and a person", "      person: sam\n", "      person: sam\n      team: support\n",
                        25, 7, "route `grief to sam` gives both `team` and `person`", "keep `person:`"),
                mistake("a cue both with sensitivity and fires_at", "urgency: {fires_at: 0.42}",
                        "urgency: {sensitivity: high, fires_at: 0.42}",
                        6, 42, "give `sensitivity` or `fires_at`, not both", "keep `sensitivity`"),
                // out of range
                mistake("fires_at above 1", "fires_at: 0.42", "fires_at: 1.5",
                        6, 23, "`fires_at` must be a number above 0 and at most 1, but found `1.5`",
                        "0.35 is `sensitivity: high`"),
                mistake("fires_at of 0", "fires_at: 0.42", "fires_at: 0",
                        6, 23, "`fires_at` must be a number above 0 and at most 1, but found `0`", ""),
                mistake("fires_at as a word", "fires_at: 0.42", "fires_at: often",
                        6, 23, "`fires_at` must be a number above 0 and at most 1, but found `often`", ""),
                mistake("answer_confidence of 0", "answer_confidence: 0.6", "answer_confidence: 0",
                        2, 20, "`answer_confidence` must be a number above 0 and at most 1", "e.g. 0.5"),
                // durations
                mistake("a duration without a unit", "remind: 15m", "remind: 15",
                        19, 20, "`remind`: `15` has no unit: write `15m` for minutes or `15s` for seconds",
                        "e.g. `remind: 15m`"),
                mistake("a duration in words", "remind: 15m", "remind: 15 minutes",
                        19, 20, "`remind`: `15 minutes` is not a duration: write a duration as a number and a unit",
                        "(d = days, h = hours, m = minutes, s = seconds)"),
                mistake("a zero duration", "remind: 15m", "remind: 0m",
                        19, 20, "`remind`: `0m` is no time at all", ""),
                mistake("deadlines out of order", "reroute: 45m", "reroute: 10m",
                        19, 34, "`reroute` (10m) must be later than `remind` (15m) for normal handoffs",
                        "deadlines run remind < reroute < escalate"),
                mistake("an escalation before the re-route", "escalate: 1h,", "escalate: 15m,",
                        34, 55, "`escalate` (15m) must be later than `reroute` (20m) of route `billing channel`", ""),
                mistake("escalate without escalate_to", "escalate: 1h, escalate_to: moderators}", "escalate: 1h}",
                        34, 55, "`escalate` needs `escalate_to:` of route `billing channel`, the Discord role to mention",
                        "add `escalate_to: moderators`"),
                mistake("escalate_to without escalate", "reroute: 45m}", "reroute: 45m, escalate_to: moderators}",
                        19, 52, "`escalate_to` does nothing without `escalate:` for normal handoffs",
                        "add e.g. `escalate: 1h`, or remove `escalate_to`"),
                // time and zone
                mistake("a time in another form", "\"mon-fri 18:00-09:00\"", "\"weekdays 18:00-09:00\"",
                        38, 14, "`time`: `weekdays 18:00-09:00`: unknown day `weekdays`", "e.g. `time: \"mon-fri"),
                mistake("a time that is not a time of day", "\"mon-fri 18:00-09:00\"", "\"mon-fri 18:00-25:00\"",
                        38, 14, "`25:00` is not a time of day", "in the zone given by `zone:` (Europe/London)"),
                mistake("an unknown zone", "zone: Europe/London", "zone: Europe/Londn",
                        1, 7, "unknown time zone `Europe/Londn` (did you mean `Europe/London`?)",
                        "use a tz database name"),
                mistake("a zone abbreviation", "zone: Europe/London", "zone: BST",
                        1, 7, "unknown time zone `BST` (an abbreviation is not a place)", "use a tz database name"),
                // Discord ids
                mistake("a channel id without quotes", "id: \"1180000000000000001\"", "id: 1180000000000000001",
                        9, 9, "`id`: a Discord channel id must be in quotes, but found 1180000000000000001 without them",
                        "write \"1180000000000000001\""),
                mistake("a channel id in a condition without quotes", "channel: billing", "channel: 1180000000000000001",
                        30, 16, "`channel`: a Discord channel id must be in quotes", "write \"1180000000000000001\""),
                mistake("a channel id too short", "\"1180000000000000001\"", "\"12345\"",
                        9, 9, "`id` must be a Discord channel id of 17 to 20 digits in quotes", "Developer Mode"),
                mistake("a channel mention instead of an id", "\"1180000000000000001\"", "\"<#1180000000000000001>\"",
                        9, 9, "`id` must be a Discord channel id of 17 to 20 digits in quotes", "Copy ID"),
                mistake("a role id without quotes", "moderators: \"1180000000000000099\"",
                        "moderators: 1180000000000000099",
                        16, 15, "`moderators`: a Discord role id must be in quotes", "write \"1180000000000000099\""),
                mistake("a channel without an id", "    id: \"1180000000000000002\"\n", "",
                        13, 5, "channel `general` is missing `id:`", "Developer Mode"),
                // routes that cannot work
                mistake("a catch-all route before others", "    when:\n      cue: [sadness_grief, anxiety]\n", "",
                        21, 5, "route `grief to sam` has no `when:`, so it matches every handoff and the routes after"
                                + " it can never match: `billing channel`, `plus at night`",
                        "give it a `when:`, or move it to the end of `routes:`"),
                mistake("grief sent to a person who has not opted in", "person: sam", "person: alex",
                        25, 15, "route `grief to sam` sends `sadness_grief`, `anxiety` handoffs here, but `alex` does"
                                + " not have `sensitive: true` in team.yaml",
                        "or send these cues to someone who has: sam"),
                mistake("crisis sent to a team where nobody has opted in", "      channel: billing\n",
                        "      channel: billing\n      cue: crisis\n",
                        34, 13, "route `billing channel` sends `crisis` handoffs here, but nobody in team `billing`"
                                + " has `sensitive: true`", "add `sensitive: true` to someone there"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsReportedAtItsLineAndColumnWithAMessageAndAHint(String name, String yaml, int line, int column,
                                                                   String message, String hint) {
        List<Problem> problems = problemsIn(yaml);

        assertTrue(problems.stream().anyMatch(p -> p.line() == line && p.column() == column
                        && p.message().contains(message) && p.hint().contains(hint) && p.hasHint()),
                () -> "expected " + line + ":" + column + " \"" + message + "\" with hint \"" + hint + "\", got:\n"
                        + lines(problems));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"crisis", "human_request", "out_of_scope"})
    void cuesThatMustAlwaysReachAPersonCannotBeTurnedOff(String cue) {
        Problem problem = single(problemsIn(VALID.replace("frustration: {enabled: false}", cue + ": {enabled: false}")));

        assertEquals(5, problem.line());
        assertEquals(cue.length() + 15, problem.column(), "at the `false`");
        assertTrue(problem.message().startsWith("cue `" + cue + "` cannot be turned off: "), problem.message());
        assertEquals("make it fire later instead, e.g. `" + cue + ": {sensitivity: low}`", problem.hint());
    }

    @Test
    void aCueThatCannotBeTurnedOffCannotBeTurnedOffInAChannelEither() {
        Problem problem = single(problemsIn(VALID.replace("cues: {urgency: {sensitivity: high}}",
                "cues: {crisis: {enabled: false}}")));

        assertEquals("cue `crisis` cannot be turned off in channel `billing`: someone who may be in danger must"
                + " always reach a person", problem.message());
    }

    @Test
    void onlyTheFirstCatchAllRouteIsReportedSinceItNamesEveryRouteItHides() {
        String yaml = VALID.replace("    when:\n      cue: [sadness_grief, anxiety]\n", "")
                .replace("    when:\n      channel: billing\n      topic: billing\n", "");

        Problem problem = single(problemsIn(yaml));

        assertTrue(problem.message().endsWith(": `billing channel`, `plus at night`"), problem.message());
    }

    @Test
    void aRoleWithAWrongIdIsNotAlsoReportedAsUnknownWhereItIsUsed() {
        Problem problem = single(problemsIn(VALID.replace("\"1180000000000000099\"", "\"99\"")));

        assertEquals(16, problem.line());
    }

    @Test
    void aChannelWithAWrongIdIsNotAlsoReportedAsUnknownWhereItIsUsed() {
        Problem problem = single(problemsIn(VALID.replace("\"1180000000000000001\"", "\"1\"")));

        assertEquals(9, problem.line());
    }

    @Nested
    @DisplayName("When team.yaml or knowledge.yaml failed to load")
    class WithoutTheOtherFiles {

        @Test
        void teamsAndPeopleAreNotCheckedAgainstTheRoster() {
            String yaml = VALID.replace("person: sam", "person: nobody").replace("team: billing\n", "team: nowhere\n");

            RuleBook rules = RulesLoader.parse(FILE, new StringReader(yaml), null, KNOWLEDGE);

            assertEquals(new Target.Named("nobody"), rules.routes().get(0).target());
            assertEquals(new Target.Team("nowhere"), rules.routes().get(1).target());
        }

        @Test
        void sensitiveRoutesAreNotCheckedAgainstTheRoster() {
            RuleBook rules = RulesLoader.parse(FILE, new StringReader(VALID.replace("person: sam", "person: alex")),
                    null, KNOWLEDGE);

            assertEquals(new Target.Named("alex"), rules.routes().get(0).target());
        }

        @Test
        void topicsAreNotCheckedAgainstTheKnowledgeBase() {
            RuleBook rules = RulesLoader.parse(FILE, new StringReader(VALID.replace("topic: billing", "topic: nope")),
                    ROSTER, null);

            assertEquals(Set.of("nope"), rules.routes().get(1).when().topics());
        }

        @Test
        void theRulesOwnMistakesAreStillReported() {
            ConfigException e = assertThrows(ConfigException.class, () -> RulesLoader.parse(FILE,
                    new StringReader(VALID.replace("priority: urgent", "priority: asap")), null, null));

            assertEquals(40, single(e.problems()).line());
        }
    }

    // ------------------------------------------------------------------------------- the file as a whole

    @Test
    void anEmptyFileNeedsADefaultRoute() {
        Problem problem = single(problemsIn("# nothing yet\n"));

        assertEquals(1, problem.line());
        assertTrue(problem.message().startsWith("the file is empty, but a rules file needs at least `default:`"),
                problem.message());
        assertTrue(problem.hint().contains("or delete rules.yaml to use Baton's built-in rules"), problem.hint());
    }

    @Test
    void aTopLevelListIsAnError() {
        Problem problem = single(problemsIn("- default\n"));

        assertTrue(problem.message().startsWith("the top level must be a mapping of settings"), problem.message());
    }

    @Test
    void aYamlSyntaxErrorComesWithAHintAboutIndentation() {
        Problem problem = single(problemsIn("default:\n  team: support\n team: billing\n"));

        assertTrue(problem.message().startsWith("YAML syntax error"), problem.message());
        assertTrue(problem.hint().startsWith("check the indentation"), problem.hint());
    }

    @Test
    void everyMistakeInTheFileIsReportedAtOnceInFileOrder() {
        String yaml = VALID.replace("zone: Europe/London", "zone: Mars/Olympus")
                .replace("anger: {sensitivity: high}", "anger: {sensitivity: extreme}")
                .replace("escalate_to: moderators}\n  normal", "escalate_to: mods}\n  normal")
                .replace("person: sam", "person: alex")
                .replace("priority: urgent", "priority: asap")
                .replace("default:\n  team: support\n  priority: normal\n", "");

        List<Problem> problems = problemsIn(yaml);

        List<String> expected = List.of("1:1 missing `default:`", "1:7 unknown time zone `Mars/Olympus`",
                "4:24 `sensitivity` must be `low`, `normal` or `high`", "18:65 unknown role `mods`",
                "25:15 route `grief to sam` sends", "40:17 `priority` must be");
        List<String> actual = problems.stream().map(p -> p.line() + ":" + p.column() + " " + p.message()).toList();
        assertEquals(expected.size(), actual.size(), () -> lines(problems));
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(actual.get(i).startsWith(expected.get(i)), "problem " + (i + 1) + ": " + actual.get(i));
        }
        problems.forEach(p -> assertEquals(FILE, p.file()));
    }

    @Test
    void aMissingFileNamesThePath(@TempDir Path dir) {
        Path missing = dir.resolve("rules.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> RulesLoader.load(missing, ROSTER, KNOWLEDGE));

        assertTrue(single(e.problems()).message().startsWith("rules file not found: " + missing.toAbsolutePath()),
                e.getMessage());
    }

    // ------------------------------------------------------------------------------- helpers

    private static Arguments mistake(String name, String replace, String with, int line, int column, String message,
                                     String hint) {
        if (!VALID.contains(replace)) {
            throw new IllegalArgumentException("test data: `" + replace + "` is not in the valid file");
        }
        String yaml = VALID.replaceFirst(Pattern.quote(replace), Matcher.quoteReplacement(with));
        return Arguments.of(name, yaml, line, column, message, hint);
    }

    private static RuleBook parse(String yaml) {
        return RulesLoader.parse(FILE, new StringReader(yaml), ROSTER, KNOWLEDGE);
    }

    private static List<Problem> problemsIn(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        e.problems().forEach(p -> assertEquals(FILE, p.file()));
        return e.problems();
    }

    private static Problem single(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> "expected exactly one problem, got:\n" + lines(problems));
        return problems.get(0);
    }

    private static String lines(List<Problem> problems) {
        return problems.stream().map(p -> p + "\n    hint: " + p.hint()).collect(Collectors.joining("\n"));
    }

    private static KnowledgeEntry entry(String id, String topic) {
        return new KnowledgeEntry(id, topic, List.of("a question about " + id), "an answer", null);
    }
}
