package dev.baton.console.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Draft rules replayed over stored conversations, next to the live rules over the same ones.
 *
 * @param conversations how many stored conversations in the period were replayed
 * @param byReason      per main reason, handoffs under live and draft (e.g. 5 fewer grief handoffs)
 * @param changed       every conversation whose outcome differs, oldest first
 * @param millis        how long the replay took
 */
public record ReplayReport(Instant from, Instant to, int conversations, Side live, Side draft,
                           List<Delta> byReason, List<Changed> changed, long millis) {

    public ReplayReport {
        byReason = List.copyOf(byReason);
        changed = List.copyOf(changed);
    }

    /**
     * One set of rules over the period.
     *
     * @param byPerson handoffs per person's name, most first
     * @param byTeam   handoffs per team ("no team" for people without one)
     * @param byRule   handoffs per matched rule name
     */
    public record Side(int handoffs, int answers, Map<String, Integer> byPerson, Map<String, Integer> byTeam,
                       Map<String, Integer> byRule) {
    }

    public record Delta(String name, int live, int draft) {
    }

    /**
     * A conversation whose outcome changes.
     *
     * @param change gained (now a handoff), lost (now answered by Baton), rerouted (another person),
     *               or reason (handed off for another reason or by another rule)
     * @param live   the outcome in words, e.g. "handoff: anger → Alex (rule billing channel)" or "answer: reset-password"
     */
    public record Changed(long conversationId, Long handoffId, Instant at, String customerName, String change,
                          String live, String draft) {
    }
}
