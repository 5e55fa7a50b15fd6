package dev.baton.pickup;

import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffState;
import dev.baton.rules.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data for pickup deadlines: an open handoff as the watch reads it, with defaults so each case
 * states only what matters to it. By default: waiting for Alex since {@link #T0}, normal priority,
 * rule {@code default}, due at once, with only its {@code created} event and nobody having written.
 */
final class Handoffs {

    /** A Monday, 12:00 UTC. */
    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    private Handoffs() {
    }

    static Builder waiting() {
        return new Builder();
    }

    static Instant at(Duration after) {
        return T0.plus(after);
    }

    static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    static final class Builder {
        private HandoffState state = HandoffState.WAITING;
        private String assignee = "alex";
        private Priority priority = Priority.NORMAL;
        private String rule = "default";
        private Instant dueFrom = T0;
        private final List<HandoffEvent> events = new ArrayList<>(List.of(
                new HandoffEvent(1, 7, T0, HandoffEvent.BATON, "created", null, HandoffState.WAITING,
                        "routed to Alex: on shift")));
        private final Map<String, Instant> written = new HashMap<>();

        Builder state(HandoffState state) {
            this.state = state;
            return this;
        }

        Builder assignee(String assignee) {
            this.assignee = assignee;
            return this;
        }

        Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        Builder rule(String rule) {
            this.rule = rule;
            return this;
        }

        /** Deadlines count from here (the assignee's next shift when they were away at creation). */
        Builder dueFrom(Duration afterCreation) {
            this.dueFrom = T0.plus(afterCreation);
            return this;
        }

        /** An event row {@code after} creation, by Baton unless {@link #by} follows. */
        Builder then(String kind, Duration after) {
            return then(kind, after, HandoffEvent.BATON, "");
        }

        Builder then(String kind, Duration after, String actor, String detail) {
            events.add(new HandoffEvent(events.size() + 1, 7, T0.plus(after), actor, kind, null, null, detail));
            return this;
        }

        /** Someone on the roster wrote in the conversation this long after creation (negative: before it). */
        Builder wrote(String rosterId, Duration after) {
            written.put(rosterId, T0.plus(after));
            return this;
        }

        Builder withoutEvents() {
            events.clear();
            return this;
        }

        Waiting build() {
            HandoffRecord handoff = new HandoffRecord(7, 3, state, "anger", assignee, null, T0, T0, rule, priority,
                    false, dueFrom);
            return new Waiting(handoff, List.of("anger"), false, events, written);
        }
    }
}
