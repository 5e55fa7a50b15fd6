package dev.baton.bench;

import static dev.baton.text.Jackson.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.triage.Conversation;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerfectSecondOpinionTest {

    private static final double ANSWER_AT = 0.7;
    private static final Conversation CONVERSATION = Conversation.of(Message.customer("can i get my money back"));

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

    private static JsonNode answer(String entry) {
        return JSON.createObjectNode().put("action", "answer").put("entry", entry);
    }

    private static JsonNode handoff(String reason) {
        var expect = JSON.createObjectNode().put("action", "handoff");
        expect.putArray("reasons").add(reason);
        return expect;
    }

    /** The engine's evidence and its own verdict on the conversation's one message. */
    private static TriageEngine.Assessment assessment(String nearest, double confidence, Cue... cues) {
        KnowledgeEntry entry = new KnowledgeEntry(nearest, "billing", List.of("a question about " + nearest),
                "An answer about " + nearest + ".", null);
        Match match = new Match(entry, confidence, entry.questions().get(0));
        Decision decision = TriageEngine.verdict(List.of(cues), match, CONVERSATION.focus(), CueSettings.standard(),
                ANSWER_AT);
        return new TriageEngine.Assessment(decision, match, 0, List.of(cues), CONVERSATION.focus());
    }
}
