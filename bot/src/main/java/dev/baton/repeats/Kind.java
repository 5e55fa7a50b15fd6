package dev.baton.repeats;

import java.util.Locale;

/** Which way the customer had to repeat themselves; the wire names are those of {@code repeat_checks.kind}. */
public enum Kind {
    /** After pickup the customer said again, in other words, what they had told Baton before. */
    CUSTOMER_RESTATED,
    /** After pickup a person asked for something the customer had already given. */
    STAFF_REASKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire name; throws with the accepted values otherwise. */
    public static Kind fromWire(String value) {
        for (Kind kind : values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind \"" + value + "\" (expected customer_restated or staff_reasked)");
    }
}
