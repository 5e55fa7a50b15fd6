package dev.baton.console.handoff;

import dev.baton.console.api.HandoffActions;
import dev.baton.console.api.HandoffDetail;
import dev.baton.console.api.HandoffQueue;
import dev.baton.console.api.NoSuchHandoff;
import dev.baton.console.api.ReplyOutcome;
import dev.baton.console.web.AccountRoster;
import dev.baton.console.web.ApiError;
import dev.baton.console.web.Audit;
import dev.baton.console.web.Caller;
import dev.baton.console.web.Json;
import io.javalin.http.Context;
import java.util.Set;

/**
 * One handoff's whole story, the actions on it, and the roster to transfer it to. Every action is done
 * by the caller (their roster id), written to the access log, and answered with what the backend
 * returned.
 */
public record HandoffRoutes(HandoffQueue queue, HandoffActions actions, AccountRoster roster, Audit audit) {

    static final int MAX_TEXT = 4000;
    static final int MAX_NOTE = 2000;
    static final Set<String> OUTCOMES = Set.of("solved", "not_solvable", "no_response");

    /** {@code GET /api/staff}. */
    public void staff(Context ctx) {
        ctx.json(roster.staff());
    }

    /** {@code GET /api/handoffs/{id}}: recorded in the access log (once per session per half hour). */
    public void handoff(Context ctx) {
        Caller caller = Caller.of(ctx);
        long id = id(ctx);
        HandoffDetail detail = queue.handoff(id).orElseThrow(() -> new NoSuchHandoff(id));
        audit.opened(ctx, caller, id);
        ctx.json(detail);
    }

    public void claim(Context ctx) {
        act(ctx, (id, actor) -> new Done(actions.claim(id, actor), "claimed handoff " + id));
    }

    /**
     * Takes over a handoff someone else claimed (a claimed handoff is its claimant's: others must take
     * it over before replying, transferring or resolving, unless they are managers).
     */
    public void takeOver(Context ctx) {
        act(ctx, (id, actor) -> new Done(actions.takeOver(id, actor), "took over handoff " + id));
    }

    /** {@code {to, note}}: {@code to} is a roster id. */
    public void transfer(Context ctx) {
        act(ctx, (id, actor) -> {
            Json body = Json.body(ctx);
            String to = body.text("to");
            if (roster.find(to).isEmpty()) {
                throw ApiError.badRequest("\"to\" must be the id of a person on the roster (see /api/staff)");
            }
            String note = body.optionalText("note", MAX_NOTE).orElse(null);
            return new Done(actions.transfer(id, actor, Caller.of(ctx).isManager(), to, note), "transferred handoff " + id + " to " + to);
        });
    }

    /** {@code {text}}: answered with the {@link ReplyOutcome}. */
    public void reply(Context ctx) {
        act(ctx, (id, actor) -> {
            ReplyOutcome outcome = actions.reply(id, actor, Caller.of(ctx).isManager(),
                    Json.body(ctx).text("text", MAX_TEXT));
            return new Done(outcome, "replied to handoff " + id + " (" + outcome.via()
                    + (outcome.delivered() ? "" : ", not delivered") + ")");
        });
    }

    public void note(Context ctx) {
        act(ctx, (id, actor) -> new Done(actions.note(id, actor, Json.body(ctx).text("text", MAX_TEXT)),
                "added an internal note to handoff " + id));
    }

    /** {@code {outcome, note}}: outcome is solved, not_solvable or no_response. */
    public void resolve(Context ctx) {
        act(ctx, (id, actor) -> {
            Json body = Json.body(ctx);
            String outcome = body.optionalText("outcome").orElse("");
            if (!OUTCOMES.contains(outcome)) {
                throw ApiError.badRequest("\"outcome\" must be solved, not_solvable or no_response");
            }
            String note = body.optionalText("note", MAX_NOTE).orElse(null);
            return new Done(actions.resolve(id, actor, Caller.of(ctx).isManager(), outcome, note), "resolved handoff " + id + " (" + outcome + ")");
        });
    }

    /** {@code {note}}. */
    public void reopen(Context ctx) {
        act(ctx, (id, actor) -> new Done(actions.reopen(id, actor, Json.body(ctx).optionalText("note", MAX_NOTE)
                .orElse(null)), "reopened handoff " + id));
    }

    /** What an action answered with, and what the access log says was done. */
    private record Done(Object answer, String what) {
    }

    /** One action on the handoff in the path: done by the caller, logged, answered with what it returned. */
    private interface Action {
        Done on(long id, String actor);
    }

    private void act(Context ctx, Action action) {
        Caller caller = Caller.of(ctx);
        long id = id(ctx);
        Done done = action.on(id, caller.username());
        audit.record(ctx, caller.username(), done.what(), id);
        ctx.json(done.answer());
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
