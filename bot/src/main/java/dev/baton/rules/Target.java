package dev.baton.rules;

import dev.baton.routing.Pool;
import java.util.Objects;

/** Who a route sends handoffs to: anyone on the roster, one team, or one named person. */
public sealed interface Target {

    /** Whom the router may choose from for this target. */
    Pool pool();

    record Anyone() implements Target {
        @Override
        public Pool pool() {
            return Pool.everyone();
        }
    }

    /** A team as written in {@code team.yaml}'s {@code team:} keys. */
    record Team(String name) implements Target {
        public Team {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Pool pool() {
            return Pool.team(name);
        }
    }

    /** A roster id from {@code team.yaml}. */
    record Named(String personId) implements Target {
        public Named {
            Objects.requireNonNull(personId, "personId");
        }

        @Override
        public Pool pool() {
            return Pool.person(personId);
        }
    }
}
