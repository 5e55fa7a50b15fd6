package dev.baton.routing;

import dev.baton.routing.Candidate.Key;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Chooses who a handoff goes to. A pure function of its arguments: it never saves anything and
 * never reads the clock, so the caller records the choice and tests pass any instant.
 *
 * <p>The order, first rule that leaves anyone wins:
 * <ol>
 *   <li>Eligible: everyone; for sensitive or crisis requests only people with {@code sensitive: true}.</li>
 *   <li>On shift with room (open handoffs below their maximum): covers a requested topic first, then
 *       longest since their last handoff (never = longest), then roster order.</li>
 *   <li>Nobody on shift has room: among those with room, whoever's next shift starts soonest, then
 *       topic, longest waiting, roster order. A full person on shift does not beat someone with room
 *       who starts later: the customer is told when that person starts instead.</li>
 *   <li>Nobody has room at all: on shift first (else soonest start), then fewest open relative to
 *       their maximum, then topic, longest waiting, roster order.</li>
 * </ol>
 * For a crisis, seniority ({@code team.yaml}'s {@code seniority}) comes first among those who can start
 * equally soon: the most senior opted-in person on shift with room, else the most senior of those whose
 * next shift starts first.
 * Someone is always chosen, because a {@link Roster} always has a person who takes sensitive handoffs.
 */
public final class Router {

    /** Which rule chose, with the facts it ranks by in order. */
    enum Tier {
        ON_SHIFT(List.of(Key.TOPIC, Key.WAITING, Key.ORDER),
                List.of(Key.SENIORITY, Key.TOPIC, Key.WAITING, Key.ORDER)),
        NEXT_SHIFT(List.of(Key.START, Key.TOPIC, Key.WAITING, Key.ORDER),
                List.of(Key.START, Key.SENIORITY, Key.TOPIC, Key.WAITING, Key.ORDER)),
        ALL_FULL(List.of(Key.START, Key.LOAD, Key.TOPIC, Key.WAITING, Key.ORDER),
                List.of(Key.START, Key.SENIORITY, Key.LOAD, Key.TOPIC, Key.WAITING, Key.ORDER));

        final List<Key> keys;
        /**
         * A crisis wants the most experienced hands: the most senior among those who can start equally
         * soon. Seniority never outranks {@link Key#START}, so a crisis does not wait hours for a senior
         * person while a less senior opted-in one is there.
         */
        final List<Key> crisisKeys;

        Tier(List<Key> keys, List<Key> crisisKeys) {
            this.keys = keys;
            this.crisisKeys = crisisKeys;
        }

        List<Key> keys(boolean crisis) {
            return crisis ? crisisKeys : keys;
        }

        Comparator<Candidate> ranking(boolean crisis) {
            return keys(crisis).stream().map(key -> key.comparator).reduce(Comparator::thenComparing).orElseThrow();
        }

        /** The first fact that put the winner ahead of the runner-up; null when there was no runner-up. */
        Key decider(Candidate winner, Candidate runnerUp, boolean crisis) {
            if (runnerUp == null) {
                return null;
            }
            return keys(crisis).stream().filter(key -> key.comparator.compare(winner, runnerUp) != 0).findFirst()
                    .orElseThrow();
        }
    }

    private Router() {
    }

    public static Routing route(RoutingRequest request, Roster roster, Workload workload, Instant now) {
        return route(request, roster, workload, now, Pool.everyone());
    }

    /**
     * Chooses within {@code pool} (a routing rule's team or person). When nobody in the pool is eligible
     * (a grief handoff for a team without anyone who takes sensitive ones, say), everyone outside
     * {@code pool.excluded()} is considered instead and the reason says so; someone is always chosen
     * unless the pool excludes every eligible person, in which case the exclusion is ignored too.
     */
    public static Routing route(RoutingRequest request, Roster roster, Workload workload, Instant now, Pool pool) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(pool, "pool");

        List<Candidate> all = eligible(request, roster, workload, now);
        List<Candidate> eligible = filter(all, c -> pool.includes(c.person()));
        String widened = null;
        if (eligible.isEmpty()) {
            eligible = filter(all, c -> !pool.excluded().contains(c.person().id()));
            widened = "nobody eligible in " + pool.describe(roster);
            if (eligible.isEmpty()) {
                eligible = all;
            }
        }
        List<Candidate> onShiftWithRoom = filter(eligible, c -> c.onShift() && c.hasCapacity());
        List<Candidate> withRoom = filter(eligible, Candidate::hasCapacity);
        Tier tier = !onShiftWithRoom.isEmpty() ? Tier.ON_SHIFT : !withRoom.isEmpty() ? Tier.NEXT_SHIFT : Tier.ALL_FULL;
        List<Candidate> ranked = switch (tier) {
            case ON_SHIFT -> onShiftWithRoom;
            case NEXT_SHIFT -> withRoom;
            case ALL_FULL -> eligible;
        };
        ranked.sort(tier.ranking(request.crisis()));

        Candidate winner = ranked.get(0);
        Candidate runnerUp = ranked.size() > 1 ? ranked.get(1) : null;
        boolean someoneOnShiftIsFull = eligible.stream().anyMatch(c -> c.onShift() && !c.hasCapacity());
        String why = Why.explain(request, tier, winner, tier.decider(winner, runnerUp, request.crisis()), someoneOnShiftIsFull);
        if (widened != null) {
            why = widened + "; " + why;
        }
        return new Routing(winner.person(), winner.onShift(), winner.availableAt(), winner.topicMatched(), why);
    }

    private static List<Candidate> eligible(RoutingRequest request, Roster roster, Workload workload, Instant now) {
        List<Candidate> eligible = new ArrayList<>();
        for (int i = 0; i < roster.people().size(); i++) {
            Person person = roster.people().get(i);
            if (person.takesSensitive() || !request.needsSensitive()) {
                eligible.add(Candidate.of(person, i, request, workload, now));
            }
        }
        return eligible;
    }

    private static List<Candidate> filter(List<Candidate> candidates, Predicate<Candidate> keep) {
        return new ArrayList<>(candidates.stream().filter(keep).toList());
    }
}
