package dev.baton.bench;

import static dev.baton.bench.Evidence.answer;
import static dev.baton.bench.Evidence.handoff;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import dev.baton.triage.TriageEngine;
import org.junit.jupiter.api.Test;

class WhereAnswersGoTest {

    private final WhereAnswersGo where = new WhereAnswersGo(CueSettings.standard());

    @Test
    void aSureRightEntryIsAnsweredUpToItsConfidenceAndNoHigher() {
        where.add(answer("refunds"), assessment("refunds", 0.75));

        assertEquals(new Ratio(1, 1), where.at(index(0.7)).coverage());
        assertEquals(new Ratio(0, 1), where.at(index(0.8)).coverage());
        assertEquals(1, where.rightOnTop());
    }

    @Test
    void aCueThatHandsOffWhateverTheMatchIsCountedAsOutOfEveryThresholdsReach() {
        Cue anger = new Cue(CueKind.ANGER, 0.9, 0, "\"this is a joke\"");

        where.add(answer("refunds"), assessment("refunds", 0.99, anger));

        assertEquals(1, where.cueHandsOff());
        assertEquals(0, where.rightOnTop());
        assertEquals(new Ratio(0, 0), where.at(index(0.5)).precision());
    }

    @Test
    void aWrongEntryOnTopIsNeitherRightOnTopNorARightAnswerAtAnyThreshold() {
        where.add(answer("refunds"), assessment("shipping", 0.95));

        assertEquals(0, where.rightOnTop());
        assertEquals(0, where.cueHandsOff());
        assertEquals(new Ratio(0, 1), where.at(index(0.9)).precision());
    }

    @Test
    void precisionAtEachThresholdCountsTheHandoffCasesItWouldAnswer() {
        where.add(answer("refunds"), assessment("refunds", 0.75));
        where.add(answer("refunds"), assessment("shipping", 0.95));
        where.add(handoff("out_of_scope"), assessment("refunds", 0.65));

        assertEquals(new Ratio(1, 3), where.at(index(0.5)).precision());
        assertEquals(new Ratio(1, 2), where.at(index(0.7)).precision());
        assertEquals(new Ratio(0, 1), where.at(index(0.9)).precision());
        assertEquals(new Ratio(1, 2), where.at(index(0.5)).coverage());
        assertEquals(2, where.answerCases());
    }

    private static int index(double threshold) {
        for (int i = 0; i < WhereAnswersGo.THRESHOLDS.length; i++) {
            if (WhereAnswersGo.THRESHOLDS[i] == threshold) {
                return i;
            }
        }
        throw new IllegalArgumentException("no threshold " + threshold);
    }

    private static TriageEngine.Assessment assessment(String nearest, double confidence, Cue... cues) {
        return Evidence.assessment(nearest, confidence, 0.7, cues);
    }
}
