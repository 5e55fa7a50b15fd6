package dev.baton.rules;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the short durations of {@code rules.yaml}: {@code 90s}, {@code 10m}, {@code 2h}, {@code 1h30m},
 * {@code 1d}. Units go from largest to smallest, each at most once, so {@code 30m1h} is a mistake
 * rather than a riddle. Zero is refused: a deadline of nothing would fire on every handoff at once.
 */
public final class DurationSyntax {

    public static final String FORM = "write a duration as a number and a unit: `90s`, `10m`, `2h` or `1h30m`"
            + " (d = days, h = hours, m = minutes, s = seconds)";

    private static final Pattern DURATION =
            Pattern.compile("(?:(?<d>\\d+)d)?(?:(?<h>\\d+)h)?(?:(?<m>\\d+)m)?(?:(?<s>\\d+)s)?");
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+");
    /** A pickup deadline longer than this is a typo (minutes written as hours), not a plan. */
    static final Duration LONGEST = Duration.ofDays(30);

    private DurationSyntax() {
    }

    /** @throws IllegalArgumentException saying what is wrong, written for the file's editor */
    public static Duration parse(String text) {
        String compact = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (BARE_NUMBER.matcher(compact).matches()) {
            throw new IllegalArgumentException("`" + text + "` has no unit: write `" + compact + "m` for minutes or `"
                    + compact + "s` for seconds");
        }
        Matcher matcher = DURATION.matcher(compact);
        if (compact.isEmpty() || !matcher.matches()) {
            throw new IllegalArgumentException("`" + text + "` is not a duration: " + FORM);
        }
        // Six digits of any unit is already past the 30-day limit, and keeps the arithmetic far from overflow.
        for (String unit : List.of("d", "h", "m", "s")) {
            if (matcher.group(unit) != null && matcher.group(unit).length() > 6) {
                throw tooLong(text);
            }
        }
        Duration duration = Duration.ofDays(number(matcher, "d")).plusHours(number(matcher, "h"))
                .plusMinutes(number(matcher, "m")).plusSeconds(number(matcher, "s"));
        if (duration.isZero()) {
            throw new IllegalArgumentException("`" + text + "` is no time at all; a deadline must be at least `1s`");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw tooLong(text);
        }
        return duration;
    }

    /** The shortest way to write {@code duration} in the same syntax, e.g. {@code 1h30m}; "0s" for zero. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDaysPart(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        return text.toString();
    }

    private static long number(Matcher matcher, String group) {
        String digits = matcher.group(group);
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException("`" + text + "` is longer than 30 days; a pickup deadline that far away"
                + " never helps anyone");
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
