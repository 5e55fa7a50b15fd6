package dev.baton.health;

import static dev.baton.feedback.FeedbackKind.ASKED_AGAIN;
import static dev.baton.feedback.FeedbackKind.BOT_COULD_ANSWER;
import static dev.baton.feedback.FeedbackKind.NEEDED_PERSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.console.api.RulesHealth;
import dev.baton.console.api.RulesHealth.Answers;
import dev.baton.console.api.RulesHealth.Day;
import dev.baton.console.api.RulesHealth.Pickup;
import dev.baton.console.api.RulesHealth.Row;
import dev.baton.conversation.ConversationRecord;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.Outcome;
import dev.baton.rules.RuleBook;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;

/**
 * The health numbers over a support history with a known answer, written through the real stores.
 *
 * <p>The period is Monday 10 to Wednesday 12 June 2024 (UTC): {@code [2024-06-10T00:00Z, 2024-06-13T00:00Z)}.
 * Just outside it, one millisecond before and exactly at its end, are a handoff and an answer each, which
 * must not count; so must a practice handoff inside it.
 *
 * <pre>
 * handoff  created              rule            cue            to    picked up                 deadline         feedback
 * H0       06-09 23:59:59.999   billing-channel anger          alex  -                         -                alex: bot could answer
 * H1       06-10 10:00          billing-channel anger          alex  alex claims +60s          -                alex: needed person, asked again
 * H2       06-10 11:00          billing-channel frustration    alex  sam replies +120s         reminded +100s   sam: bot could answer
 * H3       06-10 12:00          grief-to-sam    sadness_grief  sam   sam replies +20s, claims +30s  -           -
 * practice 06-10 13:00          default         anger          alex  alex claims +5s           -                alex: needed person
 * H4       06-12 09:00          default         out_of_scope   alex  never; rerouted to sam +600s, escalated +900s; alex and sam: needed person
 * H7       06-12 11:00          retired-rule    urgency        jo (not on the roster), never picked up
 * H5       06-12 23:59:59.999   billing-channel anger          alex  alex claims +600s (after the period)   alex, after the period: needed person
 * H6       06-13 00:00          billing-channel anger          alex  -
 *
 * answered conversations: A0 06-09 23:00 (sooner: alex) · A1 06-10 08:00 and 08:05 (sooner: alex)
 *                         A2 06-11 15:00 · A3 06-12 10:00 (sooner: sam and alex) · A4 06-13 00:00
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("database")
class RulesHealthReportTest {

    private static final Instant FROM = Instant.parse("2024-06-10T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-06-13T00:00:00Z");
    private static final List<String> LIVE_RULES = List.of("billing-channel", "grief-to-sam", "never-fires", "default");

    private final History history = new History();
    private RulesHealthReport report;
    private RulesHealth health;

    @BeforeAll
    void writeTheHistory() {
        ConversationRecord a0 = history.at("2024-06-09T23:00:00Z").answered();
        history.sooner(a0, "alex");
        HandoffRecord h0 = history.at("2024-06-09T23:59:59.999Z").handoff().rule("billing-channel").create();
        history.feedback(h0, "alex", BOT_COULD_ANSWER);

        ConversationRecord a1 = history.at("2024-06-10T08:00:00Z").answered();
        history.at("2024-06-10T08:05:00Z").answerAgain(a1);
        history.sooner(a1, "alex");

        HandoffRecord h1 = history.at("2024-06-10T10:00:00Z").handoff().rule("billing-channel").create();
        history.after(Duration.ofSeconds(60)).lifecycle.claim(h1.id(), "alex");
        history.feedback(h1, "alex", NEEDED_PERSON);
        history.feedback(h1, "alex", ASKED_AGAIN);

        HandoffRecord h2 = history.at("2024-06-10T11:00:00Z").handoff().rule("billing-channel").reason("frustration")
                .create();
        history.after(Duration.ofSeconds(100)).deadline(h2.id(), "reminded");
        history.after(Duration.ofSeconds(20)).staffReply(h2.conversationId(), "sam");
        history.feedback(h2, "sam", BOT_COULD_ANSWER);

        HandoffRecord h3 = history.at("2024-06-10T12:00:00Z").handoff().rule("grief-to-sam").reason("sadness_grief")
                .to("sam").create();
        history.after(Duration.ofSeconds(20)).staffReply(h3.conversationId(), "sam");
        history.after(Duration.ofSeconds(10)).lifecycle.claim(h3.id(), "sam");

        HandoffRecord practice = history.at("2024-06-10T13:00:00Z").handoff().practice().create();
        history.after(Duration.ofSeconds(5)).lifecycle.claim(practice.id(), "alex");
        history.feedback(practice, "alex", NEEDED_PERSON);

        history.at("2024-06-11T15:00:00Z").answered();

        HandoffRecord h4 = history.at("2024-06-12T09:00:00Z").handoff().reason("out_of_scope").create();
        history.after(Duration.ofSeconds(600)).reroute(h4.id(), "sam");
        history.after(Duration.ofSeconds(300)).deadline(h4.id(), "escalated");
        history.feedback(h4, "alex", NEEDED_PERSON);
        history.feedback(h4, "sam", NEEDED_PERSON);

        ConversationRecord a3 = history.at("2024-06-12T10:00:00Z").answered();
        history.sooner(a3, "sam");
        history.sooner(a3, "alex");

        history.at("2024-06-12T11:00:00Z").handoff().rule("retired-rule").reason("urgency").to("jo").create();

        HandoffRecord h5 = history.at("2024-06-12T23:59:59.999Z").handoff().rule("billing-channel").create();
        history.at("2024-06-13T00:00:00Z").handoff().rule("billing-channel").create();
        history.answered();
        history.at("2024-06-13T00:09:59.999Z").lifecycle.claim(h5.id(), "alex");
        history.after(Duration.ofMillis(1)).feedback(h5, "alex", NEEDED_PERSON);

        report = new RulesHealthReport(history.database);
        health = report.compute(FROM, TO, LIVE_RULES, History.ROSTER);
    }

    @AfterAll
    void close() {
        history.close();
    }

    @Test
    void saysWhichPeriodItCovers() {
        assertEquals(FROM, health.from());
        assertEquals(TO, health.to());
    }

    @Test
    void perRuleEveryLiveRuleInFileOrderThenRulesNoLongerLive() {
        assertEquals(List.of(
                // name, handoffs, needed, could answer, sooner, asked again, precision, p50, p90, breaches, asked-again share
                new Row("billing-channel", 3, 2, 1, 0, 1, 2.0 / 3, 120L, 600L, 1, 1.0 / 3),
                new Row("grief-to-sam", 1, 0, 0, 0, 0, null, 20L, 20L, 0, 0.0),
                new Row("never-fires", 0, 0, 0, 0, 0, null, null, null, 0, null),
                new Row("default", 1, 1, 0, 0, 0, 1.0, null, null, 1, 0.0),
                new Row("retired-rule", 1, 0, 0, 0, 0, null, null, null, 0, 0.0)), health.byRule());
    }

    @Test
    void perCueEveryCueInPriorityOrder() {
        assertEquals(List.of(
                new Row("crisis", 0, 0, 0, 0, 0, null, null, null, 0, null),
                new Row("anger", 2, 2, 0, 0, 1, 1.0, 60L, 600L, 0, 0.5),
                new Row("sadness_grief", 1, 0, 0, 0, 0, null, 20L, 20L, 0, 0.0),
                new Row("anxiety", 0, 0, 0, 0, 0, null, null, null, 0, null),
                new Row("urgency", 1, 0, 0, 0, 0, null, null, null, 0, 0.0),
                new Row("frustration", 1, 0, 1, 0, 0, 0.0, 120L, 120L, 1, 0.0),
                new Row("human_request", 0, 0, 0, 0, 0, null, null, null, 0, null),
                new Row("nonlinear", 0, 0, 0, 0, 0, null, null, null, 0, null),
                new Row("out_of_scope", 1, 1, 0, 0, 0, 1.0, null, null, 1, 0.0)), health.byCue());
    }

    @Test
    void perPersonWhoPickedItUpElseWhoHasItAndPerTheirTeam() {
        assertEquals(List.of(
                // kind, name, handoffs, picked up, p50, p90, breaches
                new Pickup("person", "Alex", 2, 2, 60L, 600L, 0),
                new Pickup("person", "Sam", 3, 2, 20L, 120L, 2),
                new Pickup("person", "jo", 1, 0, null, null, 0),
                new Pickup("team", "billing", 2, 2, 60L, 600L, 0),
                new Pickup("team", "support", 3, 2, 20L, 120L, 2),
                new Pickup("team", "no team", 1, 0, null, null, 0)), health.pickup());
    }

    @Test
    void answerRateFromDecisionsAndAnsweredConversationsMarkedSooner() {
        // 6 handoff decisions (H1-H5, H7) and 4 answers (A1 twice, A2, A3); A3 marked by two people counts once.
        assertEquals(new Answers(10, 4, 0.4, 2), health.answers());
    }

    @Test
    void dailySeriesHasEveryUtcDayOfThePeriodQuietOnesIncluded() {
        assertEquals(List.of(
                new Day(LocalDate.parse("2024-06-10"), 3, 2),
                new Day(LocalDate.parse("2024-06-11"), 0, 1),
                new Day(LocalDate.parse("2024-06-12"), 3, 1)), health.daily());
    }

    @Nested
    class PeriodBoundaries {

        @Test
        void theFromInstantIsInTheLastMillisecondBeforeItIsNot() {
            RulesHealth lastMilli = report.compute(Instant.parse("2024-06-09T23:59:59.999Z"), FROM, LIVE_RULES,
                    History.ROSTER);
            assertEquals(new Row("billing-channel", 1, 0, 1, 0, 0, 0.0, null, null, 0, 0.0), lastMilli.byRule().get(0));
            assertEquals(new Answers(1, 0, 0.0, 0), lastMilli.answers());
            assertEquals(List.of(new Day(LocalDate.parse("2024-06-09"), 1, 0)), lastMilli.daily());
        }

        @Test
        void theToInstantBelongsToTheNextPeriod() {
            RulesHealth next = report.compute(TO, TO.plusMillis(1), LIVE_RULES, History.ROSTER);
            assertEquals(1, next.byRule().get(0).handoffs());
            assertEquals(new Answers(2, 1, 0.5, 0), next.answers());
        }

        @Test
        void aPeriodWithNothingInItStillListsEveryRuleCuePersonAndDay() {
            RulesHealth empty = report.compute(Instant.parse("2024-05-01T00:00:00Z"),
                    Instant.parse("2024-05-08T00:00:00Z"), LIVE_RULES, History.ROSTER);
            assertEquals(LIVE_RULES, empty.byRule().stream().map(Row::name).toList());
            assertEquals(9, empty.byCue().size());
            assertEquals(List.of("Alex", "Sam", "billing", "support"), empty.pickup().stream().map(Pickup::name).toList());
            assertEquals(new Answers(0, 0, null, 0), empty.answers());
            assertEquals(7, empty.daily().size());
        }

        @Test
        void aPeriodMustEndAfterItStarts() {
            assertThrows(IllegalArgumentException.class, () -> report.compute(TO, TO, LIVE_RULES, History.ROSTER));
            assertThrows(IllegalArgumentException.class, () -> report.compute(TO, FROM, LIVE_RULES, History.ROSTER));
        }
    }

    @Test
    void theRuleNamesOfARuleBookEndWithItsDefaultRoute() {
        assertEquals(List.of("default"), RulesHealthReport.ruleNames(RuleBook.defaults()));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_METHOD)
    class AConversationHandedOffTwice {

        @Test
        void aStaffReplyAfterTheSecondHandoffPicksUpOnlyTheSecond() {
            try (History twice = new History()) {
                HandoffRecord first = twice.at("2024-06-11T09:00:00Z").handoff().create();
                twice.at("2024-06-11T09:30:00Z").lifecycle.resolve(first.id(), "alex", Outcome.NO_RESPONSE, null);
                twice.at("2024-06-11T10:00:00Z").handoff().in(first.conversationId()).to("sam").create();
                twice.after(Duration.ofSeconds(300)).staffReply(first.conversationId(), "alex");
                RulesHealth health = new RulesHealthReport(twice.database).compute(FROM, TO, List.of("default"),
                        History.ROSTER);
                assertEquals(new Row("default", 2, 0, 0, 0, 0, null, 300L, 300L, 0, 0.0), health.byRule().get(0));
                assertEquals(new Pickup("person", "Alex", 2, 1, 300L, 300L, 0), health.pickup().get(0));
            }
        }
    }
}
