package dev.baton.console.care;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.console.api.CareFigures;
import dev.baton.console.api.CareFiguresSource;
import dev.baton.console.web.ApiError;
import dev.baton.console.web.Caller;
import dev.baton.console.web.Csv;
import dev.baton.console.web.Json;
import dev.baton.console.web.Period;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Managers only, as the rules health page: did people get helped, and did anyone have to repeat
 * themselves, over a period ({@code since}, default 30 days, or {@code from} and {@code to}). As JSON for
 * the care page, as CSV one grouping at a time, and the handoffs behind any one number.
 */
public record CareRoutes(CareFiguresSource source, Clock clock) {

    /** The most handoffs one list sends; {@code total} still says how many there are. */
    static final int MOST_LISTED = 500;
    /** {@code all}, or a kind and a name: {@code person:alex}, {@code rule:billing}, {@code week:2026-W49}. */
    private static final Pattern GROUP = Pattern.compile("all|(person|rule|week|reason):.{1,200}", Pattern.DOTALL);

    /** {@code GET /api/care?since=30d | from=&to=}: {@code CareFigures} plus {@code period}. */
    public void figures(Context ctx) {
        Caller.of(ctx);
        Period period = Period.of(ctx, clock);
        ObjectNode out = Json.MAPPER.valueToTree(source.care(period.from(), period.to()));
        out.put("period", period.label());
        ctx.json(out);
    }

    /** {@code GET /api/care.csv?by=person|rule|week|reason&since= | from=&to=}: a CSV download. */
    public void csv(Context ctx) {
        Caller.of(ctx);
        String by = ctx.queryParam("by");
        if (by == null || !CareCsv.GROUPINGS.contains(by)) {
            throw ApiError.badRequest("\"by\" must be one of " + String.join(", ", CareCsv.GROUPINGS));
        }
        Period period = Period.of(ctx, clock);
        Csv.send(ctx, "baton-care-by-" + by, period, CareCsv.table(by, source.care(period.from(), period.to())));
    }

    /**
     * {@code GET /api/care/handoffs?group=person:alex&figure=repeats&since= | from=&to=}: the handoffs one
     * number counts, {@code {group, figure, period, total, handoffs: [Handoff]}}, oldest first.
     */
    public void handoffs(Context ctx) {
        Caller.of(ctx);
        String group = ctx.queryParam("group");
        if (group == null || !GROUP.matcher(group).matches()) {
            throw ApiError.badRequest("\"group\" must be all, or person:, rule:, week: or reason: and a name,"
                    + " such as person:alex or week:2026-W49");
        }
        String figure = ctx.queryParam("figure");
        if (figure == null || !CareFiguresSource.FIGURES.contains(figure)) {
            throw ApiError.badRequest("\"figure\" must be one of " + String.join(", ", CareFiguresSource.FIGURES));
        }
        Period period = Period.of(ctx, clock);
        List<CareFigures.Handoff> behind = source.behind(period.from(), period.to(), group, figure);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("group", group);
        out.put("figure", figure);
        out.put("period", period.label());
        out.put("total", behind.size());
        out.set("handoffs", Json.MAPPER.valueToTree(behind.subList(0, Math.min(MOST_LISTED, behind.size()))));
        ctx.json(out);
    }
}
