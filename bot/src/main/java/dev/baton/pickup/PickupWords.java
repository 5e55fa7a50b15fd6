package dev.baton.pickup;

import java.time.Duration;

/** Durations in the words of the timeline and the staff notices. */
final class PickupWords {

    private PickupWords() {
    }

    /** How long someone has waited, to the minute, for staff: "15 minutes", "1 hour 30 minutes", "26 hours". */
    static String waited(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) {
            return "under a minute";
        }
        long hours = minutes / 60;
        String rest = minutes % 60 == 0 ? "" : plural(minutes % 60, "minute");
        if (hours == 0) {
            return rest;
        }
        return plural(hours, "hour") + (rest.isEmpty() || hours >= 24 ? "" : " " + rest);
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** A deadline as {@code rules.yaml} writes it ("15m", "1h30m", "90s" as "1m30s"), to match the file. */
    static String written(Duration duration) {
        long seconds = duration.toSeconds();
        StringBuilder out = new StringBuilder();
        if (seconds >= 3600) {
            out.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            out.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0 || out.isEmpty()) {
            out.append(seconds % 60).append('s');
        }
        return out.toString();
    }
}
