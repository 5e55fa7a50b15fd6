package dev.baton.console.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stretch of time for replay and rules health: either the last {@code since} ({@code 24h},
 * {@code 7d}, {@code 30d}, {@code 2w}) or {@code from} and {@code to}, each a date ({@code 2026-11-01},
 * a whole UTC day, {@code to} included) or an ISO instant. Pure: the caller passes now.
 *
 * @param from  inclusive
 * @param to    exclusive
 * @param label how a sentence names it: "in the last 7 days", "from 2026-11-01 to 2026-11-14"
 */
public record Period(Instant from, Instant to, String label) {

    /** Longer periods are refused: a year of conversations is already far more than anyone reads. */
    public static final Duration LONGEST = Duration.ofDays(366);

    private static final Pattern SINCE = Pattern.compile("(\\d{1,4})\\s*([hdw])");

    /**
     * @param since       e.g. {@code 7d}; used when neither {@code from} nor {@code to} is given
     * @param fallback    the {@code since} to use when nothing is given
     * @throws ApiError 400 naming the field that is wrong
     */
    /** The period a request's {@code since}, {@code from} and {@code to} name, 30 days back when none is given. */
    public static Period of(Context ctx, Clock clock) {
        return parse(ctx.queryParam("since"), ctx.queryParam("from"), ctx.queryParam("to"), clock.instant(), "30d");
    }

    public static Period parse(String since, String from, String to, Instant now, String fallback) {
        boolean custom = present(from) || present(to);
        if (custom) {
            if (!present(from)) {
                throw ApiError.badRequest("\"from\" is required with \"to\": a date such as 2026-11-01 or an ISO time");
            }
            Instant start = instant("from", from.trim(), false);
            Instant end = present(to) ? instant("to", to.trim(), true) : now;
            return check(start, end, "from " + shown(from, start) + " to "
                    + (present(to) ? shown(to, end) : "now"));
        }
        String raw = present(since) ? since.trim().toLowerCase(Locale.ROOT) : fallback;
        Matcher m = SINCE.matcher(raw);
        if (!m.matches()) {
            throw ApiError.badRequest("\"since\" must be a number of hours, days or weeks, such as 24h, 7d or 2w");
        }
        long n = Long.parseLong(m.group(1));
        ChronoUnit unit = switch (m.group(2)) {
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            default -> ChronoUnit.WEEKS;
        };
        if (n < 1) {
            throw ApiError.badRequest("\"since\" must be at least 1" + m.group(2));
        }
        Duration length = unit.getDuration().multipliedBy(n);
        if (length.compareTo(LONGEST) > 0) {
            throw ApiError.badRequest("\"since\" is too long: at most 366 days");
        }
        String word = switch (unit) {
            case HOURS -> n == 1 ? "hour" : "hours";
            case DAYS -> n == 1 ? "day" : "days";
            default -> n == 1 ? "week" : "weeks";
        };
        String label = n == 1 ? "in the last " + word : "in the last " + n + " " + word;
        return new Period(now.minus(length), now, label);
    }

    private static Period check(Instant from, Instant to, String label) {
        if (!from.isBefore(to)) {
            throw ApiError.badRequest("\"from\" must be before \"to\"");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw ApiError.badRequest("the period from \"from\" to \"to\" is too long: at most 366 days");
        }
        return new Period(from, to, label);
    }

    /** A date is a whole UTC day: as {@code from} its start, as {@code to} its end (the next day's start). */
    private static Instant instant(String field, String raw, boolean end) {
        try {
            if (raw.length() == 10) {
                LocalDate day = LocalDate.parse(raw);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeException e) {
            throw ApiError.badRequest("\"" + field + "\" must be a date such as 2026-11-01 or an ISO time such as "
                    + "2026-11-01T09:00:00Z");
        }
    }

    private static String shown(String raw, Instant at) {
        return raw.trim().length() == 10 ? raw.trim() : at.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
