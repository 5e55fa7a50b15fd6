package dev.baton.console.rules;

import dev.baton.console.api.ReplayReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The one sentence a community manager reads first after a replay, e.g. "42 handoffs in the last
 * 7 days under the draft (45 under the live rules): 30 to Alex, 12 to Sam; 5 fewer grief handoffs.
 * 7 of 310 conversations would change." Pure.
 */
public final class ReplaySummary {

    static final int PEOPLE_NAMED = 3;
    static final int REASONS_NAMED = 3;

    private ReplaySummary() {
    }

    public static String sentence(ReplayReport report, String period) {
        if (report.conversations() == 0) {
            return "No stored conversations " + period + " to replay.";
        }
        int draft = report.draft().handoffs();
        int live = report.live().handoffs();
        StringBuilder out = new StringBuilder();
        out.append(draft == 0 ? "No handoffs" : count(draft, "handoff", "handoffs"))
                .append(' ').append(period).append(" under the draft");
        out.append(draft == live ? " (the same number as under the live rules)"
                : " (" + live + " under the live rules)");
        String people = people(report.draft().byPerson());
        if (!people.isEmpty()) {
            out.append(": ").append(people);
        }
        List<String> reasons = reasons(report.byReason());
        if (!reasons.isEmpty()) {
            out.append(people.isEmpty() ? ": " : "; ").append(String.join(", ", reasons));
        }
        out.append(". ");
        int changed = report.changed().size();
        out.append(changed == 0 ? "No conversation would change."
                : changed + " of " + count(report.conversations(), "conversation", "conversations") + " would change.");
        return out.toString();
    }

    /** "30 to Alex, 12 to Sam and 4 to 2 others", most first, then by name. */
    static String people(Map<String, Integer> byPerson) {
        List<Map.Entry<String, Integer>> sorted = byPerson.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(PEOPLE_NAMED, sorted.size()); i++) {
            parts.add(sorted.get(i).getValue() + " to " + sorted.get(i).getKey());
        }
        if (sorted.size() > PEOPLE_NAMED) {
            int rest = sorted.subList(PEOPLE_NAMED, sorted.size()).stream().mapToInt(Map.Entry::getValue).sum();
            int others = sorted.size() - PEOPLE_NAMED;
            return String.join(", ", parts) + " and " + rest + " to " + others + (others == 1 ? " other" : " others");
        }
        return String.join(", ", parts);
    }

    /** "5 fewer grief handoffs", "1 more anger handoff": the largest changes first. */
    static List<String> reasons(List<ReplayReport.Delta> deltas) {
        return deltas.stream().filter(d -> d.draft() != d.live())
                .sorted(Comparator.comparingInt((ReplayReport.Delta d) -> -Math.abs(d.draft() - d.live()))
                        .thenComparing(ReplayReport.Delta::name))
                .limit(REASONS_NAMED)
                .map(d -> {
                    int change = d.draft() - d.live();
                    int size = Math.abs(change);
                    return size + (change < 0 ? " fewer " : " more ") + label(d.name())
                            + (size == 1 ? " handoff" : " handoffs");
                })
                .toList();
    }

    /** The words the console uses for a reason (the same as the pages' reason chips). */
    public static String label(String reason) {
        return switch (reason) {
            case "sadness_grief" -> "grief";
            case "human_request" -> "asked-for-a-person";
            case "out_of_scope" -> "out-of-scope";
            case "nonlinear" -> "tangled-conversation";
            default -> reason.replace('_', ' ');
        };
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
