package dev.baton.console.rules;

import dev.baton.console.api.RulesHealth;
import dev.baton.console.web.Csv;
import java.util.List;

/** The rules health tables as CSV, formula-safe as {@link Csv} writes it. Pure. */
public final class HealthCsv {

    /** The tables {@code /api/rules/health.csv?table=} knows. */
    public static final List<String> TABLES = List.of("rules", "cues", "pickup");

    private HealthCsv() {
    }

    public static String table(String table, RulesHealth health) {
        return switch (table) {
            case "rules" -> rows("rule", health.byRule());
            case "cues" -> rows("cue", health.byCue());
            case "pickup" -> pickup(health.pickup());
            default -> throw new IllegalArgumentException("no table " + table);
        };
    }

    private static String rows(String first, List<RulesHealth.Row> rows) {
        StringBuilder out = new StringBuilder();
        Csv.line(out, first, "handoffs", "needed_person", "bot_could_answer", "should_have_come_sooner", "asked_again",
                "precision", "pickup_p50_seconds", "pickup_p90_seconds", "deadline_breaches", "asked_again_share");
        for (RulesHealth.Row r : rows) {
            Csv.line(out, Csv.text(r.name()), r.handoffs(), r.neededPerson(), r.botCouldAnswer(), r.shouldHaveComeSooner(),
                    r.askedAgain(), Csv.share(r.precision()), r.pickupP50Secs(), r.pickupP90Secs(), r.breaches(),
                    Csv.share(r.askedAgainShare()));
        }
        return out.toString();
    }

    private static String pickup(List<RulesHealth.Pickup> rows) {
        StringBuilder out = new StringBuilder();
        Csv.line(out, "kind", "name", "handoffs", "picked_up", "pickup_p50_seconds", "pickup_p90_seconds",
                "deadline_breaches");
        for (RulesHealth.Pickup p : rows) {
            Csv.line(out, Csv.text(p.kind()), Csv.text(p.name()), p.handoffs(), p.pickedUp(), p.p50Secs(), p.p90Secs(), p.breaches());
        }
        return out.toString();
    }
}
