package dev.baton.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the care figures need to know about one (non-practice) handoff, read in one pass.
 *
 * @param person         who it counts for: the roster id after-care names as having resolved it, else its
 *                       assignee
 * @param firstReplyAt   the first staff message in its conversation at or after creation (before any later
 *                       handoff of that conversation); null when nobody wrote
 * @param resolvedAt     its first {@code resolved} event; null while never resolved
 * @param aftercare      {@code rating}, {@code closing_line}, or null when Baton asked nothing (or its question
 *                       never reached Discord: a prompt nobody saw is not a prompt unanswered)
 * @param verdict        {@code up}, {@code down}, or null when not answered
 * @param commented      whether the customer added a comment
 * @param checked        whether it was checked for a repeat
 * @param repeat         the repeat found ({@code customer_restated}, {@code staff_reasked}), or null
 * @param afterBotAnswer whether Baton had answered in its conversation (a decision with verdict answer)
 *                       before it was created
 */
record CareFacts(long id, String rule, String reason, String person, String customerName, Instant createdAt,
                 Instant firstReplyAt, Instant resolvedAt, String aftercare, String verdict, boolean commented,
                 boolean checked, String repeat, boolean afterBotAnswer) {

    static final String RATING = "rating";

    CareFacts {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    boolean asked() {
        return RATING.equals(aftercare);
    }

    boolean answered() {
        return asked() && verdict != null;
    }

    boolean up() {
        return answered() && verdict.equals("up");
    }

    boolean down() {
        return answered() && verdict.equals("down");
    }

    /** Whole seconds from creation to {@code at}, rounded to the nearest; null when it never happened. */
    Long secsTo(Instant at) {
        if (at == null) {
            return null;
        }
        long millis = Math.max(0, Duration.between(createdAt, at).toMillis());
        return (millis + 500) / 1000;
    }
}
