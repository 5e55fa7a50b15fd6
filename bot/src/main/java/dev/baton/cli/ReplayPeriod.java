package dev.baton.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a replay covers, from the command line: {@code --since 7d} (up to now), or {@code --from} and
 * optionally {@code --to} as dates ({@code 2026-11-01}, midnight UTC), UTC times ({@code 2026-11-01T09:30})
 * or instants with an offset ({@code 2026-11-01T09:30:00+01:00}). The end is exclusive, so
 * {@code --from 2026-11-01 --to 2026-11-08} is exactly one week.
 *
 * @param words how the period reads in a sentence, e.g. "in the last 7 days"
 */
record ReplayPeriod(Instant from, Instant to, String words) {

    static final String DEFAULT_SINCE = "7d";

    private static final Pattern SINCE = Pattern.compile("(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final String[] UNITS = {"week", "day", "hour", "minute", "second"};
    private static final Duration[] LENGTHS = {Duration.ofDays(7), Duration.ofDays(1), Duration.ofHours(1),
            Duration.ofMinutes(1), Duration.ofSeconds(1)};
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static ReplayPeriod parse(Options options, Clock clock) {
        boolean since = options.has("--since");
        boolean from = options.has("--from");
        if (since && (from || options.has("--to"))) {
            throw new UsageException("give either --since or --from (and --to), not both");
        }
        if (options.has("--to") && !from) {
            throw new UsageException("--to needs --from");
        }
        Instant now = clock.instant();
        if (from) {
            Instant start = instant("--from", options.string("--from", null));
            String toText = options.string("--to", null);
            Instant end = toText == null ? now : instant("--to", toText);
            if (!start.isBefore(end)) {
                throw new UsageException("--from must be before " + (toText == null ? "now" : "--to"));
            }
            return new ReplayPeriod(start, end, "from " + SHOWN.format(start) + " to " + SHOWN.format(end) + " UTC");
        }
        String text = options.string("--since", DEFAULT_SINCE);
        Matcher m = SINCE.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new UsageException("--since takes a length such as 7d, 24h, 90m or 1w2d, not \"" + text + "\"");
        }
        Duration length = Duration.ZERO;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < UNITS.length; i++) {
            if (m.group(i + 1) != null) {
                long n = Long.parseLong(m.group(i + 1));
                length = length.plus(LENGTHS[i].multipliedBy(n));
                words.add(n + " " + UNITS[i] + (n == 1 ? "" : "s"));
            }
        }
        if (length.isZero()) {
            throw new UsageException("--since must be longer than nothing, was \"" + text + "\"");
        }
        return new ReplayPeriod(now.minus(length), now, "in the last " + String.join(" ", words));
    }

    private static Instant instant(String option, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " takes a date such as 2026-11-01, a UTC time such as 2026-11-01T09:30"
                    + " or an instant such as 2026-11-01T09:30:00+01:00, not \"" + text + "\"");
        }
    }
}
