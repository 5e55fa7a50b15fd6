package dev.baton.console.care;

import dev.baton.console.api.CareFigures;
import dev.baton.console.api.CareFigures.Row;
import dev.baton.console.web.Csv;
import java.util.List;

/**
 * The care figures as CSV, one grouping per file, formula-safe as {@link Csv} writes it. Shares are
 * fractions ({@code 0.6667}), times whole seconds; an empty cell is a share or time with nothing to
 * measure. Pure.
 */
public final class CareCsv {

    /** The groupings {@code /api/care.csv?by=} knows. */
    public static final List<String> GROUPINGS = List.of("person", "rule", "week", "reason");

    private CareCsv() {
    }

    public static String table(String by, CareFigures care) {
        return switch (by) {
            case "person" -> rows("person", care.byPerson());
            case "rule" -> rows("rule", care.byRule());
            case "week" -> rows("week", care.byWeek());
            case "reason" -> reasons(care.byReason());
            default -> throw new IllegalArgumentException("no grouping " + by);
        };
    }

    private static String rows(String first, List<Row> rows) {
        StringBuilder out = new StringBuilder();
        Csv.line(out, first, "handoffs", "ratings_asked", "ratings_answered", "thumbs_up", "thumbs_down", "comments",
                "thumbs_up_share", "repeat_checked", "repeats", "repeat_rate", "replied", "first_reply_p50_seconds",
                "first_reply_p90_seconds", "resolved", "resolve_p50_seconds", "resolve_p90_seconds",
                "rated_after_bot_answer", "thumbs_down_after_bot_answer", "thumbs_down_after_bot_answer_share",
                "decisions", "bot_answers", "bot_answer_rate", "handoff_rate");
        for (Row r : rows) {
            CareFigures.Satisfaction s = r.satisfaction();
            CareFigures.Decisions d = r.decisions();
            Csv.line(out, Csv.text(r.name()), r.handoffs(), s.asked(), s.answered(), s.up(), s.down(), s.comments(),
                    Csv.share(s.upShare()), r.repeats().checked(), r.repeats().repeats(), Csv.share(r.repeats().rate()),
                    r.firstReply().count(), r.firstReply().p50Secs(), r.firstReply().p90Secs(), r.resolve().count(),
                    r.resolve().p50Secs(), r.resolve().p90Secs(), r.afterAnswer().rated(), r.afterAnswer().down(),
                    Csv.share(r.afterAnswer().share()), d == null ? null : d.decisions(),
                    d == null ? null : d.answered(), d == null ? null : Csv.share(d.answerRate()),
                    d == null ? null : Csv.share(d.handoffRate()));
        }
        return out.toString();
    }

    private static String reasons(List<CareFigures.Reason> reasons) {
        StringBuilder out = new StringBuilder();
        Csv.line(out, "reason", "handoffs", "handoff_rate");
        for (CareFigures.Reason r : reasons) {
            Csv.line(out, Csv.text(r.reason()), r.handoffs(), Csv.share(r.rate()));
        }
        return out.toString();
    }
}
