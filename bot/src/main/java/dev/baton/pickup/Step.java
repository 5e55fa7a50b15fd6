package dev.baton.pickup;

import dev.baton.rules.Deadlines;
import java.time.Duration;
import java.util.Set;

/**
 * What Baton does when a handoff waits too long for someone to pick it up, in the order it happens.
 * Each step is recorded as a handoff event row of its own kind, which is what makes it happen once.
 */
public enum Step {

    /** Mention the person it is with, in the conversation. Event kind {@code reminded}. */
    REMIND("reminded"),
    /**
     * Hand it to the next eligible person and tell the customer. Event kind {@code rerouted} (a move to
     * {@code transferred}), or {@code not_rerouted} when nobody else could take it.
     */
    REROUTE("rerouted"),
    /** Mention a Discord role (e.g. the moderators) and tell the customer more help is coming. Event kind {@code escalated}. */
    ESCALATE("escalated");

    /** The event kind written when a re-route was due but there was nobody else to give it to. */
    public static final String NOT_REROUTED = "not_rerouted";

    private final String eventKind;

    Step(String eventKind) {
        this.eventKind = eventKind;
    }

    /** The kind of the event row that records this step. */
    public String eventKind() {
        return eventKind;
    }

    /** The event kinds that show this step was taken (a re-route that found nobody still counts as taken). */
    Set<String> doneKinds() {
        return this == REROUTE ? Set.of(eventKind, NOT_REROUTED) : Set.of(eventKind);
    }

    /** How long after pickup deadlines start counting this step is due; null when it is not configured. */
    public Duration after(Deadlines deadlines) {
        return switch (this) {
            case REMIND -> deadlines.remind();
            case REROUTE -> deadlines.reroute();
            case ESCALATE -> deadlines.escalate();
        };
    }

    /** The name of this step's deadline in {@code rules.yaml}. */
    public String ruleKey() {
        return switch (this) {
            case REMIND -> "remind";
            case REROUTE -> "reroute";
            case ESCALATE -> "escalate";
        };
    }
}
