package dev.baton.routing;

import java.util.List;

/**
 * The person ids and teams {@code team.yaml} names, read leniently: also from entries that have
 * problems, so that when the file does not load, the other files' references to it are still checked
 * (a typo in {@code rules.yaml} shows up in the same pass as the team file's own problems).
 *
 * @param ids   every {@code id:} written in {@code people:}
 * @param teams every {@code team:} written in {@code people:}, as spelt, without repeats
 */
public record RosterNames(List<String> ids, List<String> teams) {

    public RosterNames {
        ids = List.copyOf(ids);
        teams = List.copyOf(teams);
    }

    /** The names of a roster that loaded. */
    public static RosterNames of(Roster roster) {
        return new RosterNames(roster.people().stream().map(Person::id).toList(),
                roster.people().stream().map(Person::team).filter(t -> t != null).distinct().toList());
    }
}
