package dev.baton.replay;

import dev.baton.console.api.ReplayReport;
import dev.baton.console.api.ReplayReport.Delta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A replay in one sentence, draft first, e.g. "42 handoffs last week: 30 to Alex, 12 to Sam; 3 fewer than
 * live: 5 fewer grief handoffs; 4 go to someone else." For the command line; the console words its own.
 */
public final class ReplaySentence {

    /** People named before the rest are summed up as "others". */
    private static final int PEOPLE = 3;
    /** Reasons named; a long tail of one-off changes would drown the sentence. */
    private static final int REASONS = 3;

    private ReplaySentence() {
    }

    /** @param period how the period reads in a sentence, e.g. "last week" or "from 1 to 8 November" */
    public static String sentence(ReplayReport report, String period) {
        if (report.conversations() == 0) {
            return "No stored conversations " + period + " to replay.";
        }
        ReplayReport.Side draft = report.draft();
        StringBuilder sentence = new StringBuilder();
        sentence.append(draft.handoffs() == 0 ? "No handoffs" : plural(draft.handoffs(), "handoff")).append(' ')
                .append(period);
        if (draft.handoffs() > 0) {
            sentence.append(": ").append(people(draft.byPerson()));
        }
        if (report.changed().isEmpty()) {
            return sentence.append("; the draft changes nothing.").toString();
        }
        int more = draft.handoffs() - report.live().handoffs();
        sentence.append("; ").append(more > 0 ? more + " more than live" : more < 0 ? -more + " fewer than live"
                : "as many as live");
        List<String> reasons = reasons(report.byReason());
        if (!reasons.isEmpty()) {
            sentence.append(": ").append(String.join(", ", reasons));
        }
        long rerouted = report.changed().stream().filter(c -> c.change().equals("rerouted")).count();
        if (rerouted > 0) {
            sentence.append("; ").append(rerouted).append(rerouted == 1 ? " goes" : " go").append(" to someone else");
        }
        return sentence.append('.').toString();
    }

    private static String people(Map<String, Integer> byPerson) {
        List<String> named = new ArrayList<>();
        int others = 0;
        int otherPeople = 0;
        for (Map.Entry<String, Integer> person : byPerson.entrySet()) {
            if (named.size() < PEOPLE || byPerson.size() == PEOPLE + 1) {
                named.add(person.getValue() + " to " + person.getKey());
            } else {
                others += person.getValue();
                otherPeople++;
            }
        }
        if (otherPeople > 0) {
            named.add(others + " to " + otherPeople + " others");
        }
        return String.join(", ", named);
    }

    /** The biggest changes per reason first, e.g. "5 fewer grief handoffs". */
    private static List<String> reasons(List<Delta> deltas) {
        return deltas.stream().filter(d -> d.draft() != d.live())
                .sorted(Comparator.comparingInt((Delta d) -> -Math.abs(d.draft() - d.live())))
                .limit(REASONS)
                .map(d -> {
                    int change = d.draft() - d.live();
                    return Math.abs(change) + (change > 0 ? " more " : " fewer ") + Reasons.label(d.name())
                            + (Math.abs(change) == 1 ? " handoff" : " handoffs");
                })
                .toList();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
