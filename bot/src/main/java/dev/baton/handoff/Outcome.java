package dev.baton.handoff;

import java.util.Locale;

/** How a resolved handoff ended. */
public enum Outcome {
    SOLVED, NOT_SOLVABLE, NO_RESPONSE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
