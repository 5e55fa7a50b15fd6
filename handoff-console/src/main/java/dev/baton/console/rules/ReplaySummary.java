package dev.baton.console.rules;

import dev.baton.console.api.ReplayReport;
import dev.baton.console.api.CueDefinition;
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

    /** @param cues Baton's cue kinds, for the words a reason is named by */
    public static String sentence(ReplayReport report, String period, List<CueDefinition> cues) {
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
        List<String> reasons = reasons(report.byReason(), cues);
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
    static List<String> reasons(List<ReplayReport.Delta> deltas, List<CueDefinition> cues) {
        return deltas.stream().filter(d -> d.draft() != d.live())
                .sorted(Comparator.comparingInt((ReplayReport.Delta d) -> -Math.abs(d.draft() - d.live()))
                        .thenComparing(ReplayReport.Delta::name))
                .limit(REASONS_NAMED)
                .map(d -> {
                    int change = d.draft() - d.live();
                    int size = Math.abs(change);
                    return size + (change < 0 ? " fewer " : " more ") + label(d.name(), cues)
                            + (size == 1 ? " handoff" : " handoffs");
                })
                .toList();
    }

    /**
     * The words the console uses for a reason (the same as the pages' reason chips), hyphenated to stand
     * before "handoffs": "asked-for-a-person handoffs".
     */
    public static String label(String reason, List<CueDefinition> cues) {
        return cues.stream().filter(cue -> cue.name().equals(reason)).findFirst()
                .map(cue -> cue.label().replace(' ', '-'))
                .orElseGet(() -> reason.replace('_', ' '));
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
