package dev.baton;

import dev.baton.aftercare.AfterCare;
import dev.baton.aftercare.AfterCareNotices;
import dev.baton.aftercare.Asking;
import dev.baton.bridge.CareBridge;
import dev.baton.bridge.ConsoleBridge;
import dev.baton.bridge.ConsoleEvents;
import dev.baton.bridge.ConsoleViews;
import dev.baton.bridge.RulesBridge;
import dev.baton.bridge.SqliteAccessLog;
import dev.baton.bridge.SqliteAccounts;
import dev.baton.bridge.StoredSessions;
import dev.baton.bridge.StoredSetupLinks;
import dev.baton.config.BatonConfig;
import dev.baton.console.api.AccessLog;
import dev.baton.console.api.AccountStore;
import dev.baton.console.api.ConsoleBackends;
import dev.baton.console.api.SessionStore;
import dev.baton.console.api.SetupLinkStore;
import dev.baton.conversation.ConversationStore;
import dev.baton.desk.ResolveTimes;
import dev.baton.desk.StaffReplies;
import dev.baton.desk.SupportDesk;
import dev.baton.discord.Relay;
import dev.baton.fanout.Backoff;
import dev.baton.fanout.Fanout;
import dev.baton.fanout.PostgresFanout;
import dev.baton.fanout.PostgresWire;
import dev.baton.feedback.FeedbackStore;
import dev.baton.health.CareReport;
import dev.baton.handoff.HandoffStore;
import dev.baton.knowledge.AnswerMatcher;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.leader.AdvisoryLock;
import dev.baton.leader.JobsLeader;
import dev.baton.leader.Leadership;
import dev.baton.learn.Models;
import dev.baton.live.RulesInForce;
import dev.baton.llm.Assistant;
import dev.baton.llm.LanguageModelAssistant;
import dev.baton.llm.ModelSettings;
import dev.baton.metrics.BatonMetrics;
import dev.baton.pickup.PickupNotices;
import dev.baton.pickup.PickupWatch;
import dev.baton.pickup.Transfers;
import dev.baton.reload.ConfigSnapshot;
import dev.baton.repeats.RepeatCheck;
import dev.baton.repeats.RepeatCheckStore;
import dev.baton.repeats.RepeatDetector;
import dev.baton.reload.LiveConfig;
import dev.baton.reload.RuleChangeLog;
import dev.baton.rules.RuleBook;
import dev.baton.store.Database;
import dev.baton.store.Dialect;
import dev.baton.text.CachingEmbedder;
import dev.baton.text.LoadingEmbedder;
import dev.baton.text.MiniLmEmbedder;
import dev.baton.text.TextEmbedder;
import dev.baton.triage.CueDetector;
import dev.baton.triage.SmallTalkDetector;
import dev.baton.triage.TriageEngine;
import dev.baton.triage.TriageJson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The one place where Baton's parts are built and connected, with plain constructors. */
public final class Wiring {

    private static final int EMBEDDING_CACHE = 10_000;
    /** How often an instance that does not run the timed jobs tries to take them over. */
    private static final Duration LEADER_EVERY = Duration.ofSeconds(3);

    private final TextEmbedder embedder;
    private final Models models;
    /** The detectors do not depend on the knowledge base, so every engine built here shares them. */
    private List<CueDetector> detectors;

    /**
     * With the shipped sentence model, which loads on a thread of its own from here on (about a second), so
     * that whatever comes next (the learned models, the config, the database) runs beside it.
     */
    public Wiring() {
        this(new CachingEmbedder(new LoadingEmbedder(Background.start("baton-sentence-model", MiniLmEmbedder::new)),
                EMBEDDING_CACHE));
    }

    public Wiring(TextEmbedder embedder) {
        this(embedder, Models.shipped());
    }

    /** @param models the learned cue heads and answerability model (tests pass fixed ones) */
    public Wiring(TextEmbedder embedder, Models models) {
        this.embedder = embedder;
        this.models = models;
    }

    /**
     * What a running Baton is made of, over one database: the stores, the metrics, the configuration in force
     * (reloaded while it runs), the optional language model and the desk. {@link Baton} starts Discord, the
     * console and the timed work on top of these, in order.
     */
    public record Parts(ConsoleEvents events, BatonMetrics metrics, HandoffStore handoffs,
                        ConversationStore conversations, LiveConfig live, Assistant assistant, SupportDesk desk,
                        AfterCare aftercare, Fanout fanout, String instance, Clock clock) {

        /**
         * Starts hearing the other Batons' changes (PostgreSQL), which then reach this console as its own do;
         * nothing on SQLite. Close {@link #fanout()} on the way out.
         */
        public void hearOtherInstances() {
            fanout.start(events::heard, events::refresh);
        }

        /**
         * On PostgreSQL, the relay through which a post for a shard held elsewhere is made by its holder (a console
         * reply, a pickup step or after-care asked here); none on SQLite, where one Baton holds every shard.
         */
        public Optional<Relay> relay() {
            Database database = conversations.database();
            return database.dialect() == Dialect.POSTGRESQL
                    ? Optional.of(new Relay(new PostgresWire(database, PostgresWire.RELAY, Backoff.DEFAULT), instance,
                            clock, Relay.WAIT))
                    : Optional.empty();
        }

        /**
         * Who runs the timed jobs: on PostgreSQL the instance holding an advisory lock (the others try for it
         * every few seconds); on SQLite, this one. Close it on the way out.
         */
        public Leadership jobsLeader() {
            Database database = conversations.database();
            if (database.dialect() != Dialect.POSTGRESQL) {
                return Leadership.always();
            }
            return JobsLeader.start(new AdvisoryLock(database, AdvisoryLock.JOBS), instance, LEADER_EVERY);
        }

        /** The console's view of Baton; its replies go out through {@code replies} (Discord, or nowhere). */
        public ConsoleBackends console(StaffReplies replies) {
            return consoleBackend(live, desk, conversations, handoffs, replies, events, metrics, clock).backends();
        }

        /** Console accounts and the access log, kept in the same database. */
        public AccountStore accounts() {
            return Wiring.accounts(conversations.database());
        }

        public AccessLog accessLog() {
            return new SqliteAccessLog(conversations.database());
        }

        /** Console sessions in the database: a login on one Baton is good on every Baton sharing it. */
        public SessionStore sessions() {
            return new StoredSessions(conversations.database());
        }

        /** The console's one-time setup links in the database, likewise shared. */
        public SetupLinkStore setupLinks() {
            return new StoredSetupLinks(conversations.database());
        }

        /** Pickup deadlines (rules.yaml {@code deadlines:}), reading the rules in force every tick. */
        public PickupWatch pickupWatch(PickupNotices notices) {
            return pickupWatch(notices, Leadership.always());
        }

        /** As above, run only while {@code leader} says this instance runs the timed jobs. */
        public PickupWatch pickupWatch(PickupNotices notices, Leadership leader) {
            return new PickupWatch(handoffs, conversations, live, notices, clock, leader::leads);
        }

        /**
         * After-care after every resolve, from the console or {@code /resolve} alike, posted through
         * {@code notices}; close it (before Discord) on the way out.
         */
        public Asking afterCareAfterResolves(AfterCareNotices notices) {
            return Wiring.afterCareAfterResolves(desk, aftercare, notices);
        }

        /**
         * The customer told, and the new person brought in, after every transfer, posted through {@code notices};
         * close it (before Discord) on the way out.
         */
        public Transfers transfersTold(PickupNotices notices) {
            return Wiring.transfersTold(desk, handoffs, conversations, notices, clock);
        }
    }

    /**
     * Builds a running Baton's parts.
     *
     * @param files  the configuration files as read before {@code config} was loaded from them
     * @param model  the language model's settings, when one is configured
     */
    public Parts parts(Path configDir, ConfigSnapshot files, BatonConfig config, Optional<ModelSettings> model,
                       Database database, Clock clock) {
        String instance = instanceId();
        Fanout fanout = database.dialect() == Dialect.POSTGRESQL
                ? new PostgresFanout(database, instance, Backoff.DEFAULT) : Fanout.none();
        try {
            return parts(configDir, files, config, model, database, fanout, instance, clock);
        } catch (RuntimeException e) {
            fanout.close();
            throw e;
        }
    }

    private Parts parts(Path configDir, ConfigSnapshot files, BatonConfig config, Optional<ModelSettings> model,
                        Database database, Fanout fanout, String instance, Clock clock) {
        ConsoleEvents events = new ConsoleEvents(fanout);
        BatonMetrics metrics = new BatonMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        HandoffStore handoffs = new HandoffStore(database, events);
        ConversationStore conversations = new ConversationStore(database, events.messagesOf(handoffs));
        metrics.watchOpenHandoffs(handoffs::openByState);
        LiveConfig live = LiveConfig.of(configDir, files, config, this::rules, new RuleChangeLog(database), clock);
        Assistant assistant = assistant(model, metrics, clock);
        SupportDesk desk = desk(config, live, conversations, handoffs, metrics, assistant, clock);
        desk.actions().whenResolved(new ResolveTimes(conversations, handoffs, metrics));
        RepeatCheck repeats = new RepeatCheck(RepeatDetector.shipped(embedder), conversations, handoffs,
                new RepeatCheckStore(database, handoffs), metrics, clock);
        desk.actions().whenResolved((resolved, actor) -> repeats.check(resolved));
        AfterCare aftercare = new AfterCare(handoffs, conversations, live, metrics, clock);
        return new Parts(events, metrics, handoffs, conversations, live, assistant, desk, aftercare, fanout, instance,
                clock);
    }

    /**
     * This run's name among the Batons on one database: its process id (to find it in the logs) and a random
     * part (process ids repeat across machines and restarts).
     */
    private static String instanceId() {
        return ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** The console's accounts in {@code database}; needs none of the parts, so start-up can use it before them. */
    public static AccountStore accounts(Database database) {
        return new SqliteAccounts(database);
    }

    /** The sentence model every part shares (cached). */
    public TextEmbedder embedder() {
        return embedder;
    }

    public TriageEngine engine(KnowledgeBase knowledgeBase) {
        return engine(knowledgeBase, RuleBook.DEFAULT_ANSWER_CONFIDENCE);
    }

    public TriageEngine engine(KnowledgeBase knowledgeBase, double answerThreshold) {
        return new TriageEngine(detectors(), new AnswerMatcher(knowledgeBase, embedder, models.answers()),
                answerThreshold, SmallTalkDetector.learned(embedder, models.cues()));
    }

    /**
     * The desk, reading the rules in force from {@code rules} for every message (so a reload takes effect on
     * the next one), asking {@code assistant} (the optional language model, {@link Assistant#off()} without
     * one) where it helps.
     */
    public SupportDesk desk(BatonConfig config, Supplier<RulesInForce> rules, ConversationStore conversations,
                            HandoffStore handoffs, BatonMetrics metrics, Assistant assistant, Clock clock) {
        return new SupportDesk(conversations, handoffs, rules, config.discord().quietGap(), metrics, assistant, clock);
    }

    /** Registers after-care as work that follows every resolve of {@code desk}'s staff actions. */
    public static Asking afterCareAfterResolves(SupportDesk desk, AfterCare aftercare, AfterCareNotices notices) {
        Asking asking = aftercare.asking(notices);
        desk.actions().whenResolved(asking::resolved);
        return asking;
    }

    /** Registers telling every transfer in Discord as work that follows every transfer of {@code desk}'s actions. */
    public static Transfers transfersTold(SupportDesk desk, HandoffStore handoffs, ConversationStore conversations,
                                          PickupNotices notices, Clock clock) {
        Transfers transfers = new Transfers(handoffs, conversations, desk::rules, notices, clock);
        desk.actions().whenTransferred(transfers::transferred);
        return transfers;
    }

    /** The console's view of Baton: the handoff pages over the desk's actions, and the rules pages. */
    public static ConsoleBridge consoleBackend(LiveConfig live, SupportDesk desk, ConversationStore conversations,
                                        HandoffStore handoffs, StaffReplies replies, ConsoleEvents events,
                                        BatonMetrics metrics, Clock clock) {
        TriageJson triageJson = new TriageJson();
        ConsoleViews views = new ConsoleViews(conversations, desk::rules, triageJson);
        Database database = conversations.database();
        RulesBridge rules = new RulesBridge(live, desk, database, handoffs,
                new FeedbackStore(database, conversations, handoffs, clock), views, triageJson, clock);
        return new ConsoleBridge(conversations, handoffs, desk, replies, events, metrics, views, triageJson, rules,
                new CareBridge(desk, new CareReport(database)), clock);
    }

    /** The language model when one is configured, else {@link Assistant#off()}. */
    public Assistant assistant(Optional<ModelSettings> model, BatonMetrics metrics, Clock clock) {
        return model.<Assistant>map(settings -> LanguageModelAssistant.of(settings, metrics, clock))
                .orElse(Assistant.off());
    }

    /** What Baton decides, routes and words by, from a loaded configuration. */
    public RulesInForce rules(BatonConfig config) {
        return rules(config, null, true);
    }

    /**
     * The rules after a reload: the previous engine is kept when the knowledge base did not change,
     * because embedding every entry again takes seconds and changes nothing.
     */
    public RulesInForce rules(BatonConfig config, RulesInForce previous, boolean knowledgeChanged) {
        TriageEngine engine = previous == null || knowledgeChanged ? engine(config.knowledge()) : previous.engine();
        // discord.yaml changes only with a restart: a reload keeps the private_threads Baton started with.
        boolean privateThreads = previous == null ? config.discord().privateThreads() : previous.privateThreadsByDefault();
        return new RulesInForce(engine, config.knowledge(), config.roster(), config.wording(), config.rules(),
                privateThreads);
    }

    private synchronized List<CueDetector> detectors() {
        if (detectors == null) {
            detectors = TriageEngine.standardDetectors(embedder, models.cues());
        }
        return detectors;
    }
}
