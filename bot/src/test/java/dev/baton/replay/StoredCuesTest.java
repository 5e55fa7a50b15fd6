package dev.baton.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.store.StoreException;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.TriageEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredCuesTest {

    @Test
    void readsEveryScoredCueBackWithItsEvidence() {
        List<Cue> cues = StoredCues.parse("[{\"kind\":\"anger\",\"score\":0.71,\"message\":2,\"evidence\":\"\\\"scam\\\"\"},"
                + "{\"kind\":\"urgency\",\"score\":0.1,\"message\":0,\"evidence\":\"asap\"}]");

        assertEquals(List.of(new Cue(CueKind.ANGER, 0.71, 2, "\"scam\""), new Cue(CueKind.URGENCY, 0.1, 0, "asap")), cues);
    }

    @Test
    void dropsTheOutOfScopeCueTheVerdictAddedButKeepsOutOfScopeEvidenceFromTheDetectors() {
        // What the verdict adds when nothing is sure enough: a conclusion, to be drawn again under other settings.
        KnowledgeEntry refunds = new KnowledgeEntry("refunds", null, List.of("refund?"), "…", null);
        Decision.Handoff scope = (Decision.Handoff) TriageEngine.verdict(List.of(), new Match(refunds, 0.3, "refund?"), 0,
                CueSettings.standard(), 0.5);
        Cue added = scope.cues().get(0);
        String stored = "[{\"kind\":\"out_of_scope\",\"score\":0.7,\"message\":0,\"evidence\":\"" + added.evidence()
                .replace("\"", "\\\"") + "\"},{\"kind\":\"out_of_scope\",\"score\":0.6,\"message\":0,"
                + "\"evidence\":\"troubleshooting: \\\"error code\\\"\"}]";

        assertEquals(List.of(new Cue(CueKind.OUT_OF_SCOPE, 0.6, 0, "troubleshooting: \"error code\"")),
                StoredCues.parse(stored));
    }

    @Test
    void skipsKindsThisVersionDoesNotKnowAndReadsNothingAsNoCues() {
        assertEquals(List.of(), StoredCues.parse("[{\"kind\":\"sarcasm\",\"score\":0.9,\"message\":0,\"evidence\":\"\"}]"));
        assertEquals(List.of(), StoredCues.parse(null));
    }

    @Test
    void garbledCuesAreAStoreError() {
        assertThrows(StoreException.class, () -> StoredCues.parse("[{"));
    }
}
