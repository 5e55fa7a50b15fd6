package dev.baton.replay;

import dev.baton.console.api.ReplayReport;
import dev.baton.console.api.ReplayReport.Changed;
import dev.baton.console.api.ReplayReport.Delta;
import dev.baton.console.api.ReplayReport.Side;
import dev.baton.replay.History.Case;
import dev.baton.replay.History.RealHandoff;
import dev.baton.rules.Priority;
import dev.baton.triage.CueKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Puts the live and the draft outcome of every replayed conversation side by side. Pure. */
final class Comparison {

    static final String NO_TEAM = "no team";

    private Comparison() {
    }

    static ReplayReport compare(History history, Map<Long, ReplayOutcome> live, Map<Long, ReplayOutcome> draft,
                                long millis) {
        List<Changed> changed = new ArrayList<>();
        for (Case conversation : history.cases().values()) {
            ReplayOutcome before = live.get(conversation.conversationId());
            ReplayOutcome after = draft.get(conversation.conversationId());
            String change = before == null || after == null ? null : change(before, after);
            if (change != null) {
                changed.add(new Changed(conversation.conversationId(), realHandoff(conversation, history),
                        divergedAt(change, before, after), conversation.customerName(), change, words(before),
                        words(after)));
            }
        }
        changed.sort(Comparator.comparing(Changed::at).thenComparingLong(Changed::conversationId));
        return new ReplayReport(history.from(), history.to(), history.cases().size(), side(live.values()),
                side(draft.values()), byReason(live.values(), draft.values()), changed, millis);
    }

    /**
     * gained: now handed off; lost: now answered by Baton; rerouted: to another person; reason: handed off
     * for another main reason or by another rule. Null when nothing that matters changed.
     */
    static String change(ReplayOutcome live, ReplayOutcome draft) {
        if (live instanceof ReplayOutcome.Answered && draft instanceof ReplayOutcome.HandedOff) {
            return "gained";
        }
        if (live instanceof ReplayOutcome.HandedOff && draft instanceof ReplayOutcome.Answered) {
            return "lost";
        }
        if (live instanceof ReplayOutcome.HandedOff a && draft instanceof ReplayOutcome.HandedOff b) {
            if (!a.person().id().equals(b.person().id())) {
                return "rerouted";
            }
            if (a.reason() != b.reason() || !a.rule().equals(b.rule())) {
                return "reason";
            }
        }
        return null;
    }

    /** When the two stopped agreeing: the handoff that one of them made, or the earlier of their two handoffs. */
    private static Instant divergedAt(String change, ReplayOutcome live, ReplayOutcome draft) {
        return switch (change) {
            case "gained" -> draft.at();
            case "lost" -> live.at();
            default -> live.at().isBefore(draft.at()) ? live.at() : draft.at();
        };
    }

    /** "handoff: anger → Alex (rule billing channel)", or "answer: reset-password". */
    static String words(ReplayOutcome outcome) {
        if (outcome instanceof ReplayOutcome.HandedOff h) {
            String priority = h.priority() == Priority.NORMAL ? "" : ", " + h.priority().wireName();
            return "handoff: " + Reasons.label(h.reason()) + " → " + h.person().name() + " (rule " + h.rule() + priority
                    + ")";
        }
        return "answer: " + String.join(", ", ((ReplayOutcome.Answered) outcome).entries());
    }

    /** The conversation's first real handoff from the period's start on, if it had one. */
    private static Long realHandoff(Case conversation, History history) {
        return conversation.handoffs().stream().filter(h -> !h.createdAt().isBefore(history.from()))
                .map(RealHandoff::id).findFirst().orElse(null);
    }

    private static Side side(Iterable<ReplayOutcome> outcomes) {
        int handoffs = 0;
        int answers = 0;
        List<ReplayOutcome.HandedOff> handedOff = new ArrayList<>();
        for (ReplayOutcome outcome : outcomes) {
            if (outcome instanceof ReplayOutcome.HandedOff h) {
                handoffs++;
                handedOff.add(h);
            } else {
                answers++;
            }
        }
        return new Side(handoffs, answers, count(handedOff, h -> h.person().name()),
                count(handedOff, h -> h.person().team() != null ? h.person().team() : NO_TEAM),
                count(handedOff, ReplayOutcome.HandedOff::rule));
    }

    /** Counts per key, most first, then by name, in an insertion-ordered map so JSON and tables keep the order. */
    private static Map<String, Integer> count(List<ReplayOutcome.HandedOff> handoffs,
                                              Function<ReplayOutcome.HandedOff, String> key) {
        Map<String, Integer> counts = new HashMap<>();
        handoffs.forEach(h -> counts.merge(key.apply(h), 1, Integer::sum));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** Per main reason (its wire name), in the vocabulary's order; reasons neither side handed off for are left out. */
    private static List<Delta> byReason(Iterable<ReplayOutcome> live, Iterable<ReplayOutcome> draft) {
        Map<CueKind, Integer> before = reasons(live);
        Map<CueKind, Integer> after = reasons(draft);
        List<Delta> deltas = new ArrayList<>();
        for (CueKind kind : CueKind.values()) {
            int l = before.getOrDefault(kind, 0);
            int d = after.getOrDefault(kind, 0);
            if (l > 0 || d > 0) {
                deltas.add(new Delta(kind.wireName(), l, d));
            }
        }
        return deltas;
    }

    private static Map<CueKind, Integer> reasons(Iterable<ReplayOutcome> outcomes) {
        Map<CueKind, Integer> counts = new EnumMap<>(CueKind.class);
        for (ReplayOutcome outcome : outcomes) {
            if (outcome instanceof ReplayOutcome.HandedOff h) {
                counts.merge(h.reason(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
