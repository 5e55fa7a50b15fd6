package dev.baton.handoff;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What a handoff notice tells the customer: who is coming and when.
 *
 * @param personName    the person's display name, as the customer will see them in the channel
 * @param team          the person's team ("billing"), or null when there is none to name
 * @param mention       a Discord mention such as {@code <@123>}, or null; templates fall back to the name
 * @param onShift       whether the person is working now
 * @param typicalPickup how long the person usually takes to join once working
 * @param availableAt   when the person is next working, in their own zone; required when not on shift
 * @param now           the moment the notice is sent, the reference for "tomorrow" and "in about 3 hours"
 */
public record NoticeFacts(String personName, String team, String mention, boolean onShift, Duration typicalPickup,
                          ZonedDateTime availableAt, ZonedDateTime now) {

    public NoticeFacts {
        requireText(personName, "personName");
        requireTextOrNull(team, "team");
        requireTextOrNull(mention, "mention");
        Objects.requireNonNull(typicalPickup, "typicalPickup");
        Objects.requireNonNull(now, "now");
        if (typicalPickup.isNegative()) {
            throw new IllegalArgumentException("typicalPickup must not be negative, was " + typicalPickup);
        }
        if (!onShift && availableAt == null) {
            // Telling a customer someone is away without saying until when leaves them waiting blind.
            throw new IllegalArgumentException("availableAt is required when the person is not on shift");
        }
    }

    /** Someone working now. */
    public static NoticeFacts onShift(String personName, String team, Duration typicalPickup, ZonedDateTime now) {
        return new NoticeFacts(personName, team, null, true, typicalPickup, null, now);
    }

    /** Someone away until {@code availableAt}. */
    public static NoticeFacts offShift(String personName, String team, Duration typicalPickup,
                                       ZonedDateTime availableAt, ZonedDateTime now) {
        return new NoticeFacts(personName, team, null, false, typicalPickup, availableAt, now);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    // Blank is a caller's mistake, not "no team": it would render as "from " with nothing after it.
    private static void requireTextOrNull(String value, String name) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " must be null or text, was blank");
        }
    }
}
