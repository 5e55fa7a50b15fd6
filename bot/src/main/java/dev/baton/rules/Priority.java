package dev.baton.rules;

import java.util.Locale;

/** How soon a handoff must be picked up; each has its own pickup deadlines in {@code rules.yaml}. */
public enum Priority {
    URGENT, HIGH, NORMAL, LOW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority fromWire(String value) {
        for (Priority priority : values()) {
            if (priority.wireName().equals(value)) {
                return priority;
            }
        }
        throw new IllegalArgumentException("unknown priority \"" + value + "\"");
    }
}
