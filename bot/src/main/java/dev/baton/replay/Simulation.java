package dev.baton.replay;

import dev.baton.live.RulesInForce;
import dev.baton.desk.Dispatch;
import dev.baton.desk.Topics;
import dev.baton.knowledge.Match;
import dev.baton.replay.History.Case;
import dev.baton.replay.History.Hold;
import dev.baton.replay.History.RealHandoff;
import dev.baton.routing.Routing;
import dev.baton.routing.Workload;
import dev.baton.rules.Route;
import dev.baton.rules.RouteFacts;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSetting;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.TriageEngine;
import dev.baton.triage.Cue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The live rules and the draft over a period's decision points, side by side in time order, as if each had
 * been live: every point is decided again from its stored evidence and every handoff routed with a
 * simulated workload.
 *
 * <p>Who is busy matters to who gets the next handoff. Each side keeps its own open handoffs, so a draft that
 * sends more to one team fills that team up: a simulated handoff keeps its person busy until the
 * conversation's real handoff was resolved, or, where there was none, for as long as real handoffs of the
 * period typically stayed open. Whose turn it is (the router's "longest since their last handoff") follows
 * the live rules' handoffs on both sides, though: otherwise one handoff routed differently would shift every
 * later turn and the draft would seem to reroute hundreds of conversations it does not touch. So differences
 * come from the rules: their verdicts, pools, topics and the load they cause.
 */
final class Simulation {

    private final History history;
    /** When each person last got a handoff under the live rules: the order of turns on both sides. */
    private final Map<String, Instant> lastRoutedAt;

    private Simulation(History history) {
        this.history = history;
        this.lastRoutedAt = new HashMap<>(history.lastRoutedAt());
    }

    /** Per conversation id, what became of it under each rule set. */
    record Outcomes(Map<Long, ReplayOutcome> live, Map<Long, ReplayOutcome> draft) {
    }

    /**
     * @param liveNearest  per point of {@code history.points()}, its nearest match under the live rules
     * @param draftNearest the same under the draft
     */
    static Outcomes run(History history, RulesInForce live, List<Match> liveNearest, RulesInForce draft,
                        List<Match> draftNearest) {
        return new Simulation(history).run(new Side(history, live, liveNearest), new Side(history, draft, draftNearest));
    }

    private Outcomes run(Side live, Side draft) {
        List<DecisionPoint> points = history.points();
        for (int i = 0; i < points.size(); i++) {
            DecisionPoint point = points.get(i);
            // Both sides see the turns as they stood before this point, then the live side's handoff takes its turn.
            Workload liveLoad = live.workloadAt(point.at(), lastRoutedAt);
            Workload draftLoad = draft.workloadAt(point.at(), lastRoutedAt);
            ReplayOutcome.HandedOff liveHandoff = live.decide(i, point, liveLoad);
            draft.decide(i, point, draftLoad);
            if (liveHandoff != null) {
                lastRoutedAt.put(liveHandoff.person().id(), point.at());
            }
        }
        return new Outcomes(Map.copyOf(live.outcomes), Map.copyOf(draft.outcomes));
    }

    /** One rule set's verdicts, routing and open handoffs. */
    private static final class Side {
        private final History history;
        private final RulesInForce set;
        private final List<Match> nearest;
        private final Map<String, Integer> open = new HashMap<>();
        private final PriorityQueue<Hold> releases = new PriorityQueue<>(Comparator.comparing(Hold::until));
        private final Map<Long, ReplayOutcome> outcomes = new HashMap<>();
        private final Map<Long, Set<String>> answers = new HashMap<>();

        Side(History history, RulesInForce set, List<Match> nearest) {
            this.history = history;
            this.set = set;
            this.nearest = nearest;
            history.carriedOver().forEach(this::hold);
        }

        Workload workloadAt(Instant now, Map<String, Instant> lastRoutedAt) {
            while (!releases.isEmpty() && !releases.peek().until().isAfter(now)) {
                open.merge(releases.poll().personId(), -1, Integer::sum);
            }
            return new Workload(open, lastRoutedAt);
        }

        /** Decides point {@code i}; returns the handoff it made, if it made one. */
        ReplayOutcome.HandedOff decide(int i, DecisionPoint point, Workload load) {
            long id = point.conversationId();
            if (outcomes.get(id) instanceof ReplayOutcome.HandedOff) {
                return null; // with a person from here on; later points only happened because the real rules differed
            }
            if (!point.askedForPerson() && nearest.get(i) == null) {
                return null; // nothing the engine could read (a message deleted the instant it was decided): no verdict
            }
            Case conversation = history.cases().get(id);
            Decision decision = verdict(point, conversation, nearest.get(i));
            if (decision instanceof Decision.SmallTalk) {
                return null; // a short reply; the conversation goes on as it was
            }
            if (decision instanceof Decision.Answer answer) {
                Set<String> entries = answers.computeIfAbsent(id, k -> new LinkedHashSet<>());
                entries.add(answer.entry());
                outcomes.put(id, new ReplayOutcome.Answered(List.copyOf(entries), point.at()));
                return null;
            }
            ReplayOutcome.HandedOff handedOff = route((Decision.Handoff) decision, point, conversation, nearest.get(i),
                    load);
            outcomes.put(id, handedOff);
            hold(new Hold(handedOff.person().id(), heldUntil(conversation, point.at())));
            return handedOff;
        }

        private Decision verdict(DecisionPoint point, Case conversation, Match nearest) {
            CueSettings settings = set.book().cuesIn(conversation.channelId(), conversation.parentId());
            if (point.askedForPerson()) {
                return askedForPerson(point.cues(), settings);
            }
            return TriageEngine.verdict(point.cues(), nearest, point.focus(), settings, set.book().answerConfidence(),
                    point.smallTalk());
        }

        private ReplayOutcome.HandedOff route(Decision.Handoff decision, DecisionPoint point, Case conversation,
                                        Match nearest, Workload load) {
            Set<String> topics = Topics.fromWords(nearest, point.customerWords(), point.answered(), set.knowledge(),
                    set.roster());
            RouteFacts facts = new RouteFacts(Set.copyOf(decision.reasons()), topics, conversation.channelId(),
                    conversation.parentId(), conversation.roles(), point.at());
            // The desk's own dispatch, so a replay routes exactly as Baton would have.
            Dispatch dispatch = Dispatch.of(set.book(), set.roster(), load, facts, set.privateThreadsByDefault());
            Route route = dispatch.route();
            Routing routing = dispatch.routing();
            return new ReplayOutcome.HandedOff(decision.reasons(), routing.person(), route.name(), route.priority(),
                    dispatch.wantsPrivateThread(), point.at(), routing.why());
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
    }

    /**
     * A customer who asked for a person is handed off for that, as the desk does; whatever else their
     * conversation showed under these settings counts too, so a grieving customer who presses the button
     * reaches a grief route, and a crisis still leads.
     */
    static Decision.Handoff askedForPerson(List<Cue> stored, CueSettings settings) {
        List<Cue> cues = new ArrayList<>(stored);
        if (cues.stream().noneMatch(c -> c.kind() == CueKind.HUMAN_REQUEST && c.score() == 1.0)) {
            cues.add(new Cue(CueKind.HUMAN_REQUEST, 1.0, -1, "asked for a person"));
        }
        // A request scores 1 and can never be turned off, so the verdict always hands off and never needs the
        // nearest entry; its reasons are everything that fired.
        CueSettings requestsCount = settings.with(Map.of(CueKind.HUMAN_REQUEST, CueSetting.STANDARD));
        Decision.Handoff fired = (Decision.Handoff) TriageEngine.verdict(cues, null, -1, requestsCount, 1.0);
        List<CueKind> reasons = new ArrayList<>(fired.reasons());
        reasons.remove(CueKind.HUMAN_REQUEST);
        reasons.add(reasons.contains(CueKind.CRISIS) ? 1 : 0, CueKind.HUMAN_REQUEST);
        return new Decision.Handoff(reasons, 1.0, fired.cues());
    }
}
