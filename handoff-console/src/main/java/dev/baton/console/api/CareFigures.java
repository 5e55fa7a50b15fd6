package dev.baton.console.api;

import java.time.Instant;
import java.util.List;

/**
 * Did people get helped, and did anyone have to repeat themselves: after-care ratings, repeats, reply and
 * resolve times, and how often Baton answered, over a period. Practice conversations never count. A
 * handoff belongs to the period (and the ISO week, UTC) it was created in.
 *
 * @param total    every handoff of the period, with the period's decisions
 * @param byPerson one row per person who resolved the handoff (after-care's {@code resolved_by}, else the
 *                 handoff's assignee); everyone on the roster has a row
 * @param byRule   one row per routing rule (every rule in the live file, then any other that routed something)
 * @param byWeek   one row per ISO week the period touches, e.g. {@code 2026-W49}, with that week's decisions
 * @param byReason handoffs per main reason, and their share of the customer messages Baton decided on
 */
public record CareFigures(Instant from, Instant to, Row total, List<Row> byPerson, List<Row> byRule,
                          List<Row> byWeek, List<Reason> byReason) {

    public CareFigures {
        byPerson = List.copyOf(byPerson);
        byRule = List.copyOf(byRule);
        byWeek = List.copyOf(byWeek);
        byReason = List.copyOf(byReason);
    }

    /**
     * One group of handoffs.
     *
     * @param group       what {@code /api/care/handoffs?group=} takes for this row: {@code all},
     *                    {@code person:<id>}, {@code rule:<name>} or {@code week:<2026-W49>}
     * @param name        how the row is shown (a person's name, a rule, a week)
     * @param decisions   for {@code total} and weeks only (a decision has no person or rule); else null
     */
    public record Row(String group, String name, int handoffs, Satisfaction satisfaction, Repeats repeats,
                      Times firstReply, Times resolve, AfterAnswer afterAnswer, Decisions decisions) {
    }

    /**
     * After-care rating prompts (closing lines ask nothing and are not counted).
     *
     * @param asked    rating prompts Baton posted
     * @param answered of those, answered 👍 or 👎
     * @param comments answers with a comment
     * @param upShare  up / (up + down); null without answers
     */
    public record Satisfaction(int asked, int answered, int up, int down, int comments, Double upShare) {
    }

    /**
     * @param checked handoffs checked for a repeat
     * @param repeats of those, where the customer restated something or staff re-asked it
     * @param rate    repeats / checked; null when none was checked
     */
    public record Repeats(int checked, int repeats, Double rate) {
    }

    /**
     * Seconds from handoff creation to an event (the first staff message after it; the first resolve).
     *
     * @param count   handoffs that reached the event
     * @param p50Secs median, nearest rank; null when none did
     * @param p90Secs 90th percentile, nearest rank; null when none did
     */
    public record Times(int count, Long p50Secs, Long p90Secs) {
    }

    /**
     * Rated handoffs whose conversation had a bot answer (a decision with verdict answer) before the handoff.
     *
     * @param rated handoffs rated 👍 or 👎 after a bot answer
     * @param down  of those, rated 👎
     * @param share down / rated; null when none was rated
     */
    public record AfterAnswer(int rated, int down, Double share) {
    }

    /**
     * Baton's decisions on customer messages in the same stretch.
     *
     * @param decisions   customer messages decided on (answer, handoff or small talk)
     * @param answered    of those, answered from the knowledge base
     * @param answerRate  answered / decisions; null without decisions
     * @param handoffRate the row's handoffs / decisions; null without decisions
     */
    public record Decisions(int decisions, int answered, Double answerRate, Double handoffRate) {
    }

    /** @param rate handoffs / the period's decisions; null without decisions */
    public record Reason(String reason, int handoffs, Double rate) {
    }

    /** One handoff behind a figure, for the list the figure links to. */
    public record Handoff(long id, Instant createdAt, String customerName, String personName, String rule,
                          String reason) {
    }
}
