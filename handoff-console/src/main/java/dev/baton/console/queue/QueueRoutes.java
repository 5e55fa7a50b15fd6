package dev.baton.console.queue;

import dev.baton.console.api.CueVocabulary;
import dev.baton.console.api.HandoffQueue;
import dev.baton.console.api.QueueEntry;
import dev.baton.console.web.ApiError;
import dev.baton.console.web.Caller;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue page's data: the open handoffs in {@link QueueOrder}, everyone's or only the caller's, and
 * the ones resolved last.
 */
public record QueueRoutes(HandoffQueue queue, CueVocabulary cues) {

    static final int RESOLVED_SHOWN = 10;

    /** {@code GET /api/cues}: Baton's cue kinds ({@code CueDefinition}s), what the pages name and rank reasons by. */
    public void cues(Context ctx) {
        ctx.json(cues.cues());
    }

    /** {@code GET /api/queue?view=mine|all}: {@code {view, entries, resolved}}, entries in queue order. */
    public void queue(Context ctx) {
        Caller caller = Caller.of(ctx);
        String view = ctx.queryParam("view") == null ? "all" : ctx.queryParam("view");
        if (!view.equals("all") && !view.equals("mine")) {
            throw ApiError.badRequest("\"view\" must be mine or all");
        }
        List<QueueEntry> entries = queue.queue();
        if (view.equals("mine")) {
            entries = entries.stream().filter(e -> caller.username().equals(e.assigneeId())).toList();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("view", view);
        out.put("entries", QueueOrder.sort(entries, cues.cues()));
        out.put("resolved", queue.recentlyResolved(RESOLVED_SHOWN));
        ctx.json(out);
    }
}
