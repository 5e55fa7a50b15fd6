package dev.baton.console.queue;

import dev.baton.console.api.QueueEntry;
import dev.baton.console.api.CueDefinition;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The order of the queue: handoffs nobody holds (waiting, transferred) before claimed ones; within
 * that crisis first, then by the priority the routing rule gave (urgent, high, normal, low), then the
 * most sensitive (grief, anxiety and urgency before the rest); then the one waiting longest. Which
 * reasons go first is each cue's {@link CueDefinition#rank()}, as Baton defines it.
 */
public final class QueueOrder {

    private static final Set<String> UNHELD = Set.of("waiting", "transferred");

    private QueueOrder() {
    }

    /** @param cues Baton's cue kinds, which say how far forward each reason puts a handoff */
    public static List<QueueEntry> sort(List<QueueEntry> entries, List<CueDefinition> cues) {
        return entries.stream().sorted(order(cues)).toList();
    }

    static Comparator<QueueEntry> order(List<CueDefinition> cues) {
        Map<String, Integer> ranks = ranks(cues);
        ToIntFunction<QueueEntry> sensitivity = entry -> sensitivity(entry, ranks);
        return Comparator.comparingInt(QueueOrder::holdRank)
                .thenComparingInt(entry -> sensitivity.applyAsInt(entry) == 0 ? 0 : 1)
                .thenComparingInt(QueueOrder::priority)
                .thenComparingInt(sensitivity)
                .thenComparing(QueueEntry::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(QueueEntry::id);
    }

    /** 0 for waiting or transferred, 1 for claimed, 2 for anything else. */
    static int holdRank(QueueEntry entry) {
        if (UNHELD.contains(entry.state())) {
            return 0;
        }
        return "claimed".equals(entry.state()) ? 1 : 2;
    }

    /** urgent 0, high 1, normal (or unknown) 2, low 3. */
    static int priority(QueueEntry entry) {
        return switch (entry.priority() == null ? "normal" : entry.priority()) {
            case "urgent" -> 0;
            case "high" -> 1;
            case "low" -> 3;
            default -> 2;
        };
    }

    /** The lowest {@link CueDefinition#rank()} of all the reasons: the most sensitive one counts. */
    static int sensitivity(QueueEntry entry, Map<String, Integer> ranks) {
        int rank = ranks.getOrDefault(entry.reason(), CueDefinition.IN_TURN);
        for (String reason : entry.reasons()) {
            rank = Math.min(rank, ranks.getOrDefault(reason, CueDefinition.IN_TURN));
        }
        return rank;
    }

    /** By wire name, and by label too: the queue has always put a reason written {@code grief} with the grief ones. */
    static Map<String, Integer> ranks(List<CueDefinition> cues) {
        Map<String, Integer> ranks = new HashMap<>();
        cues.forEach(cue -> ranks.put(cue.name(), cue.rank()));
        cues.forEach(cue -> ranks.putIfAbsent(cue.label(), cue.rank()));
        return ranks;
    }
}
