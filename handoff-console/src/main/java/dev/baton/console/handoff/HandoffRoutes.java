package dev.baton.console.handoff;

import dev.baton.console.ConsoleBackend;
import dev.baton.console.HandoffDetail;
import dev.baton.console.NoSuchHandoff;
import dev.baton.console.QueueEntry;
import dev.baton.console.ReplyOutcome;
import dev.baton.console.queue.QueueOrder;
import dev.baton.console.web.ApiError;
import dev.baton.console.web.Audit;
import dev.baton.console.web.Caller;
import dev.baton.console.web.Json;
import dev.baton.console.web.Roster;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queue, one handoff's whole story, and the actions on it. Every action is done by the caller
 * (their roster id), written to the access log, and answered with what the backend returned.
 */
public final class HandoffRoutes {

    static final int RESOLVED_SHOWN = 10;
    static final int MAX_TEXT = 4000;
    static final int MAX_NOTE = 2000;
    static final Set<String> OUTCOMES = Set.of("solved", "not_solvable", "no_response");

    private final ConsoleBackend backend;
    private final Roster roster;
    private final Audit audit;

    public HandoffRoutes(ConsoleBackend backend, Roster roster, Audit audit) {
        this.backend = backend;
        this.roster = roster;
        this.audit = audit;
    }

    /** {@code GET /api/staff}. */
    public void staff(Context ctx) {
        ctx.json(roster.staff());
    }

    /** {@code GET /api/cues}: Baton's cue kinds ({@code CueDefinition}s), what the pages name and rank reasons by. */
    public void cues(Context ctx) {
        ctx.json(backend.rules().cues());
    }

    /** {@code GET /api/queue?view=mine|all}: {@code {view, entries, resolved}}, entries in queue order. */
    public void queue(Context ctx) {
        Caller caller = Caller.of(ctx);
        String view = ctx.queryParam("view") == null ? "all" : ctx.queryParam("view");
        if (!view.equals("all") && !view.equals("mine")) {
            throw ApiError.badRequest("\"view\" must be mine or all");
        }
        List<QueueEntry> entries = backend.queue();
        if (view.equals("mine")) {
            entries = entries.stream().filter(e -> caller.username().equals(e.assigneeId())).toList();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("view", view);
        out.put("entries", QueueOrder.sort(entries, backend.rules().cues()));
        out.put("resolved", backend.recentlyResolved(RESOLVED_SHOWN));
        ctx.json(out);
    }

    /** {@code GET /api/handoffs/{id}}: recorded in the access log (once per session per half hour). */
    public void handoff(Context ctx) {
        Caller caller = Caller.of(ctx);
        long id = id(ctx);
        HandoffDetail detail = backend.handoff(id).orElseThrow(() -> new NoSuchHandoff(id));
        audit.opened(ctx, caller, id);
        ctx.json(detail);
    }

    public void claim(Context ctx) {
        Caller caller = Caller.of(ctx);
        long id = id(ctx);
        HandoffDetail detail = backend.claim(id, caller.username());
        audit.record(ctx, caller.username(), "claimed handoff " + id, id);
        ctx.json(detail);
    }

    /** {@code {to, note}}: {@code to} is a roster id. */
    public void transfer(Context ctx) {
        Caller caller = Caller.of(ctx);
        long id = id(ctx);
        Json body = Json.body(ctx);
        String to = body.text("to");
        if (roster.find(to).isEmpty()) {
            throw ApiError.badRequest("\"to\" must be the id of a person on the roster (see /api/staff)");
        }
        String note = body.optionalText("note", MAX_NOTE).orElse(null);
        HandoffDetail detail = backend.transfer(id, caller.username(), to, note);
        audit.record(ctx, caller.username(), "transferred handoff " + id + " to " + to, id);
        ctx.json(detail);
    }

    /** {@code {text}}: answered with the {@link ReplyOutcome}. */
    public void reply(Context ctx) {
        Caller caller = Caller.of(ctx);
        long id = id(ctx);
        String text = Json.body(ctx).text("text", MAX_TEXT);
        ReplyOutcome outcome = backend.reply(id, caller.username(), text);
        audit.record(ctx, caller.username(), "replied to handoff " + id + " (" + outcome.via()
                + (outcome.delivered() ? "" : ", not delivered") + ")", id);
        ctx.json(outcome);
    }

    public void note(Context ctx) {
        Caller caller = Caller.of(ctx);
        long id = id(ctx);
        String text = Json.body(ctx).text("text", MAX_TEXT);
        HandoffDetail detail = backend.note(id, caller.username(), text);
        audit.record(ctx, caller.username(), "added an internal note to handoff " + id, id);
        ctx.json(detail);
    }

    /** {@code {outcome, note}}: outcome is solved, not_solvable or no_response. */
    public void resolve(Context ctx) {
        Caller caller = Caller.of(ctx);
        long id = id(ctx);
        Json body = Json.body(ctx);
        String outcome = body.optionalText("outcome").orElse("");
        if (!OUTCOMES.contains(outcome)) {
            throw ApiError.badRequest("\"outcome\" must be solved, not_solvable or no_response");
        }
        String note = body.optionalText("note", MAX_NOTE).orElse(null);
        HandoffDetail detail = backend.resolve(id, caller.username(), outcome, note);
        audit.record(ctx, caller.username(), "resolved handoff " + id + " (" + outcome + ")", id);
        ctx.json(detail);
    }

    /** {@code {note}}. */
    public void reopen(Context ctx) {
        Caller caller = Caller.of(ctx);
        long id = id(ctx);
        String note = Json.body(ctx).optionalText("note", MAX_NOTE).orElse(null);
        HandoffDetail detail = backend.reopen(id, caller.username(), note);
        audit.record(ctx, caller.username(), "reopened handoff " + id, id);
        ctx.json(detail);
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("the handoff id in the path must be a whole number");
        }
    }
}
