package dev.baton.desk;

import dev.baton.routing.Roster;
import dev.baton.routing.Router;
import dev.baton.routing.Routing;
import dev.baton.routing.RoutingRequest;
import dev.baton.routing.Workload;
import dev.baton.rules.Route;
import dev.baton.rules.RouteFacts;
import dev.baton.rules.RuleBook;
import java.util.Objects;

/**
 * Where a handoff goes under the rules: the first route whose conditions hold names a pool (a team, a
 * person or anyone), and the router chooses within it. Pure: the caller reads the workload and saves,
 * so a replay can dispatch stored conversations under draft rules the same way.
 *
 * @param wantsPrivateThread the route's {@code private_thread}, else {@code discord.yaml}'s default
 */
public record Dispatch(Route route, Routing routing, boolean wantsPrivateThread) {

    public Dispatch {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(routing, "routing");
    }

    /** @param privateThreadsByDefault {@code discord.yaml}'s {@code private_threads} */
    public static Dispatch of(RuleBook rules, Roster roster, Workload workload, RouteFacts facts,
                              boolean privateThreadsByDefault) {
        Route route = rules.route(facts);
        RoutingRequest request = RoutingRequest.forHandoff(facts.topics(), facts.reasons());
        Routing routing = Router.route(request, roster, workload, facts.at(), route.target().pool());
        boolean wantsPrivate = route.privateThread() != null ? route.privateThread() : privateThreadsByDefault;
        return new Dispatch(route, routing, wantsPrivate);
    }
}
