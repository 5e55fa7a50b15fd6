package dev.baton.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one-line shift form of team.yaml: {@code mon-fri 09:00-17:30}, {@code sat 10:00-14:00},
 * {@code mon,wed,fri 18:00-22:00}, {@code fri 22:00-02:00} (past midnight). Days are
 * {@code mon..sun}, as ranges, comma lists or both ({@code mon-wed,fri}); a range may wrap the weekend
 * ({@code fri-mon}). Times are 24-hour. Failures throw with a message written for the file's editor.
 */
public final class ShiftSyntax {

    public static final String FORM = "write a shift as days then 24-hour times, e.g. `mon-fri 09:00-17:30`,"
            + " `sat 10:00-14:00` or `mon,wed,fri 18:00-22:00`; days are mon, tue, wed, thu, fri, sat, sun";

    private static final Pattern SHIFT = Pattern.compile("(?<days>.+?)\\s+(?<from>\\d{1,2}:\\d{2})\\s*-\\s*(?<to>\\d{1,2}:\\d{2})");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private ShiftSyntax() {
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code text}, written for the file's editor */
    public static Shift parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("a shift is blank; " + FORM);
        }
        Matcher matcher = SHIFT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("shift `" + text + "` is not in the expected form: " + FORM);
        }
        Set<DayOfWeek> days = days(matcher.group("days"), text);
        LocalTime from = time(matcher.group("from"), text);
        LocalTime to = time(matcher.group("to"), text);
        if (from.equals(to)) {
            throw new IllegalArgumentException("shift `" + text + "` starts and ends at the same time; a shift past"
                    + " midnight ends earlier than it starts, e.g. `fri 22:00-02:00`");
        }
        return new Shift(days, from, to);
    }

    private static Set<DayOfWeek> days(String written, String shift) {
        // Tolerate spaces around separators ("mon - fri", "mon, wed"), as people write them.
        String compact = written.replaceAll("\\s*([,-])\\s*", "$1");
        if (compact.isEmpty() || compact.contains(" ") || compact.contains(",,") || compact.startsWith(",")
                || compact.endsWith(",")) {
            throw new IllegalArgumentException("shift `" + shift + "` has unreadable days `" + written + "`: " + FORM);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : compact.split(",")) {
            String[] ends = item.split("-", -1);
            if (ends.length > 2) {
                throw new IllegalArgumentException("shift `" + shift + "`: `" + item + "` is not a day or a range"
                        + " of days such as `mon-fri`");
            }
            DayOfWeek first = day(ends[0], shift);
            DayOfWeek last = ends.length == 2 ? day(ends[1], shift) : first;
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                days.add(day);
                if (day == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String name, String shift) {
        int index = DAYS.indexOf(name);
        if (index >= 0) {
            return DayOfWeek.of(index + 1);
        }
        // "tues", "thursday": the first three letters are almost always what was meant.
        String hint = name.length() > 3 && DAYS.contains(name.substring(0, 3))
                ? " (did you mean `" + name.substring(0, 3) + "`?)" : "";
        throw new IllegalArgumentException("shift `" + shift + "`: unknown day `" + name + "`" + hint
                + "; days are mon, tue, wed, thu, fri, sat, sun");
    }

    private static LocalTime time(String written, String shift) {
        String[] parts = written.split(":");
        int hour = Integer.parseInt(parts[0]);
        int minute = Integer.parseInt(parts[1]);
        if (hour > 23 || minute > 59) {
            throw new IllegalArgumentException("shift `" + shift + "`: `" + written + "` is not a time of day; use 24-hour HH:MM from 00:00"
                    + " to 23:59, e.g. 09:00 or 17:30 (a shift ending at midnight ends at 00:00)");
        }
        return LocalTime.of(hour, minute);
    }
}
