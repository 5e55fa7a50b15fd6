package dev.baton.bridge;

import dev.baton.console.api.ActionRejected;
import dev.baton.console.api.NoSuchHandoff;
import dev.baton.console.api.RulesEditor;
import dev.baton.console.api.RulesHealthSource;
import dev.baton.console.api.StaffFeedback;
import dev.baton.console.api.ConfigProblem;
import dev.baton.console.api.ConversationView;
import dev.baton.console.api.CueDefinition;
import dev.baton.console.api.CueVocabulary;
import dev.baton.console.api.DraftRejected;
import dev.baton.console.api.FeedbackView;
import dev.baton.console.api.LiveRules;
import dev.baton.console.api.ReplayReport;
import dev.baton.console.api.RuleChange;
import dev.baton.console.api.RulesHealth;
import dev.baton.console.api.TryIt;
import dev.baton.console.api.TryItInput;
import dev.baton.desk.Preview;
import dev.baton.desk.SupportDesk;
import dev.baton.feedback.AnsweredConversations;
import dev.baton.feedback.Feedback;
import dev.baton.feedback.FeedbackKind;
import dev.baton.feedback.FeedbackRejected;
import dev.baton.feedback.FeedbackStore;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.health.RulesHealthReport;
import dev.baton.reload.ConfigSnapshot;
import dev.baton.reload.LiveConfig;
import dev.baton.reload.RuleChangeLog;
import dev.baton.live.RulesInForce;
import dev.baton.replay.Replay;
import dev.baton.rules.ChannelRule;
import dev.baton.store.Database;
import dev.baton.triage.Conversation;
import dev.baton.triage.TriageJson;
import dev.baton.yaml.ConfigException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's rules pages over Baton: the live configuration and its drafts ({@link LiveConfig}),
 * Try it through the desk's own preview, replay, the change history, staff feedback and rules health.
 * Drafts are loaded beside the live rules and never swapped in except by {@link #apply}.
 */
public final class RulesBridge implements RulesEditor, StaffFeedback, RulesHealthSource, CueVocabulary {

    private final LiveConfig config;
    private final SupportDesk desk;
    private final Database database;
    private final HandoffStore handoffs;
    private final FeedbackStore feedback;
    private final AnsweredConversations answered;
    private final RulesHealthReport health;
    private final RuleChangeLog changes;
    private final ConversationSummaries summaries;
    private final ConsoleViews views;
    private final TriageJson triageJson;
    private final Clock clock;

    public RulesBridge(LiveConfig config, SupportDesk desk, Database database, HandoffStore handoffs, FeedbackStore feedback,
                ConsoleViews views, TriageJson triageJson, Clock clock) {
        this.config = config;
        this.desk = desk;
        this.database = database;
        this.handoffs = handoffs;
        this.feedback = feedback;
        this.answered = new AnsweredConversations(database);
        this.health = new RulesHealthReport(database);
        this.changes = new RuleChangeLog(database);
        this.summaries = new ConversationSummaries(database);
        this.views = views;
        this.triageJson = triageJson;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------ live and drafts

    @Override
    public LiveRules live() {
        LiveConfig.Live live = config.live();
        List<LiveRules.ConfigFile> files = new ArrayList<>();
        for (String name : ConfigSnapshot.RELOADABLE) {
            // A file that does not exist yet (rules.yaml on a fresh install) is shown empty, ready to write.
            files.add(new LiveRules.ConfigFile(name, live.snapshot().text(name).orElse("")));
        }
        LiveRules.Rejected rejected = config.lastRejected()
                .map(r -> new LiveRules.Rejected(r.at(), r.actor(), problems(r.problems())))
                .orElse(null);
        return new LiveRules(live.snapshot().version(), live.loadedAt(), files, rejected);
    }

    @Override
    public List<ConfigProblem> check(Map<String, String> draft) {
        return problems(config.check(reloadable(draft)));
    }

    @Override
    public TryIt tryIt(Map<String, String> draft, TryItInput input) {
        Conversation conversation = views.conversation(input.messages());
        Instant at = input.at() != null ? input.at() : clock.instant();
        TryIt.Outcome live = outcome(desk.rules(), conversation, input, at);
        try {
            LiveConfig.Draft loaded = config.draft(reloadable(draft));
            return new TryIt(live, outcome(loaded.rules(), conversation, input, at), List.of());
        } catch (ConfigException e) {
            return new TryIt(live, null, problems(e.problems()));
        }
    }

    @Override
    public ReplayReport replay(Map<String, String> draft, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new ActionRejected("A replay needs a period whose start is before its end.");
        }
        LiveConfig.Draft loaded = loadOrReject(draft);
        return Replay.run(database, desk.rules(), loaded.rules(), from, to);
    }

    @Override
    public LiveRules apply(String actorId, Map<String, String> draft, String baseVersion) {
        try {
            config.apply(actorId, reloadable(draft), baseVersion);
        } catch (LiveConfig.StaleVersion e) {
            throw new ActionRejected(e.getMessage());
        } catch (ConfigException e) {
            throw rejected(e);
        } catch (UncheckedIOException e) {
            throw new ActionRejected("The rules could not be saved: " + e.getMessage());
        }
        return live();
    }

    @Override
    public List<RuleChange> changes(int limit) {
        return changes.recent(limit).stream()
                .map(c -> new RuleChange(c.id(), c.at(), c.actor(),
                        RuleChangeLog.FILE.equals(c.actor()) ? "edited on disk" : views.personName(c.actor()),
                        c.file(), c.status().wireName(), c.diff(), c.problems()))
                .toList();
    }

    // ------------------------------------------------------------------------------ feedback

    @Override
    public List<FeedbackView> feedbackOnHandoff(long handoffId, String actorId, String kind, String note) {
        try {
            return views(feedback.onHandoff(handoffId, actorId, FeedbackKind.fromWire(kind), note));
        } catch (FeedbackRejected e) {
            if (e.notFound()) {
                throw new NoSuchHandoff(handoffId);
            }
            throw new ActionRejected(e.getMessage());
        }
    }

    @Override
    public List<FeedbackView> feedbackOnConversation(long conversationId, String actorId, String kind, String note) {
        try {
            return views(feedback.onAnswered(conversationId, actorId, FeedbackKind.fromWire(kind), note));
        } catch (FeedbackRejected e) {
            throw new ActionRejected(e.getMessage());
        }
    }

    @Override
    public List<FeedbackView> feedback(long conversationId) {
        return views(feedback.forConversation(conversationId));
    }

    // ------------------------------------------------------------------------------ health and conversations

    @Override
    public RulesHealth health(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new ActionRejected("The period's start must be before its end.");
        }
        RulesInForce now = desk.rules();
        return health.compute(from, to, RulesHealthReport.ruleNames(now.book()), now.roster());
    }

    @Override
    public Optional<ConversationView> conversation(long id) {
        return summaries.of(id).map(summary -> new ConversationView(summary, views.transcript(id),
                handoffs.forConversation(id).stream().map(HandoffRecord::id).toList(), feedback(id)));
    }

    @Override
    public List<ConversationView.Summary> recentlyAnswered(int limit) {
        return answered.recent(limit);
    }

    @Override
    public List<CueDefinition> cues() {
        return CueDefinitions.ALL;
    }

    // ------------------------------------------------------------------------------ inside

    private TryIt.Outcome outcome(RulesInForce rules, Conversation conversation, TryItInput input, Instant at) {
        String channelId = channelId(rules, input.channel());
        Preview preview = desk.preview(rules, conversation, channelId, null, input.roles(), at);
        if (preview.route() == null) {
            return new TryIt.Outcome(triageJson.decision(preview.decision()), null, 0, null, null, null, false,
                    preview.text());
        }
        return new TryIt.Outcome(triageJson.decision(preview.decision()), preview.route().name(),
                preview.route().line(), preview.route().priority().wireName(), preview.routing().person().name(),
                preview.routing().why(), preview.privateThread(), preview.text());
    }

    /** A channel as typed: a name from rules.yaml (with or without #), else taken as a channel id; blank is a DM. */
    private static String channelId(RulesInForce rules, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String name = typed.strip().startsWith("#") ? typed.strip().substring(1) : typed.strip();
        return rules.book().channels().stream().filter(c -> c.name().equalsIgnoreCase(name))
                .map(ChannelRule::channelId).findFirst().orElse(name);
    }

    private LiveConfig.Draft loadOrReject(Map<String, String> draft) {
        try {
            return config.draft(reloadable(draft));
        } catch (ConfigException e) {
            throw rejected(e);
        }
    }

    private static DraftRejected rejected(ConfigException e) {
        List<ConfigProblem> problems = problems(e.problems());
        return new DraftRejected("The draft has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "; nothing changed. First: " + problems.get(0).file() + ":" + problems.get(0).line() + ":"
                + problems.get(0).column() + ": " + problems.get(0).message(), problems);
    }

    /** Only files that can change while Baton runs; anything else is refused in words. */
    private static Map<String, String> reloadable(Map<String, String> draft) {
        Map<String, String> files = draft == null ? Map.of() : draft;
        try {
            LiveConfig.requireReloadable(files);
        } catch (IllegalArgumentException e) {
            throw new ActionRejected(e.getMessage());
        }
        return files;
    }

    /** Problems name files by their path on disk; the console shows the file name, as its tabs do. */
    private static List<ConfigProblem> problems(List<ConfigException.Problem> problems) {
        return problems.stream()
                .map(p -> new ConfigProblem(fileName(p.file()), p.line(), p.column(), p.message(),
                        p.hint() == null ? "" : p.hint()))
                .toList();
    }

    private static String fileName(String file) {
        Path name = Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }

    private List<FeedbackView> views(List<Feedback> given) {
        return given.stream().map(f -> f.view(views.personName(f.actor()))).toList();
    }
}
