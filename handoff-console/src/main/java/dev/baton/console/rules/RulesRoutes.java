package dev.baton.console.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.console.api.ActionRejected;
import dev.baton.console.api.ConfigProblem;
import dev.baton.console.api.CueVocabulary;
import dev.baton.console.api.DraftRejected;
import dev.baton.console.api.LiveRules;
import dev.baton.console.api.PlaygroundMessage;
import dev.baton.console.api.ReplayReport;
import dev.baton.console.api.RulesEditor;
import dev.baton.console.api.TryIt;
import dev.baton.console.api.TryItInput;
import dev.baton.console.web.AccountRoster;
import dev.baton.console.web.ApiError;
import dev.baton.console.web.Audit;
import dev.baton.console.web.Caller;
import dev.baton.console.web.Json;
import dev.baton.console.web.Limit;
import dev.baton.console.web.Messages;
import dev.baton.console.web.Period;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Managers only: the live configuration files, checking a draft, trying a conversation and replaying
 * stored ones under the live rules and the draft, applying the draft, and the change history.
 *
 * <p>A draft travels as {@code "files": {"rules.yaml": "whole text", …}}, only the files it changes;
 * the backend takes the others as live. Applies and refused applies are written to the access log.
 */
public final class RulesRoutes {

    /** The files managers edit here, in the order the editor shows them. */
    public static final List<String> STANDARD_FILES = List.of("rules.yaml", "team.yaml", "messages.yaml",
            "knowledge.yaml");
    static final int CHANGES_DEFAULT = 50;
    static final int CHANGES_MAX = 500;
    static final int MAX_ROLES = 20;
    static final int MAX_NAME = 200;
    static final String DISK_ACTOR = "file";

    private final RulesEditor rules;
    private final CueVocabulary cues;
    private final AccountRoster roster;
    private final Audit audit;
    private final Clock clock;
    /** Who is replaying now: a replay can take many seconds on two cores, one at a time is plenty. */
    private final AtomicReference<String> replaying = new AtomicReference<>();

    public RulesRoutes(RulesEditor rules, CueVocabulary cues, AccountRoster roster, Audit audit, Clock clock) {
        this.rules = rules;
        this.cues = cues;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code GET /api/rules/live}: {@code LiveRules}, with {@code lastRejected.actorName}. */
    public void live(Context ctx) {
        Caller.of(ctx);
        ctx.json(liveJson(rules.live(), true));
    }

    /** {@code GET /api/rules/status}: the live version and the last refused change, without the files' text. */
    public void status(Context ctx) {
        Caller.of(ctx);
        ctx.json(liveJson(rules.live(), false));
    }

    /** {@code POST /api/rules/check {files}}: {@code {ok, files, problems}}. */
    public void check(Context ctx) {
        Caller.of(ctx);
        Map<String, String> draft = draft(Json.body(ctx));
        List<ConfigProblem> problems = rules.check(draft);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", problems.isEmpty());
        out.put("files", List.copyOf(draft.keySet()));
        out.put("problems", problems);
        ctx.json(out);
    }

    /** {@code POST /api/rules/try {files, conversation | messages, channel, roles, at}}: {@code TryIt}. */
    public void tryIt(Context ctx) {
        Caller.of(ctx);
        Json body = Json.body(ctx);
        Map<String, String> draft = draft(body);
        List<PlaygroundMessage> messages = body.node().has("conversation")
                ? ConversationText.parse(body.optionalText("conversation").orElse(""))
                : Messages.read(body);
        String channel = body.optionalText("channel", MAX_NAME).map(String::trim).orElse(null);
        TryItInput input = new TryItInput(messages, channel, roles(body), at(body));
        ctx.json(rules.tryIt(draft, input));
    }

    /**
     * {@code POST /api/rules/replay {files, since | from, to}}: the {@code ReplayReport} plus
     * {@code period} (its words) and {@code summary} (the sentence to read first).
     */
    public void replay(Context ctx) {
        Caller caller = Caller.of(ctx);
        Json body = Json.body(ctx);
        Map<String, String> draft = draft(body);
        Period period = Period.parse(body.optionalText("since").orElse(null), body.optionalText("from").orElse(null),
                body.optionalText("to").orElse(null), clock.instant(), "7d");
        String name = roster.nameOf(caller.username());
        if (!replaying.compareAndSet(null, name)) {
            String who = replaying.get();
            throw ApiError.conflict("A replay is already running" + (who == null ? "" : " (started by " + who + ")")
                    + "; try again when it has finished.");
        }
        try {
            ReplayReport report = rules.replay(draft, period.from(), period.to());
            ObjectNode out = Json.MAPPER.valueToTree(report);
            out.put("period", period.label());
            out.put("summary", ReplaySummary.sentence(report, period.label(), cues.cues()));
            ctx.json(out);
        } finally {
            replaying.set(null);
        }
    }

    /**
     * {@code POST /api/rules/apply {files, baseVersion}}: the new {@code LiveRules}. A draft with
     * problems is 422 with {@code problems}; a stale base version is 409. Nothing changes then.
     */
    public void apply(Context ctx) {
        Caller caller = Caller.of(ctx);
        Json body = Json.body(ctx);
        Map<String, String> draft = draft(body);
        String base = body.text("baseVersion");
        if (draft.isEmpty()) {
            throw ApiError.badRequest("nothing to apply: \"files\" has no changed file");
        }
        String files = String.join(", ", draft.keySet());
        LiveRules applied;
        try {
            applied = rules.apply(caller.username(), draft, base);
        } catch (DraftRejected e) {
            audit.record(ctx, caller.username(), "refused rules change to " + files + ": " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems"));
            throw e;
        } catch (ActionRejected e) {
            audit.record(ctx, caller.username(), "refused rules change to " + files + ": " + clip(e.getMessage()));
            throw e;
        }
        audit.record(ctx, caller.username(), "applied rules change to " + files + " (version " + base + " → "
                + applied.version() + ")");
        ctx.json(liveJson(applied, true));
    }

    /** {@code GET /api/rules/changes?limit=N}: {@code {changes}}, newest first. */
    public void changes(Context ctx) {
        Caller.of(ctx);
        int limit = Limit.of(ctx, CHANGES_DEFAULT, CHANGES_MAX);
        ctx.json(Map.of("changes", rules.changes(limit)));
    }

    /** The draft's files; 400 for a file this page may not edit or a text that is not a string. */
    Map<String, String> draft(Json body) {
        JsonNode files = body.node().get("files");
        if (files == null || files.isNull()) {
            return Map.of();
        }
        if (!files.isObject()) {
            throw ApiError.badRequest("\"files\" must be an object of file name to the file's whole text");
        }
        Set<String> editable = new LinkedHashSet<>(STANDARD_FILES);
        rules.live().files().forEach(f -> editable.add(f.name()));
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            if (!editable.contains(file.getKey())) {
                throw ApiError.badRequest("\"files\" names " + quoted(file.getKey()) + ", which cannot be edited here: "
                        + "the files are " + String.join(", ", editable));
            }
            if (!file.getValue().isTextual()) {
                throw ApiError.badRequest("\"files." + file.getKey() + "\" must be the file's whole text, a string");
            }
            out.put(file.getKey(), file.getValue().asText());
        }
        return out;
    }

    private ObjectNode liveJson(LiveRules live, boolean withFiles) {
        ObjectNode out = Json.MAPPER.valueToTree(live);
        if (!withFiles) {
            out.remove("files");
        }
        if (live.lastRejected() != null) {
            ((ObjectNode) out.get("lastRejected")).put("actorName", actorName(live.lastRejected().actor()));
        }
        return out;
    }

    /** A person's name, or "an edit on disk" for a change to the files themselves. */
    String actorName(String actor) {
        return actor == null || DISK_ACTOR.equals(actor) ? "an edit on disk" : roster.nameOf(actor);
    }

    private static List<String> roles(Json body) {
        JsonNode raw = body.node().get("roles");
        List<String> roles = new ArrayList<>();
        if (raw == null || raw.isNull()) {
            return roles;
        }
        if (raw.isTextual()) {
            for (String role : raw.asText().split(",")) {
                if (!role.isBlank()) {
                    roles.add(role.trim());
                }
            }
        } else if (raw.isArray()) {
            for (JsonNode role : raw) {
                if (!role.isTextual()) {
                    throw ApiError.badRequest("\"roles\" must be a list of role names");
                }
                if (!role.asText().isBlank()) {
                    roles.add(role.asText().trim());
                }
            }
        } else {
            throw ApiError.badRequest("\"roles\" must be a list of role names");
        }
        if (roles.size() > MAX_ROLES || roles.stream().anyMatch(r -> r.length() > MAX_NAME)) {
            throw ApiError.badRequest("\"roles\" has too many or too long names: at most " + MAX_ROLES + " of "
                    + MAX_NAME + " characters");
        }
        return roles;
    }

    private static Instant at(Json body) {
        String raw = body.optionalText("at").filter(s -> !s.isBlank()).orElse(null);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeException e) {
            throw ApiError.badRequest("\"at\" must be an ISO time with its offset, such as 2026-11-23T18:30:00Z");
        }
    }

    private static String quoted(String name) {
        String shown = name.length() > 60 ? name.substring(0, 60) + "…" : name;
        return "\"" + shown + "\"";
    }

    private static String clip(String message) {
        if (message == null) {
            return "refused";
        }
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }
}
