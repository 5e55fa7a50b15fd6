package dev.baton.pickup;

import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An open handoff as the pickup watch reads it: everything {@link PickupSteps} needs to say which step
 * is due, read for all open handoffs at once.
 *
 * @param reasons     the cues that handed it off (wire names, main one first), for re-routing
 * @param practice    a practice handoff from the console's playground: nothing about it is ever sent
 * @param events      its event rows, oldest first
 * @param lastWritten when each person last wrote in its conversation (in Discord or from the console),
 *                    keyed by roster id (by Discord user id for someone no longer on the roster)
 */
public record Waiting(HandoffRecord handoff, List<String> reasons, boolean practice, List<HandoffEvent> events,
                      Map<String, Instant> lastWritten) {

    public Waiting {
        Objects.requireNonNull(handoff, "handoff");
        reasons = List.copyOf(reasons);
        events = List.copyOf(events);
        lastWritten = Map.copyOf(lastWritten);
    }
}
