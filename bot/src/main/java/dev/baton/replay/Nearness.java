package dev.baton.replay;

import dev.baton.live.RulesInForce;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.triage.Conversation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The nearest knowledge-base entry at each decision point under one rule set. Stored with the decision
 * whenever possible (the fast path: no model runs); found again with the rule set's engine when the row
 * predates the stored nearest match, when its entry is gone from this knowledge base, or when the rule
 * set's knowledge base is not the one the decisions were made with (the slow path, counted).
 */
final class Nearness {

    private Nearness() {
    }

    /**
     * @param storedHolds whether this rule set's knowledge base is the one the stored matches came from
     * @return per point (same order), its nearest match; null where nothing could be read
     */
    static Resolved resolve(List<DecisionPoint> points, RulesInForce set, boolean storedHolds) {
        Match[] nearest = new Match[points.size()];
        AtomicInteger slow = new AtomicInteger();
        // Embedding is the only costly step and each point is independent: spread it over the cores.
        IntStream.range(0, points.size()).parallel().forEach(i -> {
            DecisionPoint point = points.get(i);
            Optional<Match> stored = storedHolds ? stored(point, set) : Optional.empty();
            if (stored.isPresent()) {
                nearest[i] = stored.get();
            } else {
                Conversation read = point.conversation();
                if (read != null) {
                    slow.incrementAndGet();
                    nearest[i] = set.engine().nearest(read);
                }
            }
        });
        return new Resolved(Arrays.asList(nearest), slow.get());
    }

    /** Per point its nearest match (null where the engine had nothing to read), and how many were found again. */
    record Resolved(List<Match> nearest, int foundAgain) {
        Resolved {
            nearest = Collections.unmodifiableList(new ArrayList<>(nearest)); // nulls allowed, unlike List.copyOf
        }
    }

    private static Optional<Match> stored(DecisionPoint point, RulesInForce set) {
        if (point.stored() == null) {
            return Optional.empty();
        }
        Optional<KnowledgeEntry> entry = set.knowledge().find(point.stored().kbId());
        // The phrasing that matched is not stored; nothing in a replay shows it.
        return entry.map(e -> new Match(e, point.stored().confidence(), e.questions().isEmpty() ? "" : e.questions().get(0)));
    }
}
