package dev.baton.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.api.ReplayReport;
import dev.baton.console.api.ReplayReport.Changed;
import dev.baton.console.api.ReplayReport.Delta;
import dev.baton.console.api.ReplayReport.Side;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplaySentenceTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    private static Side side(int handoffs, Map<String, Integer> byPerson) {
        return new Side(handoffs, 10 - handoffs, byPerson, Map.of(), Map.of());
    }

    private static Changed changed(String change) {
        return new Changed(1, null, AT, "Ann", change, "…", "…");
    }

    private static Map<String, Integer> people(Object... nameAndCount) {
        Map<String, Integer> people = new LinkedHashMap<>();
        for (int i = 0; i < nameAndCount.length; i += 2) {
            people.put((String) nameAndCount[i], (Integer) nameAndCount[i + 1]);
        }
        return people;
    }

    @Test
    void nothingStoredInThePeriodSaysSo() {
        ReplayReport empty = new ReplayReport(AT, AT.plusSeconds(60), 0, side(0, Map.of()), side(0, Map.of()),
                List.of(), List.of(), 1);

        assertEquals("No stored conversations last week to replay.", ReplaySentence.sentence(empty, "last week"));
    }

    @Test
    void namesThreePeopleAndSumsUpTheRestUnlessOnlyOneIsLeft() {
        Map<String, Integer> five = people("Alex", 5, "Dana", 4, "Sam", 3, "Priya", 2, "Mei", 1);
        Map<String, Integer> four = people("Alex", 5, "Dana", 4, "Sam", 3, "Priya", 2);

        assertEquals("15 handoffs last week: 5 to Alex, 4 to Dana, 3 to Sam, 3 to 2 others; the draft changes nothing.",
                ReplaySentence.sentence(new ReplayReport(AT, AT, 10, side(15, five), side(15, five), List.of(),
                        List.of(), 1), "last week"));
        assertEquals("14 handoffs last week: 5 to Alex, 4 to Dana, 3 to Sam, 2 to Priya; the draft changes nothing.",
                ReplaySentence.sentence(new ReplayReport(AT, AT, 10, side(14, four), side(14, four), List.of(),
                        List.of(), 1), "last week"));
    }

    @Test
    void saysHowTheDraftDiffersTheBiggestChangesFirst() {
        ReplayReport report = new ReplayReport(AT, AT, 10, side(3, people("Sam", 3)), side(1, people("Sam", 1)),
                List.of(new Delta("anger", 1, 0), new Delta("sadness_grief", 2, 0), new Delta("urgency", 0, 1)),
                List.of(changed("lost"), changed("lost"), changed("gained"), changed("rerouted")), 1);

        assertEquals("1 handoff last week: 1 to Sam; 2 fewer than live: 2 fewer grief handoffs, 1 fewer anger handoff,"
                + " 1 more urgency handoff; 1 goes to someone else.", ReplaySentence.sentence(report, "last week"));
    }
}
