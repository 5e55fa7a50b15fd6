package dev.baton.rules;

import dev.baton.routing.Shift;
import dev.baton.routing.WorkingHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A route's {@code time:} condition: weekly windows such as {@code mon-fri 18:00-09:00} in the rules' zone. */
public record TimeWindow(List<Shift> windows, ZoneId zone, String written) {

    public TimeWindow {
        windows = List.copyOf(windows);
    }

    public boolean contains(Instant at) {
        return new WorkingHours(zone, windows).isOnShift(at);
    }
}
