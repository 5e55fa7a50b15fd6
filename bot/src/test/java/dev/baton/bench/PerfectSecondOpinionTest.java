package dev.baton.bench;

import static dev.baton.bench.Evidence.CONVERSATION;
import static dev.baton.bench.Evidence.answer;
import static dev.baton.bench.Evidence.handoff;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import dev.baton.triage.TriageEngine;
import org.junit.jupiter.api.Test;

class PerfectSecondOpinionTest {

    private static final double ANSWER_AT = 0.7;

    private final PerfectSecondOpinion model = new PerfectSecondOpinion(CueSettings.standard(), ANSWER_AT);

    @Test
    void aRightEntryJustUnderTheThresholdIsAnsweredOnceTheModelIsAsked() {
        model.add(answer("refunds"), CONVERSATION, assessment("refunds", 0.65));

        assertEquals(new Ratio(1, 1), model.at(0).answers().coverage());
    }

    @Test
    void aWrongAnswerWithinTheBandIsTurnedIntoAHandoff() {
        model.add(handoff("out_of_scope"), CONVERSATION, assessment("refunds", 0.75));

        assertEquals(new Ratio(0, 0), model.at(0).answers().precision());
        assertEquals(new Ratio(1, 1), model.at(0).handoffRecall());
    }

    @Test
    void aFeelingJustUnderItsThresholdIsRaisedInTheCustomersOwnWords() {
        Cue anger = new Cue(CueKind.ANGER, 0.45, 0, "\"money back\"");

        model.add(handoff("anger"), CONVERSATION, assessment("refunds", 0.95, anger));

        assertEquals(new Ratio(1, 1), model.at(0).handoffRecall());
    }

    @Test
    void anEntryFarFromTheThresholdIsNotAskedAboutInAnyBand() {
        model.add(answer("refunds"), CONVERSATION, assessment("refunds", 0.3));

        for (int i = 0; i < PerfectSecondOpinion.BANDS.length; i++) {
            assertEquals(new Ratio(0, 1), model.at(i).answers().coverage());
        }
    }

    @Test
    void aWiderBandAsksAboutMore() {
        model.add(answer("refunds"), CONVERSATION, assessment("refunds", 0.45));

        assertEquals(new Ratio(0, 1), model.at(0).answers().coverage());
        assertEquals(new Ratio(1, 1), model.at(PerfectSecondOpinion.BANDS.length - 1).answers().coverage());
    }

    private static TriageEngine.Assessment assessment(String nearest, double confidence, Cue... cues) {
        return Evidence.assessment(nearest, confidence, ANSWER_AT, cues);
    }
}
