package dev.baton.console.rules;

import static dev.baton.console.FakeRulesBackend.CUES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.api.ReplayReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplaySummaryTest {

    private static final Instant FROM = Instant.parse("2026-11-16T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-23T00:00:00Z");
    private static final String WEEK = "in the last 7 days";

    /** A report builder with sensible defaults: 300 conversations, nothing changes. */
    private static final class Report {
        int conversations = 300;
        int liveHandoffs = 42;
        int draftHandoffs = 42;
        Map<String, Integer> draftPeople = new LinkedHashMap<>(Map.of("Alex", 30, "Sam", 12));
        List<ReplayReport.Delta> reasons = List.of();
        int changed = 0;

        ReplayReport build() {
            ReplayReport.Side live = new ReplayReport.Side(liveHandoffs, conversations - liveHandoffs, Map.of(), Map.of(), Map.of());
            ReplayReport.Side draft = new ReplayReport.Side(draftHandoffs, conversations - draftHandoffs, draftPeople,
                    Map.of(), Map.of());
            List<ReplayReport.Changed> list = IntStream.range(0, changed).mapToObj(i -> new ReplayReport.Changed(i, null,
                    FROM, "c" + i, "rerouted", "a", "b")).toList();
            return new ReplayReport(FROM, TO, conversations, live, draft, reasons, list, 12);
        }
    }

    @Test
    void itSaysHowManyHandoffsWhoGetsThemAndWhatChangesByReason() {
        Report r = new Report();
        r.liveHandoffs = 47;
        r.reasons = List.of(new ReplayReport.Delta("sadness_grief", 9, 4), new ReplayReport.Delta("anger", 10, 10));
        r.changed = 7;
        assertEquals("42 handoffs in the last 7 days under the draft (47 under the live rules): 30 to Alex, 12 to Sam; "
                + "5 fewer grief handoffs. 7 of 300 conversations would change.",
                ReplaySummary.sentence(r.build(), WEEK, CUES));
    }

    @Test
    void theSameCountSaysSo() {
        Report r = new Report();
        assertEquals("42 handoffs in the last 7 days under the draft (the same number as under the live rules): "
                + "30 to Alex, 12 to Sam. No conversation would change.",
                ReplaySummary.sentence(r.build(), WEEK, CUES));
    }

    @Test
    void withoutConversationsThereIsNothingToReplay() {
        Report r = new Report();
        r.conversations = 0;
        assertEquals("No stored conversations in the last 24 hours to replay.",
                ReplaySummary.sentence(r.build(), "in the last 24 hours", CUES));
    }

    @Test
    void noHandoffsAtAll() {
        Report r = new Report();
        r.draftHandoffs = 0;
        r.liveHandoffs = 3;
        r.draftPeople = new LinkedHashMap<>();
        r.reasons = List.of(new ReplayReport.Delta("human_request", 3, 0));
        r.changed = 1;
        r.conversations = 1;
        assertEquals("No handoffs in the last 7 days under the draft (3 under the live rules): 3 fewer asked-for-a-person "
                + "handoffs. 1 of 1 conversation would change.", ReplaySummary.sentence(r.build(), WEEK, CUES));
    }

    @Test
    void theThreeBusiestPeopleAreNamedAndTheRestCounted() {
        Map<String, Integer> people = new LinkedHashMap<>();
        people.put("Dana", 3);
        people.put("Alex", 30);
        people.put("Sam", 12);
        people.put("Priya", 3);
        people.put("Noor", 1);
        people.put("Idle", 0);
        assertEquals("30 to Alex, 12 to Sam, 3 to Dana and 4 to 2 others", ReplaySummary.people(people));
    }

    @Test
    void oneLeftOverPersonIsOneOther() {
        Map<String, Integer> four = new LinkedHashMap<>();
        four.put("Alex", 5);
        four.put("Bo", 2);
        four.put("Cy", 2);
        four.put("Di", 1);
        assertEquals("5 to Alex, 2 to Bo, 2 to Cy and 1 to 1 other", ReplaySummary.people(four));
    }

    @Test
    void theLargestReasonChangesComeFirstSingularWhenOne() {
        assertEquals(List.of("6 more anger handoffs", "2 fewer urgency handoffs", "1 more tangled-conversation handoff"),
                ReplaySummary.reasons(List.of(
                        new ReplayReport.Delta("nonlinear", 0, 1),
                        new ReplayReport.Delta("urgency", 5, 3),
                        new ReplayReport.Delta("anger", 4, 10),
                        new ReplayReport.Delta("crisis", 2, 2),
                        new ReplayReport.Delta("out_of_scope", 7, 8)), CUES));
    }
}
