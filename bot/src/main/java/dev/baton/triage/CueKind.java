package dev.baton.triage;

import java.util.Locale;

/**
 * Why a conversation goes to a person. The order is the priority when several apply: crisis first,
 * then the feelings, then the shape of the conversation, then plain coverage.
 */
public enum CueKind {
    CRISIS, ANGER, SADNESS_GRIEF, ANXIETY, URGENCY, FRUSTRATION, HUMAN_REQUEST, NONLINEAR, OUT_OF_SCOPE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CueKind fromWire(String value) {
        for (CueKind kind : values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown cue \"" + value + "\"");
    }

}
