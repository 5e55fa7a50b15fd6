package dev.baton.console.queue;

import dev.baton.console.api.QueueEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The order of the queue: handoffs nobody holds (waiting, transferred) before claimed ones; within
 * that crisis first, then by the priority the routing rule gave (urgent, high, normal, low), then the
 * most sensitive (grief, anxiety and urgency before the rest); then the one waiting longest.
 */
public final class QueueOrder {

    private static final Set<String> UNHELD = Set.of("waiting", "transferred");
    private static final Set<String> TENDER = Set.of("sadness_grief", "grief", "anxiety", "urgency");

    public static final Comparator<QueueEntry> ORDER = Comparator
            .comparingInt(QueueOrder::holdRank)
            .thenComparingInt(entry -> sensitivity(entry) == 0 ? 0 : 1)
            .thenComparingInt(QueueOrder::priority)
            .thenComparingInt(QueueOrder::sensitivity)
            .thenComparing(QueueEntry::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(QueueEntry::id);

    private QueueOrder() {
    }

    public static List<QueueEntry> sort(List<QueueEntry> entries) {
        return entries.stream().sorted(ORDER).toList();
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

    /** 0 for crisis, 1 for grief/anxiety/urgency, 2 otherwise; the most sensitive of all the reasons counts. */
    static int sensitivity(QueueEntry entry) {
        int rank = rank(entry.reason());
        for (String reason : entry.reasons()) {
            rank = Math.min(rank, rank(reason));
        }
        return rank;
    }

    private static int rank(String reason) {
        if ("crisis".equals(reason)) {
            return 0;
        }
        return TENDER.contains(reason) ? 1 : 2;
    }
}
