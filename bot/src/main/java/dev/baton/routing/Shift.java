package dev.baton.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One recurring block of working time in a person's own time zone, such as {@code mon-fri 09:00-17:30}.
 *
 * @param days the days the shift <em>starts</em> on; never empty
 * @param from local start time
 * @param to   local end time; earlier than {@code from} means the shift runs past midnight, so
 *             {@code fri 22:00-02:00} ends early on Saturday
 */
public record Shift(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public Shift {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a shift needs at least one day");
        }
        // Equal times could mean "no time" or "all day"; refusing both beats guessing wrong.
        if (from.equals(to)) {
            throw new IllegalArgumentException("a shift cannot start and end at the same time (" + from + ")");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** Whether the shift ends on the day after it starts. */
    public boolean overnight() {
        return to.isBefore(from);
    }
}
