package dev.baton.triage;

import java.util.Locale;

/** Who wrote a message in a conversation. */
public enum Author {
    CUSTOMER, BOT, STAFF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire name ("customer", "bot", "staff"); throws with the accepted values otherwise. */
    public static Author fromWire(String value) {
        for (Author author : values()) {
            if (author.wireName().equals(value)) {
                return author;
            }
        }
        throw new IllegalArgumentException("unknown author \"" + value + "\" (expected customer, bot or staff)");
    }
}
