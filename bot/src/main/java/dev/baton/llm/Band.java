package dev.baton.llm;

import dev.baton.knowledge.Match;
import dev.baton.triage.Conversation;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.TriageEngine;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the offline engine is unsure enough to ask a model, and about what. Pure.
 *
 * <p>Never when Baton hands off: a cue fired, or no entry comes within {@code band} of answering. That
 * customer needs a person and is handed off at once, without waiting on a model, and a model can never talk
 * Baton out of it. Otherwise the engine is unsure when the answer confidence is within {@code band} of
 * {@code answer_confidence} (on either side), or an enabled cue scored within {@code band} below its
 * threshold. The model may then confirm or overturn the answer, or
 * raise one of those cues, and only those (see {@link Opinion}).
 */
public final class Band {

    /**
     * @param answerUnsure whether the answer/abstain decision is close
     * @param unsureCues   cues close to firing, which the model is asked about
     */
    public record Question(Conversation conversation, Decision offline, Match nearest, CueSettings settings,
                           boolean answerUnsure, Set<CueKind> unsureCues) {

        public Question {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(offline, "offline");
            Objects.requireNonNull(nearest, "nearest");
            Objects.requireNonNull(settings, "settings");
            unsureCues = unsureCues.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(unsureCues));
        }
    }

    private Band() {
    }

    public static Optional<Question> of(Conversation conversation, Decision offline, Match nearest, CueSettings settings,
                                        double answerConfidence, double band) {
        boolean answerUnsure = Math.abs(nearest.confidence() - answerConfidence) < band;
        Map<CueKind, Double> combined = TriageEngine.combine(offline.cues());
        if (offline instanceof Decision.Handoff && (!answerUnsure || aNeedFired(combined, settings))) {
            // A person is needed (or no entry comes near): hand off now, whatever a model might add. A feeling only
            // noticed, named first in an out-of-scope handoff, did not fire: the entry is what is in doubt there.
            return Optional.empty();
        }
        Set<CueKind> unsure = EnumSet.noneOf(CueKind.class);
        for (CueKind kind : CueKind.values()) {
            var setting = settings.of(kind);
            double score = combined.getOrDefault(kind, 0.0);
            if (Prompts.isNeed(kind) && setting.enabled() && !setting.fires(score) && score > 0
                    && setting.firesAt() - score < band) {
                unsure.add(kind);
            }
        }
        if (!answerUnsure && unsure.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Question(conversation, offline, nearest, settings, answerUnsure, unsure));
    }

    /** Whether a cue other than out of scope reached its threshold. */
    private static boolean aNeedFired(Map<CueKind, Double> combined, CueSettings settings) {
        return TriageEngine.fired(combined, settings).stream().anyMatch(kind -> kind != CueKind.OUT_OF_SCOPE);
    }
}
