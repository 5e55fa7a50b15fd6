package dev.baton.bridge;

import dev.baton.console.api.ActionRejected;
import dev.baton.console.api.CareFigures;
import dev.baton.console.api.CareFiguresSource;
import dev.baton.desk.SupportDesk;
import dev.baton.health.CareReport;
import dev.baton.health.RulesHealthReport;
import dev.baton.live.RulesInForce;
import java.time.Instant;
import java.util.List;

/** The console's care page over {@link CareReport}, with the rules and roster in force naming the rows. */
public final class CareBridge implements CareFiguresSource {

    private final SupportDesk desk;
    private final CareReport report;

    public CareBridge(SupportDesk desk, CareReport report) {
        this.desk = desk;
        this.report = report;
    }

    @Override
    public CareFigures care(Instant from, Instant to) {
        check(from, to);
        RulesInForce now = desk.rules();
        return report.compute(from, to, RulesHealthReport.ruleNames(now.book()), now.roster());
    }

    @Override
    public List<CareFigures.Handoff> behind(Instant from, Instant to, String group, String figure) {
        check(from, to);
        try {
            return report.behind(from, to, desk.rules().roster(), group, figure);
        } catch (IllegalArgumentException e) {
            throw new ActionRejected("There is no figure \"" + figure + "\" for \"" + group + "\".");
        }
    }

    private static void check(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new ActionRejected("The period's start must be before its end.");
        }
    }
}
