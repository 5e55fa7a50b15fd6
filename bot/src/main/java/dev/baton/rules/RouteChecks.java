package dev.baton.rules;

import dev.baton.routing.Person;
import dev.baton.triage.CueKind;
import dev.baton.yaml.Problems;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks across routes, once each route has been read on its own: routes that can never match, and
 * sensitive conversations sent where nobody may take them.
 */
final class RouteChecks {

    private RouteChecks() {
    }

    /**
     * A route without conditions matches every handoff, so the routes after it never run. Only the first
     * such route is reported: it names every route it hides, including any later catch-all.
     */
    static void reachable(List<RouteReader.Read> routes, Problems problems) {
        for (int i = 0; i < routes.size() - 1; i++) {
            RouteReader.Read read = routes.get(i);
            if (read.route().when().equals(Conditions.ALWAYS)) {
                String hidden = routes.subList(i + 1, routes.size()).stream()
                        .map(r -> "`" + r.route().name() + "`").collect(Collectors.joining(", "));
                problems.at(read.node(), "route `" + read.route().name() + "` has no `when:`, so it matches every"
                        + " handoff and the routes after it can never match: " + hidden,
                        "give it a `when:`, or move it to the end of `routes:` (or into `default:`)");
                return;
            }
        }
    }

    /** Grief, anxiety and crisis go only to people who opted in; a route must be able to reach one. */
    static void sensitiveReachable(List<RouteReader.Read> routes, Vocabulary vocabulary, Problems problems) {
        if (vocabulary.roster() == null) {
            return;
        }
        List<String> optedIn = vocabulary.roster().people().stream().filter(Person::takesSensitive)
                .map(Person::id).toList();
        for (RouteReader.Read read : routes) {
            Route route = read.route();
            // Only people with `sensitive: true` in team.yaml are given these.
            Set<CueKind> sensitive = EnumSet.noneOf(CueKind.class);
            route.when().cues().stream().filter(CueKind::sensitive).forEach(sensitive::add);
            if (sensitive.isEmpty() || route.target() instanceof Target.Anyone
                    || !vocabulary.sensitive(route.target()).isEmpty()) {
                continue;
            }
            String cues = sensitive.stream().map(k -> "`" + k.wireName() + "`").collect(Collectors.joining(", "));
            String who = route.target() instanceof Target.Team team
                    ? "nobody in team `" + team.name() + "` has"
                    : "`" + ((Target.Named) route.target()).personId() + "` does not have";
            problems.at(read.targetNode(), "route `" + route.name() + "` sends " + cues + " handoffs here, but "
                    + who + " `sensitive: true` in team.yaml, and only such people are given them",
                    "add `sensitive: true` to someone there who has opted in, or send these cues to someone who has:"
                    + " " + String.join(", ", optedIn));
        }
    }
}
