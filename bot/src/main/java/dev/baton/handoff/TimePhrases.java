package dev.baton.handoff;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Times as a person would say them. Rounded on purpose: "about 10 minutes" is a promise a team can
 * keep, "7 minutes 40 seconds" is not.
 */
final class TimePhrases {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private TimePhrases() {
    }

    /** "a minute or two", "about 5 minutes", "about 25 minutes", "about an hour", "about 3 hours", "about 2 days". */
    static String wait(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long minutes = Math.round(seconds / 60.0);
        if (seconds < 90) {
            return "a minute or two";
        }
        if (minutes < 10) {
            return "about " + minutes + " minutes";
        }
        if (minutes < 55) {
            return "about " + Math.round(minutes / 5.0) * 5 + " minutes";
        }
        if (minutes < 90) {
            return "about an hour";
        }
        long hours = Math.round(minutes / 60.0);
        if (hours < 24) {
            return "about " + hours + " hours";
        }
        long days = Math.round(hours / 24.0);
        return days == 1 ? "about a day" : "about " + days + " days";
    }

    /**
     * When someone away is back, in their own zone, relative to {@code now}: "at 09:00 (Europe/London),
     * in about 3 hours", "tomorrow at 09:00 (Europe/London), in about 16 hours", "on Monday at 09:00
     * (Europe/London)", "on 14 March at 09:00 (Europe/London)". Today and tomorrow are counted in the
     * zone shown, so the words and the clock time agree; the "in about" part settles it for a customer
     * elsewhere.
     */
    static String when(ZonedDateTime at, ZonedDateTime now) {
        Duration until = Duration.between(now, at);
        if (until.isNegative() || until.isZero()) {
            return "shortly";
        }
        long days = ChronoUnit.DAYS.between(now.withZoneSameInstant(at.getZone()).toLocalDate(), at.toLocalDate());
        String clock = "at " + at.format(CLOCK) + " (" + zoneName(at) + ")";
        String day;
        if (days == 0) {
            day = clock;
        } else if (days == 1) {
            day = "tomorrow " + clock;
        } else if (days < 7) {
            day = "on " + at.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + clock;
        } else {
            day = "on " + at.format(DATE) + " " + clock;
        }
        return until.compareTo(Duration.ofHours(24)) < 0 ? day + ", in " + wait(until) : day;
    }

    private static String zoneName(ZonedDateTime at) {
        return at.getZone().equals(ZoneOffset.UTC) ? "UTC" : at.getZone().getId();
    }
}
