package dev.baton.rules;

import dev.baton.routing.Person;
import dev.baton.routing.Roster;
import dev.baton.routing.RosterNames;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names routes may use, gathered before the routes are read: {@code rules.yaml}'s own channels and
 * roles, and, when those files loaded, the people and teams of {@code team.yaml} and the topics of
 * {@code knowledge.yaml}. A null roster or topic set means that file failed to load: its own problems
 * are reported already, so references to it are not checked twice.
 *
 * @param channels channel names to ids, in file order
 * @param roles    role names to ids, in file order
 */
record Vocabulary(Map<String, String> channels, Map<String, String> roles, Roster roster, RosterNames names,
                  Set<String> topics, ZoneId zone) {

    Vocabulary {
        channels = new LinkedHashMap<>(channels);
        roles = new LinkedHashMap<>(roles);
    }

    /**
     * Whether team.yaml's people and teams are known: it loaded, or it did not but the ids and teams it
     * writes could still be read ({@link RosterNames}), so references to them are checked.
     */
    boolean knowsPeople() {
        return roster != null || names != null;
    }

    /** Teams as team.yaml spells them, in roster order; empty when the roster is unknown. */
    List<String> teams() {
        if (roster == null) {
            return names == null ? List.of() : names.teams();
        }
        Set<String> teams = new LinkedHashSet<>();
        roster.people().stream().map(Person::team).filter(t -> t != null).forEach(teams::add);
        return List.copyOf(teams);
    }

    /** The team as team.yaml spells it; teams compare without regard to case, as the router does. */
    Optional<String> team(String written) {
        return teams().stream().filter(t -> t.equalsIgnoreCase(written)).findFirst();
    }

    List<String> personIds() {
        if (roster == null) {
            return names == null ? List.of() : names.ids();
        }
        return roster.people().stream().map(Person::id).toList();
    }

    /** People in the team (or the one person) who take grief, anxiety and crisis conversations. */
    List<Person> sensitive(Target target) {
        return roster.people().stream().filter(Person::takesSensitive).filter(p -> covers(target, p)).toList();
    }

    private static boolean covers(Target target, Person person) {
        if (target instanceof Target.Team team) {
            return person.team() != null && person.team().equalsIgnoreCase(team.name());
        }
        if (target instanceof Target.Named named) {
            return person.id().equals(named.personId());
        }
        return true;
    }

    boolean knowsTopic(String topic) {
        return topics.contains(topic.toLowerCase(Locale.ROOT));
    }
}
