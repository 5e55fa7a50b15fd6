package dev.baton.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a person works, as local times in their own zone. Shift boundaries are resolved per date
 * with {@link ZonedDateTime}, so a 09:00 start stays 09:00 local across daylight-saving changes.
 * A start that falls into a spring-forward gap moves later by the gap's length, and an ambiguous
 * autumn time uses the earlier offset, as {@link ZonedDateTime#of} does.
 */
public record WorkingHours(ZoneId zone, List<Shift> shifts) {

    /** A shift's start date plus this many days covers every weekday at least once after any instant. */
    private static final int WEEK = 7;

    public WorkingHours {
        Objects.requireNonNull(zone, "zone");
        shifts = List.copyOf(Objects.requireNonNull(shifts, "shifts"));
    }

    public boolean isOnShift(Instant at) {
        Objects.requireNonNull(at, "at");
        LocalDate today = at.atZone(zone).toLocalDate();
        // Shifts are shorter than a day, so only one starting today or yesterday can still be running.
        for (Shift shift : shifts) {
            for (LocalDate start = today.minusDays(1); !start.isAfter(today); start = start.plusDays(1)) {
                if (shift.days().contains(start.getDayOfWeek())
                        && !at.isBefore(startOn(shift, start)) && at.isBefore(endOn(shift, start))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first shift start strictly after {@code after}; empty only when there are no shifts. */
    public Optional<Instant> nextShiftStart(Instant after) {
        Objects.requireNonNull(after, "after");
        LocalDate today = after.atZone(zone).toLocalDate();
        Instant best = null;
        for (Shift shift : shifts) {
            for (int day = 0; day <= WEEK; day++) {
                LocalDate date = today.plusDays(day);
                if (!shift.days().contains(date.getDayOfWeek())) {
                    continue;
                }
                Instant start = startOn(shift, date);
                if (start.isAfter(after) && (best == null || start.isBefore(best))) {
                    best = start;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private Instant startOn(Shift shift, LocalDate date) {
        return ZonedDateTime.of(date, shift.from(), zone).toInstant();
    }

    private Instant endOn(Shift shift, LocalDate startDate) {
        LocalDate endDate = shift.overnight() ? startDate.plusDays(1) : startDate;
        return ZonedDateTime.of(endDate, shift.to(), zone).toInstant();
    }
}
