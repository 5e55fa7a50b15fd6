package dev.baton.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * One eligible person as the router sees them at one instant: the facts it ranks by, worked out once.
 *
 * @param order         position in the roster file, the last tie-breaker
 * @param availableAt   now when on shift, else their next shift start
 * @param matchedTopics the request's topics they cover, sorted for stable wording
 * @param lastHandoff   when they last got a handoff; {@code null} if never
 */
record Candidate(Person person, int order, boolean onShift, Instant availableAt, Set<String> matchedTopics,
                 int open, Instant lastHandoff) {

    static Candidate of(Person person, int order, RoutingRequest request, Workload workload, Instant now) {
        boolean onShift = person.hours().isOnShift(now);
        // Person guarantees at least one shift, so a next start always exists.
        Instant availableAt = onShift ? now : person.hours().nextShiftStart(now).orElseThrow();
        Set<String> matched = new TreeSet<>(person.topics());
        matched.retainAll(request.topics());
        return new Candidate(person, order, onShift, availableAt, matched,
                workload.open(person.id()), workload.lastHandoff(person.id()).orElse(null));
    }

    boolean hasCapacity() {
        return open < person.maxOpenHandoffs();
    }

    boolean topicMatched() {
        return !matchedTopics.isEmpty();
    }

    /** The facts the router ranks by, each best-first. */
    enum Key {
        /** Available soonest; everyone on shift is available now. */
        START(Comparator.comparing(Candidate::availableAt)),
        /** Fewest open handoffs relative to their own maximum (cross-multiplied: no rounding). */
        LOAD((a, b) -> Long.compare((long) a.open * b.person.maxOpenHandoffs(),
                (long) b.open * a.person.maxOpenHandoffs())),
        TOPIC(Comparator.comparing(Candidate::topicMatched).reversed()),
        /** Most senior first: only a crisis ranks by it. */
        SENIORITY(Comparator.comparingInt((Candidate c) -> c.person().seniority()).reversed()),
        /** Longest since their last handoff; never having had one counts as longest. */
        WAITING(Comparator.comparing(Candidate::lastHandoff, Comparator.nullsFirst(Comparator.naturalOrder()))),
        ORDER(Comparator.comparingInt(Candidate::order));

        final Comparator<Candidate> comparator;

        Key(Comparator<Candidate> comparator) {
            this.comparator = comparator;
        }
    }
}
