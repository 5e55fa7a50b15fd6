package dev.baton.console.playground;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.console.api.HandoffDetail;
import dev.baton.console.api.Playground;
import dev.baton.console.api.PlaygroundMessage;
import dev.baton.console.web.ApiError;
import dev.baton.console.web.Audit;
import dev.baton.console.web.Caller;
import dev.baton.console.web.Json;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The playground: chat as a customer and see what Baton would decide, storing and sending nothing;
 * or turn the conversation into a practice handoff that never reaches Discord.
 */
public final class PlaygroundRoutes {

    static final int MAX_MESSAGES = 50;
    static final int MAX_TEXT = 4000;
    private static final Set<String> AUTHORS = Set.of("customer", "bot", "staff");

    private final Playground playground;
    private final Audit audit;

    public PlaygroundRoutes(Playground playground, Audit audit) {
        this.playground = playground;
        this.audit = audit;
    }

    /** {@code POST /api/playground {messages}}: exactly the backend's decision object. */
    public void decide(Context ctx) {
        Caller.of(ctx);
        ctx.json(playground.playground(messages(Json.body(ctx))));
    }

    /** {@code POST /api/playground/practice {messages}}: the new practice handoff. */
    public void practice(Context ctx) {
        Caller caller = Caller.of(ctx);
        HandoffDetail detail = playground.practice(caller.username(), messages(Json.body(ctx)));
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

    /** The {@code messages} array of a request body, checked: authors, lengths, at least one customer message. */
    public static List<PlaygroundMessage> messages(Json body) {
        JsonNode messages = body.node().get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiError.badRequest("\"messages\" must be a non-empty array of {author, text}");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw ApiError.badRequest("\"messages\" has too many messages: at most " + MAX_MESSAGES);
        }
        List<PlaygroundMessage> out = new ArrayList<>();
        boolean customer = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String where = "messages[" + i + "]";
            JsonNode author = message.get("author");
            JsonNode text = message.get("text");
            if (author == null || !author.isTextual() || !AUTHORS.contains(author.asText())) {
                throw ApiError.badRequest("\"" + where + ".author\" must be customer, bot or staff");
            }
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                throw ApiError.badRequest("\"" + where + ".text\" must be a non-empty string");
            }
            if (text.asText().length() > MAX_TEXT) {
                throw ApiError.badRequest("\"" + where + ".text\" is too long: at most " + MAX_TEXT + " characters");
            }
            customer |= author.asText().equals("customer");
            out.add(new PlaygroundMessage(author.asText(), text.asText()));
        }
        if (!customer) {
            throw ApiError.badRequest("\"messages\" has no customer message to decide on");
        }
        return out;
    }
}
