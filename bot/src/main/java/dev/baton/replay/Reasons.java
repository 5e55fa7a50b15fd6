package dev.baton.replay;

import dev.baton.triage.CueKind;
import java.util.Locale;

/** A handoff reason in a few plain words, as the console labels it (grief, asked for a person, …). */
public final class Reasons {

    private Reasons() {
    }

    public static String label(CueKind kind) {
        return kind.label();
    }

    /** The label of a stored wire name such as {@code sadness_grief}; unknown names are shown as written. */
    public static String label(String wireName) {
        for (CueKind kind : CueKind.values()) {
            if (kind.wireName().equals(wireName)) {
                return label(kind);
            }
        }
        return wireName.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
