package dev.baton.replay;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.store.StoreException;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the cues stored with a decision ({@code decisions.cues}) back into the engine's {@link Cue}s,
 * so a replay applies other settings to the same evidence without running the detectors again.
 */
final class StoredCues {

    /**
     * How {@code TriageEngine.verdict} words the out-of-scope cue it adds itself when no entry is sure
     * enough. That cue is a conclusion, not evidence: replayed under a lower answer threshold it must not
     * hand off again, so it is dropped here and the verdict adds it anew when it still applies.
     */
    static final String VERDICTS_OWN_SCOPE_CUE = "no entry covers it; closest is ";


    private StoredCues() {
    }

    /** The stored cues, minus the verdict's own out-of-scope cue; kinds this version does not know are skipped. */
    static List<Cue> parse(String json) {
        JsonNode array;
        try {
            array = JSON.readTree(json == null ? "[]" : json);
        } catch (IOException e) {
            throw new StoreException("a stored decision has cues that are not valid JSON: " + e.getMessage(), e);
        }
        List<Cue> cues = new ArrayList<>();
        for (JsonNode node : array) {
            CueKind kind = kind(node.path("kind").asText(""));
            String evidence = node.path("evidence").asText("");
            if (kind == null || (kind == CueKind.OUT_OF_SCOPE && evidence.startsWith(VERDICTS_OWN_SCOPE_CUE))) {
                continue;
            }
            double score = Math.max(0, Math.min(1, node.path("score").asDouble(0)));
            cues.add(new Cue(kind, score, node.path("message").asInt(-1), evidence));
        }
        return cues;
    }

    private static CueKind kind(String wire) {
        for (CueKind kind : CueKind.values()) {
            if (kind.wireName().equals(wire)) {
                return kind;
            }
        }
        return null;
    }
}
