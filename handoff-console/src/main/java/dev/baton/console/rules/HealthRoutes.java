package dev.baton.console.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.console.api.RulesHealthSource;
import dev.baton.console.api.RulesHealth;
import dev.baton.console.web.ApiError;
import dev.baton.console.web.Caller;
import dev.baton.console.web.Csv;
import dev.baton.console.web.Json;
import dev.baton.console.web.Period;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * Managers only: how the rules did over a period, as JSON for the rules health page and as CSV, one
 * table at a time, for spreadsheets. The period is {@code since} (default 30 days) or {@code from}
 * and {@code to}.
 */
public record HealthRoutes(RulesHealthSource source, Clock clock) {

    /** {@code GET /api/rules/health?since=30d | from=&to=}: {@code RulesHealth} plus {@code period}. */
    public void health(Context ctx) {
        Caller.of(ctx);
        Period period = Period.of(ctx, clock);
        ObjectNode out = Json.MAPPER.valueToTree(source.health(period.from(), period.to()));
        out.put("period", period.label());
        ctx.json(out);
    }

    /** {@code GET /api/rules/health.csv?table=rules|cues|pickup&since= | from=&to=}: a CSV download. */
    public void csv(Context ctx) {
        Caller.of(ctx);
        String table = ctx.queryParam("table");
        if (table == null || !HealthCsv.TABLES.contains(table)) {
            throw ApiError.badRequest("\"table\" must be one of " + String.join(", ", HealthCsv.TABLES));
        }
        Period period = Period.of(ctx, clock);
        Csv.send(ctx, "baton-health-" + table, period, HealthCsv.table(table, source.health(period.from(), period.to())));
    }
}
