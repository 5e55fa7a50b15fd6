package dev.baton.console.playground;

import dev.baton.console.api.HandoffDetail;
import dev.baton.console.api.Playground;
import dev.baton.console.web.ApiError;
import dev.baton.console.web.Audit;
import dev.baton.console.web.Caller;
import dev.baton.console.web.Json;
import dev.baton.console.web.Messages;
import io.javalin.http.Context;

/**
 * The playground: chat as a customer and see what Baton would decide, storing and sending nothing;
 * or turn the conversation into a practice handoff that never reaches Discord.
 */
public record PlaygroundRoutes(Playground playground, Audit audit) {

    /** {@code POST /api/playground {messages}}: exactly the backend's decision object. */
    public void decide(Context ctx) {
        Caller.of(ctx);
        ctx.json(playground.playground(Messages.read(Json.body(ctx))));
    }

    /** {@code POST /api/playground/practice {messages}}: the new practice handoff. */
    public void practice(Context ctx) {
        Caller caller = Caller.of(ctx);
        HandoffDetail detail = playground.practice(caller.username(), Messages.read(Json.body(ctx)));
        audit.record(ctx, caller.username(), "created practice handoff " + detail.entry().id(), detail.entry().id());
        ctx.json(detail);
    }

    /** {@code GET /api/knowledge/{id}}: the entry an answer came from, to show what Baton would say. */
    public void knowledgeEntry(Context ctx) {
        Caller.of(ctx);
        String id = ctx.pathParam("id");
        ctx.json(playground.knowledgeEntry(id).orElseThrow(
                () -> ApiError.notFound("the knowledge base has no entry \"" + id + "\"")));
    }
}
