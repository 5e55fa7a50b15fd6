package dev.baton.console.feedback;

import dev.baton.console.api.ConversationView;
import dev.baton.console.api.FeedbackView;
import dev.baton.console.api.HandoffQueue;
import dev.baton.console.api.NoSuchHandoff;
import dev.baton.console.api.StaffFeedback;
import dev.baton.console.web.ApiError;
import dev.baton.console.web.Audit;
import dev.baton.console.web.Caller;
import dev.baton.console.web.Json;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Anyone signed in: one-click feedback on a handoff ("needed a person", "bot could have answered",
 * "should have come sooner", "asked for something already in the transcript"), any stored
 * conversation with its feedback, and the conversations Baton answered lately, where "should have
 * come sooner" is the one feedback there is. A second click of the same kind by the same person
 * changes nothing (and is not logged again).
 */
public record FeedbackRoutes(HandoffQueue queue, StaffFeedback feedback, Audit audit) {

    /** The kinds of feedback, in the order the buttons show them. */
    public static final List<String> KINDS = List.of("needed_person", "bot_could_answer", "should_have_come_sooner",
            "asked_again");
    public static final String SOONER = "should_have_come_sooner";
    static final int MAX_NOTE = 2000;
    static final int ANSWERED_DEFAULT = 10;
    static final int ANSWERED_MAX = 100;

    /** {@code GET /api/handoffs/{id}/feedback}: {@code {handoffId, conversationId, feedback}}. */
    public void handoffFeedback(Context ctx) {
        Caller.of(ctx);
        long id = id(ctx, "handoff");
        long conversation = conversationOf(id);
        ctx.json(answer(id, conversation, feedback.feedback(conversation), null));
    }

    /** {@code POST /api/handoffs/{id}/feedback {kind, note?}}: the conversation's feedback after the click. */
    public void giveOnHandoff(Context ctx) {
        Caller caller = Caller.of(ctx);
        long id = id(ctx, "handoff");
        Click click = click(ctx, false);
        give(ctx, caller, id, conversationOf(id), click,
                () -> feedback.feedbackOnHandoff(id, caller.username(), click.kind(), click.note()));
    }

    /** {@code GET /api/conversations/answered?limit=N}: {@code {conversations: [Summary]}}, newest first. */
    public void answered(Context ctx) {
        Caller.of(ctx);
        int limit = limit(ctx.queryParam("limit"));
        ctx.json(Map.of("conversations", feedback.recentlyAnswered(limit)));
    }

    /** {@code GET /api/conversations/{id}}: the {@code ConversationView}; logged like opening a handoff. */
    public void conversation(Context ctx) {
        Caller caller = Caller.of(ctx);
        long id = id(ctx, "conversation");
        ConversationView view = find(id);
        audit.openedConversation(ctx, caller, id);
        ctx.json(view);
    }

    /** {@code GET /api/conversations/{id}/feedback}: {@code {conversationId, feedback}}. */
    public void conversationFeedback(Context ctx) {
        Caller.of(ctx);
        long id = id(ctx, "conversation");
        find(id);
        ctx.json(answer(null, id, feedback.feedback(id), null));
    }

    /** {@code POST /api/conversations/{id}/feedback {kind: should_have_come_sooner, note?}}. */
    public void giveOnConversation(Context ctx) {
        Caller caller = Caller.of(ctx);
        long id = id(ctx, "conversation");
        Click click = click(ctx, true);
        find(id);
        give(ctx, caller, null, id, click,
                () -> feedback.feedbackOnConversation(id, caller.username(), click.kind(), click.note()));
    }

    /** A click of a feedback button: its kind and the note with it, if any. */
    private record Click(String kind, String note) {
    }

    /** The click in the body, {@code {kind, note?}}; on a conversation only {@link #SOONER} can be given. */
    private static Click click(Context ctx, boolean onConversation) {
        Json body = Json.body(ctx);
        String kind = body.optionalText("kind").orElse("");
        if (!KINDS.contains(kind)) {
            throw ApiError.badRequest("\"kind\" must be one of " + String.join(", ", KINDS));
        }
        if (onConversation && !kind.equals(SOONER)) {
            throw ApiError.badRequest("\"kind\" on a conversation can only be " + SOONER
                    + "; give other feedback on its handoff's page");
        }
        return new Click(kind, body.optionalText("note", MAX_NOTE).orElse(null));
    }

    /**
     * Gives the click ({@code give}) on the conversation, or on its handoff when {@code handoffId} is not
     * null, and answers with the conversation's feedback after it. Only a new click is logged.
     */
    private void give(Context ctx, Caller caller, Long handoffId, long conversationId, Click click,
                      Supplier<List<FeedbackView>> give) {
        boolean already = feedback.feedback(conversationId).stream()
                .anyMatch(f -> f.kind().equals(click.kind()) && caller.username().equals(f.actorId()));
        List<FeedbackView> after = give.get();
        if (!already) {
            String on = handoffId == null ? "conversation " + conversationId : "handoff " + handoffId;
            audit.record(ctx, caller.username(), "gave feedback on " + on + ": " + click.kind(), handoffId);
        }
        ctx.json(answer(handoffId, conversationId, after, !already));
    }

    private long conversationOf(long handoffId) {
        return queue.handoff(handoffId).orElseThrow(() -> new NoSuchHandoff(handoffId)).entry().conversationId();
    }

    private ConversationView find(long id) {
        return feedback.conversation(id).orElseThrow(() -> ApiError.notFound("no conversation " + id));
    }

    /** @param added whether this click was new (absent when nothing was clicked) */
    private static Map<String, Object> answer(Long handoffId, long conversationId, List<FeedbackView> feedback,
                                              Boolean added) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (handoffId != null) {
            out.put("handoffId", handoffId);
        }
        out.put("conversationId", conversationId);
        if (added != null) {
            out.put("added", added);
        }
        out.put("feedback", feedback);
        return out;
    }

    private static int limit(String raw) {
        if (raw == null) {
            return ANSWERED_DEFAULT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= ANSWERED_MAX) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("\"limit\" must be a whole number from 1 to " + ANSWERED_MAX);
    }

    private static long id(Context ctx, String what) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("the " + what + " id in the path must be a whole number");
    }
}
