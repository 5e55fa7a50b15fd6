package dev.baton.health;

import dev.baton.feedback.FeedbackKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the health numbers need to know about one (non-practice) handoff, read in one pass.
 *
 * @param assigneeId     the roster id it is with now (after any re-route or transfer)
 * @param pickedUpAt     the first claim or first staff reply after it was created, whichever came first;
 *                       null when nobody picked it up
 * @param pickedUpBy     who did: a roster id (a claim) or a Discord user id (a staff reply); null if nobody
 * @param pickedUpByName the name stored with a staff reply, for someone since taken off the roster; may be null
 * @param breached       whether a pickup deadline passed (reminded, re-routed or escalated), once per handoff
 * @param feedback       the kinds of feedback anyone gave on it
 */
record HandoffFacts(long id, String rule, String reason, String assigneeId, Instant createdAt, Instant pickedUpAt,
                    String pickedUpBy, String pickedUpByName, boolean breached, Set<FeedbackKind> feedback) {

    HandoffFacts {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(assigneeId, "assigneeId");
        Objects.requireNonNull(createdAt, "createdAt");
        feedback = Set.copyOf(feedback);
    }

    /** Whole seconds from handoff to pickup, rounded to the nearest; null when not picked up. */
    Long pickupSecs() {
        if (pickedUpAt == null) {
            return null;
        }
        long millis = Math.max(0, Duration.between(createdAt, pickedUpAt).toMillis());
        return (millis + 500) / 1000;
    }

    boolean marked(FeedbackKind kind) {
        return feedback.contains(kind);
    }
}
