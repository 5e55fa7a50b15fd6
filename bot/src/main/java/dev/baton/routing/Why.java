package dev.baton.routing;

import dev.baton.routing.Candidate.Key;
import dev.baton.routing.Router.Tier;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Words the router's choice as one sentence for the event log: the rule that applied, the winner's
 * facts, and the tie-breaker when that is what decided it, e.g.
 * "billing topic; on shift; 1 of 4 open; longest since last handoff".
 */
final class Why {

    /** Day and time in the person's own zone: that is how their shifts are written in team.yaml. */
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private Why() {
    }

    /** @param decider the fact that put the winner ahead of the runner-up, or null if alone */
    static String explain(RoutingRequest request, Tier tier, Candidate winner, Key decider,
                          boolean someoneOnShiftIsFull) {
        List<String> parts = new ArrayList<>();
        if (request.needsSensitive()) {
            parts.add((request.crisis() ? "crisis" : "sensitive") + ": only people who take sensitive handoffs");
        }
        if (decider == Key.SENIORITY) {
            // Said up front: for a crisis it is what the choice was about.
            parts.add("most senior (seniority " + winner.person().seniority() + ")");
        }
        switch (tier) {
            case ON_SHIFT -> {
                topic(request, winner, parts);
                parts.add("on shift");
                parts.add(load(winner));
                if (decider == null) {
                    parts.add("the only one on shift with room");
                }
            }
            case NEXT_SHIFT -> {
                parts.add(someoneOnShiftIsFull ? "everyone on shift is at capacity" : "nobody on shift");
                parts.add(startsFirst(winner));
                topic(request, winner, parts);
                parts.add(load(winner));
            }
            case ALL_FULL -> {
                parts.add("everyone is at capacity");
                parts.add(winner.onShift() ? "on shift" : "nobody on shift; " + startsFirst(winner));
                parts.add(decider == Key.LOAD ? "least loaded: " + load(winner) : load(winner));
                topic(request, winner, parts);
            }
        }
        tieBreak(decider, winner, parts);
        return String.join("; ", parts);
    }

    private static void topic(RoutingRequest request, Candidate winner, List<String> parts) {
        if (winner.topicMatched()) {
            parts.add(String.join(", ", winner.matchedTopics()) + " topic");
        } else if (!request.topics().isEmpty()) {
            parts.add("no topic match for " + String.join(", ", new TreeSet<>(request.topics())));
        }
    }

    private static String load(Candidate winner) {
        return winner.open() + " of " + winner.person().maxOpenHandoffs() + " open";
    }

    private static String startsFirst(Candidate winner) {
        Person person = winner.person();
        return person.name() + " starts first (" + START.format(winner.availableAt().atZone(person.hours().zone()))
                + " " + person.hours().zone().getId() + ")";
    }

    /** Topic, start and load already appear in the sentence; only the pure tie-breakers need saying. */
    private static void tieBreak(Key decider, Candidate winner, List<String> parts) {
        if (decider == Key.WAITING) {
            parts.add(winner.lastHandoff() == null ? "no handoff yet" : "longest since last handoff");
        } else if (decider == Key.ORDER) {
            parts.add("first in roster order");
        }
    }
}
