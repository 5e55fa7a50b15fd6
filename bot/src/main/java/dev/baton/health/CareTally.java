package dev.baton.health;

import dev.baton.console.api.CareFigures;
import java.util.ArrayList;
import java.util.List;

/** Handoffs counted under one name (a person, a rule, a week, or all of them). */
final class CareTally {

    private final int[] counts = new int[CareFigure.values().length];
    private final List<Long> replySecs = new ArrayList<>();
    private final List<Long> resolveSecs = new ArrayList<>();

    void add(CareFacts handoff) {
        for (CareFigure figure : CareFigure.values()) {
            if (figure.counts(handoff)) {
                counts[figure.ordinal()]++;
            }
        }
        Long reply = handoff.secsTo(handoff.firstReplyAt());
        if (reply != null) {
            replySecs.add(reply);
        }
        Long resolve = handoff.secsTo(handoff.resolvedAt());
        if (resolve != null) {
            resolveSecs.add(resolve);
        }
    }

    int handoffs() {
        return count(CareFigure.HANDOFFS);
    }

    /**
     * @param decisions the customer messages Baton decided on over the same stretch; null where a decision
     *                  belongs to no such group (a person, a rule)
     */
    CareFigures.Row row(String group, String name, DayDecisions decisions) {
        int up = count(CareFigure.UP);
        int down = count(CareFigure.DOWN);
        int checked = count(CareFigure.CHECKED);
        int repeats = count(CareFigure.REPEATS);
        int rated = count(CareFigure.RATED_AFTER_ANSWER);
        int downAfter = count(CareFigure.DOWN_AFTER_ANSWER);
        return new CareFigures.Row(group, name, handoffs(),
                new CareFigures.Satisfaction(count(CareFigure.ASKED), count(CareFigure.ANSWERED), up, down,
                        count(CareFigure.COMMENTS), ratio(up, up + down)),
                new CareFigures.Repeats(checked, repeats, ratio(repeats, checked)),
                times(replySecs), times(resolveSecs),
                new CareFigures.AfterAnswer(rated, downAfter, ratio(downAfter, rated)),
                decisions == null ? null : new CareFigures.Decisions(decisions.decisions(), decisions.answered(),
                        ratio(decisions.answered(), decisions.decisions()), ratio(handoffs(), decisions.decisions())));
    }

    private int count(CareFigure figure) {
        return counts[figure.ordinal()];
    }

    private static CareFigures.Times times(List<Long> secs) {
        Percentiles p = Percentiles.of(secs);
        return new CareFigures.Times(p.count(), p.p50(), p.p90());
    }

    static Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
