package dev.baton.replay;

import dev.baton.store.TestDatabases;
import dev.baton.handoff.HandoffWording;
import dev.baton.live.RulesInForce;
import static dev.baton.replay.Past.BILLING;
import static dev.baton.replay.Past.cue;
import static dev.baton.triage.CueKind.ANGER;
import static dev.baton.triage.CueKind.FRUSTRATION;
import static dev.baton.triage.CueKind.SADNESS_GRIEF;
import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.Wiring;
import dev.baton.console.api.ReplayReport;
import dev.baton.console.api.ReplayReport.Changed;
import dev.baton.console.api.ReplayReport.Delta;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.routing.Roster;
import dev.baton.routing.RosterLoader;
import dev.baton.rules.Answering;
import dev.baton.rules.ChannelRule;
import dev.baton.rules.Conditions;
import dev.baton.rules.Priority;
import dev.baton.rules.Route;
import dev.baton.rules.RuleBook;
import dev.baton.rules.Target;
import dev.baton.store.Database;
import dev.baton.text.HashingEmbedder;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSetting;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Replays over a small stored history whose answer is worked out by hand. The roster: Alex and Dana
 * (billing team, billing topic, not opted in to sensitive conversations) and Sam (support, opted in),
 * all on shift all week. The live rules are Baton's defaults; the draft turns frustration off, makes
 * grief more sensitive and sends the #billing channel to Dana.
 */
@Tag("database")
class ReplayTest {

    static final KnowledgeBase KNOWLEDGE = new KnowledgeBase("test", List.of(
            new KnowledgeEntry("refunds", "billing", List.of("How do refunds work?"), "Within 14 days.", null),
            new KnowledgeEntry("reset-password", "account", List.of("How do I reset my password?"), "Use the link.", null),
            new KnowledgeEntry("download", "install", List.of("Where can I download Lumen?"), "On the site.", null)));

    static final Roster ROSTER = RosterLoader.parse("team.yaml", new StringReader("""
            people:
              - id: alex
                name: Alex
                discord_user_id: "100000000000000001"
                team: billing
                topics: [billing, account]
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
              - id: dana
                name: Dana
                discord_user_id: "100000000000000002"
                team: billing
                topics: [billing]
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
              - id: sam
                name: Sam
                discord_user_id: "100000000000000003"
                team: support
                topics: [install, printing]
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
                sensitive: true
            """));

    static final Wiring WIRING = new Wiring(new HashingEmbedder());

    /** Monday 2 November 2026, midnight UTC: the week replayed. */
    static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");
    static final Instant TO = FROM.plus(Duration.ofDays(7));

    static final RulesInForce LIVE = ruleSet(RuleBook.defaults(), KNOWLEDGE);

    static final String TO_DANA = "billing to dana";
    static final RulesInForce DRAFT = ruleSet(new RuleBook(
            new CueSettings(Map.of(FRUSTRATION, new CueSetting(false, CueSetting.NORMAL),
                    SADNESS_GRIEF, new CueSetting(true, CueSetting.HIGH))),
            List.of(new ChannelRule("billing", BILLING, Answering.ALWAYS, Map.of())),
            List.of(new Route(TO_DANA, 12, new Conditions(Set.of(), Set.of(), Set.of(BILLING), Set.of(), null),
                    new Target.Named("dana"), Priority.NORMAL, null, null)),
            RuleBook.defaults().fallback(), Map.of(), RuleBook.DEFAULT_ANSWER_CONFIDENCE), KNOWLEDGE);

    private final Database database = TestDatabases.fresh();
    private final Past past = new Past(database, KNOWLEDGE, ROSTER);

    static RulesInForce ruleSet(RuleBook rules, KnowledgeBase knowledge) {
        return new RulesInForce(WIRING.engine(knowledge), knowledge, ROSTER, HandoffWording.defaults(), rules, false);
    }

    static Instant at(String dayAndTime) {
        return Instant.parse("2026-11-" + dayAndTime + ":00Z");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Nested
    class OverAKnownWeek {

        private Past.Conversation ann;
        private Past.Conversation ben;
        private Past.Conversation cat;
        private Past.Conversation eve;

        /**
         * Ann (frustrated, refunds) went to Alex; Ben (faintly sad, below even the line at which a handoff
         * names a feeling, and nothing in the KB) to Dana as out of scope; Cat
         * (angry, in #billing) to Alex; Dan's question was answered; Eve, in a thread of #billing, read the
         * refunds answer and asked for a person: Dana. Outside the week or practice: not replayed.
         */
        private ReplayReport replay() {
            ann = past.conversation("Ann").says("I was charged twice and it is so annoying", at("02T10:00"))
                    .decided(at("02T10:00"), past.nearest("refunds", 0.8), cue(FRUSTRATION, 0.6))
                    .handedOffTo("alex", at("02T10:00")).resolved(at("02T10:30"));
            ben = past.conversation("Ben").says("I feel so low since my dog died", at("02T12:00"))
                    .decided(at("02T12:00"), past.nearest("download", 0.1), cue(SADNESS_GRIEF, 0.24))
                    .handedOffTo("dana", at("02T12:00")).resolved(at("02T12:30"));
            cat = past.conversation("Cat").in(BILLING).says("Refund me NOW, this is a scam", at("02T14:00"))
                    .decided(at("02T14:00"), past.nearest("refunds", 0.9), cue(ANGER, 0.7))
                    .handedOffTo("alex", at("02T14:00")).resolved(at("02T14:30"));
            past.conversation("Dan").says("How do I reset my password?", at("02T16:00"))
                    .decided(at("02T16:00"), past.nearest("reset-password", 0.9));
            eve = past.conversation("Eve").inThreadOf(BILLING).says("How do refunds work?", at("03T08:59"))
                    .decided(at("03T08:59"), past.nearest("refunds", 0.9))
                    .handedOffTo("dana", at("03T09:00")).resolved(at("03T09:30"));
            past.conversation("Before").says("so annoying", FROM.minusMillis(1))
                    .decided(FROM.minusMillis(1), past.nearest("refunds", 0.8), cue(FRUSTRATION, 0.6));
            past.conversation("After").says("so annoying", TO)
                    .decided(TO, past.nearest("refunds", 0.8), cue(FRUSTRATION, 0.6));
            past.conversation("Practising").practice().says("so annoying", at("04T10:00"))
                    .handedOffTo("sam", at("04T10:00"));
            return Replay.run(database, LIVE, DRAFT, FROM, TO);
        }

        @Test
        void countsEachSideByPersonTeamAndRule() {
            ReplayReport report = replay();

            assertEquals(5, report.conversations());
            assertEquals(new ReplayReport.Side(4, 1, Map.of("Alex", 2, "Dana", 2), Map.of("billing", 4),
                    Map.of("default", 4)), report.live());
            assertEquals(new ReplayReport.Side(3, 2, Map.of("Dana", 2, "Sam", 1), Map.of("billing", 2, "support", 1),
                    Map.of(TO_DANA, 2, "default", 1)), report.draft());
            assertEquals(List.of("Dana", "Sam"), List.copyOf(report.draft().byPerson().keySet()), "most first");
        }

        @Test
        void countsHandoffsPerMainReason() {
            assertEquals(List.of(new Delta("anger", 1, 1), new Delta("sadness_grief", 0, 1),
                    new Delta("frustration", 1, 0), new Delta("human_request", 1, 1), new Delta("out_of_scope", 1, 0)),
                    replay().byReason());
        }

        @Test
        void listsEveryChangedConversationOldestFirstWithBothOutcomesInWords() {
            ReplayReport report = replay();

            assertEquals(List.of(
                    new Changed(ann.id(), ann.handoffId(), at("02T10:00"), "Ann", "lost",
                            "handoff: frustration → Alex (rule default)", "answer: refunds"),
                    new Changed(ben.id(), ben.handoffId(), at("02T12:00"), "Ben", "rerouted",
                            "handoff: out of scope → Dana (rule default)", "handoff: grief → Sam (rule default)"),
                    new Changed(cat.id(), cat.handoffId(), at("02T14:00"), "Cat", "rerouted",
                            "handoff: anger → Alex (rule default)", "handoff: anger → Dana (rule billing to dana)"),
                    new Changed(eve.id(), eve.handoffId(), at("03T09:00"), "Eve", "reason",
                            "handoff: asked for a person → Dana (rule default)",
                            "handoff: asked for a person → Dana (rule billing to dana)")),
                    report.changed());
        }

        @Test
        void sumsItUpInOneSentence() {
            assertEquals("3 handoffs last week: 2 to Dana, 1 to Sam; 1 fewer than live: 1 more grief handoff,"
                    + " 1 fewer frustration handoff, 1 fewer out of scope handoff; 2 go to someone else.",
                    ReplaySentence.sentence(replay(), "last week"));
        }

        @Test
        void theLiveRulesReplayedAgainstThemselvesChangeNothing() {
            replay();

            ReplayReport same = Replay.run(database, LIVE, LIVE, FROM, TO);

            assertEquals(same.live(), same.draft());
            assertEquals(List.of(), same.changed());
            assertEquals("4 handoffs last week: 2 to Alex, 2 to Dana; the draft changes nothing.",
                    ReplaySentence.sentence(same, "last week"));
        }

        @Test
        void storedEvidenceIsEnoughAndNothingIsLookedUpAgain() {
            replay();

            Replay.Stats stats = Replay.runWithStats(database, LIVE, DRAFT, FROM, TO).stats();

            assertEquals(new Replay.Stats(5, 6, 0, 0, stats.readMillis(), stats.millis()), stats,
                    "five decisions and one request for a person");
        }
    }

    @Nested
    class AskingForAPerson {

        @Test
        void whatElseTheConversationShowedCountsUnderEachSidesSettings() {
            // Faint grief (0.4) fires only under the draft's high sensitivity: then only Sam takes it.
            Past.Conversation fay = past.conversation("Fay").says("How do refunds work?", at("02T10:00"))
                    .decided(at("02T10:00"), past.nearest("refunds", 0.9))
                    .handedOffTo("alex", at("02T10:01"), cue(SADNESS_GRIEF, 0.4));

            ReplayReport report = Replay.run(database, LIVE, DRAFT, FROM, TO);

            assertEquals(List.of(new Changed(fay.id(), fay.handoffId(), at("02T10:01"), "Fay", "rerouted",
                    "handoff: asked for a person → Alex (rule default)",
                    "handoff: asked for a person → Sam (rule default)")), report.changed());
        }

        @Test
        void aCrisisStillLeadsAndTheRequestComesNext() {
            Decision.Handoff handoff = Simulation.askedForPerson(List.of(cue(SADNESS_GRIEF, 0.9), cue(CueKind.CRISIS, 0.6),
                    new dev.baton.triage.Cue(CueKind.HUMAN_REQUEST, 1.0, 0, "asked")), CueSettings.standard());

            assertEquals(List.of(CueKind.CRISIS, CueKind.HUMAN_REQUEST, SADNESS_GRIEF), handoff.reasons());
        }

        @Test
        void theRequestLeadsEvenWhenAnotherCueScoresAsHigh() {
            Decision.Handoff handoff = Simulation.askedForPerson(List.of(cue(ANGER, 1.0)), CueSettings.standard());

            assertEquals(List.of(CueKind.HUMAN_REQUEST, ANGER), handoff.reasons());
        }
    }

    @Nested
    class PeriodBoundaries {

        @Test
        void aDecisionAtTheStartCountsAndOneAtTheEndBelongsToTheNextPeriod() {
            past.conversation("First").says("so annoying", FROM)
                    .decided(FROM, past.nearest("refunds", 0.8), cue(FRUSTRATION, 0.6));
            past.conversation("Last").says("so annoying", TO.minusMillis(1))
                    .decided(TO.minusMillis(1), past.nearest("refunds", 0.8), cue(FRUSTRATION, 0.6));
            past.conversation("Next").says("so annoying", TO)
                    .decided(TO, past.nearest("refunds", 0.8), cue(FRUSTRATION, 0.6));

            ReplayReport report = Replay.run(database, LIVE, DRAFT, FROM, TO);

            assertEquals(2, report.conversations());
            assertEquals(List.of("First", "Last"), report.changed().stream().map(Changed::customerName).toList());
        }

        @Test
        void onlyTheDecisionPointsInsideThePeriodAreReplayed() {
            // Answered before the period, handed off inside it: inside the period it is a handoff.
            past.conversation("Gus").says("How do refunds work?", FROM.minus(ofMinutes(5)))
                    .decided(FROM.minus(ofMinutes(5)), past.nearest("refunds", 0.9))
                    .says("this is so annoying", FROM.plus(ofMinutes(5)))
                    .decided(FROM.plus(ofMinutes(5)), past.nearest("refunds", 0.3), cue(FRUSTRATION, 0.6))
                    .handedOffTo("alex", FROM.plus(ofMinutes(5)));

            ReplayReport report = Replay.run(database, LIVE, LIVE, FROM, TO);

            assertEquals(1, report.live().handoffs());
            assertEquals(0, report.live().answers());
        }

        @Test
        void aPeriodThatEndsBeforeItStartsIsAMistake() {
            assertThrows(IllegalArgumentException.class, () -> Replay.run(database, LIVE, DRAFT, TO, FROM));
        }
    }
}
