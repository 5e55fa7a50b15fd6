package dev.baton.routing;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Whom a routing rule lets the router choose from: everyone, one team, or one named person, minus
 * anyone already tried (a re-route after a missed pickup deadline never goes back to them).
 *
 * @param team     a team name from {@code team.yaml}, or null
 * @param personId a roster id, or null
 * @param excluded roster ids never to choose
 */
public record Pool(String team, String personId, Set<String> excluded) {

    public Pool {
        if (team != null && personId != null) {
            throw new IllegalArgumentException("a pool is a team or a person, not both");
        }
        excluded = Set.copyOf(Objects.requireNonNull(excluded, "excluded"));
    }

    public static Pool everyone() {
        return new Pool(null, null, Set.of());
    }

    public static Pool team(String team) {
        return new Pool(Objects.requireNonNull(team, "team"), null, Set.of());
    }

    public static Pool person(String personId) {
        return new Pool(null, Objects.requireNonNull(personId, "personId"), Set.of());
    }

    public Pool without(Set<String> ids) {
        Set<String> all = new HashSet<>(excluded);
        all.addAll(ids);
        return new Pool(team, personId, all);
    }

    public boolean includes(Person person) {
        if (excluded.contains(person.id())) {
            return false;
        }
        if (personId != null) {
            return person.id().equals(personId);
        }
        return team == null || (person.team() != null
                && person.team().toLowerCase(Locale.ROOT).equals(team.toLowerCase(Locale.ROOT)));
    }

    /** Words for the event log: "billing team", "Alex", "anyone". */
    public String describe(Roster roster) {
        if (personId != null) {
            return roster.byId(personId).map(Person::name).orElse(personId);
        }
        return team != null ? team + " team" : "anyone";
    }
}
