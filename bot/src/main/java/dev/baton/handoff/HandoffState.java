package dev.baton.handoff;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a handoff is in its life. Waiting for the routed person, claimed by someone, transferred
 * (waiting for the person it was passed to), resolved. A resolved handoff can be reopened.
 */
public enum HandoffState {
    WAITING, CLAIMED, TRANSFERRED, RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HandoffState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isOpen() {
        return this != RESOLVED;
    }

    /** The allowed moves; anything else is a mistake (two people acting on stale pages, say). */
    public Set<HandoffState> next() {
        return switch (this) {
            case WAITING, TRANSFERRED -> EnumSet.of(CLAIMED, TRANSFERRED, RESOLVED);
            case CLAIMED -> EnumSet.of(TRANSFERRED, RESOLVED);
            case RESOLVED -> EnumSet.of(WAITING);
        };
    }

    public boolean canMoveTo(HandoffState target) {
        return next().contains(target);
    }
}
