package dev.baton.rules;

import dev.baton.triage.CueKind;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code rules.yaml}'s {@code aftercare:} says: when a person resolves a handoff, what Baton posts in
 * the conversation for each cue, and how long the customer's buttons take an answer.
 *
 * @param expiresAfter how long after the prompt its buttons take an answer
 * @param perCue       what to post when the cue is among the handoff's reasons; a cue left out asks for a rating
 */
public record AfterCareRules(Duration expiresAfter, Map<CueKind, Ask> perCue) {

    /** Buttons take answers for three days unless {@code expires_after} says otherwise. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(3);

    /** Without an {@code aftercare:} section: never after crisis, only a kind closing line for grief, else a rating. */
    public static final AfterCareRules DEFAULTS = new AfterCareRules(DEFAULT_EXPIRY,
            Map.of(CueKind.CRISIS, Ask.NONE, CueKind.SADNESS_GRIEF, Ask.CLOSING_LINE));

    /** What Baton posts for a cue, from the most to the least it asks of the customer. */
    public enum Ask {
        /** "Did this help?" with 👍 / 👎 buttons. */
        RATING("rating"),
        /** A kind line without buttons: nothing is asked. */
        CLOSING_LINE("closing_line"),
        /** Nothing at all. */
        NONE("none");

        private final String wireName;

        Ask(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** The one that asks less of the customer: a grief reason quiets a rating, a crisis everything. */
        public Ask gentlest(Ask other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    public AfterCareRules {
        Objects.requireNonNull(expiresAfter, "expiresAfter");
        if (expiresAfter.isNegative() || expiresAfter.isZero()) {
            throw new IllegalArgumentException("expiresAfter must be positive: " + expiresAfter);
        }
        EnumMap<CueKind, Ask> copy = new EnumMap<>(CueKind.class);
        copy.putAll(perCue);
        perCue = Collections.unmodifiableMap(copy);
    }

    /** What to post when {@code cue} is a reason for the handoff. */
    public Ask ask(CueKind cue) {
        return perCue.getOrDefault(cue, Ask.RATING);
    }
}
