package dev.baton.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stored conversations of one period as a replay needs them, read from the database in one pass.
 *
 * @param cases          every conversation with a decision point in the period, by id
 * @param points         their decision points, in time order
 * @param carriedOver    handoffs made before the period and still open at its start: the workload both
 *                       sets of rules start from
 * @param lastRoutedAt   when each person last got a handoff before the period
 * @param typicalHold    how long a real handoff of the period stayed open (the median), for simulated
 *                       handoffs with no real one to follow
 */
record History(Instant from, Instant to, Map<Long, Case> cases, List<DecisionPoint> points,
               List<Hold> carriedOver, Map<String, Instant> lastRoutedAt, Duration typicalHold) {

    /** When no handoff of the period was resolved, a simulated one is taken to stay open this long. */
    static final Duration DEFAULT_HOLD = Duration.ofHours(1);

    History {
        cases = Map.copyOf(cases);
        points = List.copyOf(points);
        carriedOver = List.copyOf(carriedOver);
        lastRoutedAt = Map.copyOf(lastRoutedAt);
        Objects.requireNonNull(typicalHold, "typicalHold");
    }

    /**
     * One replayed conversation.
     *
     * @param channelId where it started (a channel, thread, forum post or DM)
     * @param parentId  the parent channel of a thread or forum post; null otherwise or for rows stored before
     *                  Baton kept it
     * @param roles     the customer's role names as last seen
     * @param handoffs  its real handoffs, oldest first
     */
    record Case(long conversationId, String customerName, List<String> roles, String channelId, String parentId,
                List<RealHandoff> handoffs) {
        Case {
            roles = List.copyOf(roles);
            handoffs = List.copyOf(handoffs);
        }
    }

    /** A handoff as it really happened; {@code resolvedAt} is null while it is still open. */
    record RealHandoff(long id, Instant createdAt, Instant resolvedAt) {
    }

    /** A real handoff held by {@code personId} until {@code until} (null: still open). */
    record Hold(String personId, Instant until) {
    }
}
