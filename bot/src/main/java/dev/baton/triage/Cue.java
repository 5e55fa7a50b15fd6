package dev.baton.triage;

import java.util.Objects;

/**
 * A signal that a person is needed, with its evidence: the index of the message it was found in and
 * the quoted words (or a description of the signal, such as a repeated question).
 */
public record Cue(CueKind kind, double score, int message, String evidence) {

    public Cue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(evidence, "evidence");
        if (score < 0 || score > 1) {
            throw new IllegalArgumentException("cue score must be within [0, 1], was " + score);
        }
    }
}
