package dev.baton.rules;

import java.util.Objects;

/** Who a route sends handoffs to: anyone on the roster, one team, or one named person. */
public sealed interface Target {

    record Anyone() implements Target {
    }

    /** A team as written in {@code team.yaml}'s {@code team:} keys. */
    record Team(String name) implements Target {
        public Team {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A roster id from {@code team.yaml}. */
    record Named(String personId) implements Target {
        public Named {
            Objects.requireNonNull(personId, "personId");
        }
    }
}
