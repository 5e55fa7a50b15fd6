package dev.baton.console.rules;

import dev.baton.console.api.RulesHealth;
import java.util.List;
import java.util.Locale;

/**
 * The rules health tables as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break). Names come from config files and rosters that many people edit,
 * and the file is opened in spreadsheets: a text cell starting with {@code = + - @}, a tab or a
 * carriage return is prefixed with {@code '} so it can never run as a formula. Pure.
 */
public final class HealthCsv {

    /** The tables {@code /api/rules/health.csv?table=} knows. */
    public static final List<String> TABLES = List.of("rules", "cues", "pickup");

    private static final String EOL = "\r\n";

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
        line(out, first, "handoffs", "needed_person", "bot_could_answer", "should_have_come_sooner", "asked_again",
                "precision", "pickup_p50_seconds", "pickup_p90_seconds", "deadline_breaches", "asked_again_share");
        for (RulesHealth.Row r : rows) {
            line(out, text(r.name()), r.handoffs(), r.neededPerson(), r.botCouldAnswer(), r.shouldHaveComeSooner(),
                    r.askedAgain(), share(r.precision()), r.pickupP50Secs(), r.pickupP90Secs(), r.breaches(),
                    share(r.askedAgainShare()));
        }
        return out.toString();
    }

    private static String pickup(List<RulesHealth.Pickup> rows) {
        StringBuilder out = new StringBuilder();
        line(out, "kind", "name", "handoffs", "picked_up", "pickup_p50_seconds", "pickup_p90_seconds",
                "deadline_breaches");
        for (RulesHealth.Pickup p : rows) {
            line(out, text(p.kind()), text(p.name()), p.handoffs(), p.pickedUp(), p.p50Secs(), p.p90Secs(), p.breaches());
        }
        return out.toString();
    }

    /** Header cells and numbers are written as they are; text from outside goes through {@link #text}. */
    private static void line(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells[i];
            out.append(cell == null ? "" : cell instanceof Text t ? t.escaped() : cell.toString());
        }
        out.append(EOL);
    }

    private static String share(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.4f", value);
    }

    static Text text(String value) {
        return new Text(value);
    }

    /** A text cell: formula-safe, then quoted if needed. */
    record Text(String value) {
        String escaped() {
            return escape(value);
        }
    }

    /** One text cell as it goes in the file. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                || (!safe.isEmpty() && (Character.isWhitespace(safe.charAt(0))
                || Character.isWhitespace(safe.charAt(safe.length() - 1))));
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
