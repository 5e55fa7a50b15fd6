package dev.baton.replay;

import dev.baton.desk.Topics;
import dev.baton.knowledge.Match;
import dev.baton.replay.History.Case;
import dev.baton.replay.History.Hold;
import dev.baton.replay.History.RealHandoff;
import dev.baton.routing.Pool;
import dev.baton.routing.Router;
import dev.baton.routing.Routing;
import dev.baton.routing.RoutingRequest;
import dev.baton.routing.Workload;
import dev.baton.rules.Route;
import dev.baton.rules.RouteFacts;
import dev.baton.rules.Target;
import dev.baton.triage.CueKind;
import dev.baton.triage.Decision;
import dev.baton.triage.TriageEngine;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One rule set over a period's decision points, in time order, as if it had been live: each point is
 * decided again from its stored evidence, and each handoff routed with the workload the rule set itself
 * would have caused. Who is busy matters to who gets the next one, so the simulation keeps it:
 * a simulated handoff keeps its person busy until the conversation's real handoff was resolved, or,
 * where there was none, for as long as real handoffs of the period typically stayed open. Both rule sets
 * are simulated the same way from the same starting workload, so their differences come from the rules.
 */
final class Simulation {

    /** Per person: open simulated (and carried-over) handoffs, when they are released, and their last one. */
    private final Map<String, Integer> open = new HashMap<>();
    private final Map<String, Instant> lastRoutedAt;
    private final PriorityQueue<Hold> releases = new PriorityQueue<>(Comparator.comparing(Hold::until));

    private final History history;
    private final RuleSet set;

    private Simulation(History history, RuleSet set) {
        this.history = history;
        this.set = set;
        this.lastRoutedAt = new HashMap<>(history.lastRoutedAt());
        history.carriedOver().forEach(this::hold);
    }

    /**
     * @param nearest per point of {@code history.points()}, its nearest match under {@code set}
     * @return per conversation id, what became of it
     */
    static Map<Long, Outcome> run(History history, RuleSet set, List<Match> nearest) {
        return new Simulation(history, set).run(nearest);
    }

    private Map<Long, Outcome> run(List<Match> nearest) {
        Map<Long, Outcome> outcomes = new HashMap<>();
        Map<Long, Set<String>> answers = new HashMap<>();
        List<DecisionPoint> points = history.points();
        for (int i = 0; i < points.size(); i++) {
            DecisionPoint point = points.get(i);
            release(point.at());
            if (outcomes.get(point.conversationId()) instanceof Outcome.HandedOff) {
                continue; // with a person from here on; later points only happened because the real rules differed
            }
            Case conversation = history.cases().get(point.conversationId());
            Decision decision = decide(point, conversation, nearest.get(i));
            if (decision instanceof Decision.Answer answer) {
                Set<String> entries = answers.computeIfAbsent(point.conversationId(), k -> new LinkedHashSet<>());
                entries.add(answer.entry());
                outcomes.put(point.conversationId(), new Outcome.Answered(List.copyOf(entries), point.at()));
            } else {
                Outcome.HandedOff handedOff = route((Decision.Handoff) decision, point, conversation, nearest.get(i));
                outcomes.put(point.conversationId(), handedOff);
                String person = handedOff.person().id();
                lastRoutedAt.put(person, point.at());
                hold(new Hold(person, heldUntil(conversation, point.at())));
            }
        }
        return outcomes;
    }

    private Decision decide(DecisionPoint point, Case conversation, Match nearest) {
        if (point.askedForPerson()) {
            return new Decision.Handoff(List.of(CueKind.HUMAN_REQUEST), 1.0, List.of());
        }
        return TriageEngine.verdict(point.cues(), nearest, point.focus(),
                set.rules().cuesIn(conversation.channelId(), conversation.parentId()), set.rules().answerConfidence());
    }

    private Outcome.HandedOff route(Decision.Handoff decision, DecisionPoint point, Case conversation, Match nearest) {
        Set<String> topics = Topics.fromWords(nearest, point.customerWords(), point.answered(), set.knowledge(),
                set.roster());
        RouteFacts facts = new RouteFacts(Set.copyOf(decision.reasons()), topics, conversation.channelId(),
                conversation.parentId(), conversation.roles(), point.at());
        Route route = set.rules().route(facts);
        Routing routing = Router.route(RoutingRequest.forHandoff(topics, decision.reasons()), set.roster(),
                new Workload(open, lastRoutedAt), point.at(), pool(route.target()));
        boolean privateThread = route.privateThread() != null ? route.privateThread() : set.privateThreadsByDefault();
        return new Outcome.HandedOff(decision.reasons(), routing.person(), route.name(), route.priority(), privateThread,
                point.at(), routing.why());
    }

    static Pool pool(Target target) {
        if (target instanceof Target.Team team) {
            return Pool.team(team.name());
        }
        if (target instanceof Target.Named named) {
            return Pool.person(named.personId());
        }
        return Pool.everyone();
    }

    /**
     * Until the conversation's real handoff was resolved (never, while it is still open); without a real
     * one still to come, for as long as a real handoff of the period typically stayed open.
     */
    private Instant heldUntil(Case conversation, Instant at) {
        for (RealHandoff real : conversation.handoffs()) {
            if (real.resolvedAt() == null) {
                return null;
            }
            if (real.resolvedAt().isAfter(at)) {
                return real.resolvedAt();
            }
        }
        return at.plus(history.typicalHold());
    }

    private void hold(Hold hold) {
        open.merge(hold.personId(), 1, Integer::sum);
        if (hold.until() != null) {
            releases.add(hold);
        }
    }

    private void release(Instant now) {
        while (!releases.isEmpty() && !releases.peek().until().isAfter(now)) {
            open.merge(releases.poll().personId(), -1, Integer::sum);
        }
    }
}
