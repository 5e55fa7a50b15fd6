package dev.baton.console;

import dev.baton.console.api.AccessLog;
import dev.baton.console.api.Account;
import dev.baton.console.api.AccountStore;
import dev.baton.console.api.ActionRejected;
import dev.baton.console.api.ConsoleBackends;
import dev.baton.console.api.DiscordStatus;
import dev.baton.console.api.DraftRejected;
import dev.baton.console.api.NoSuchHandoff;
import dev.baton.console.api.PortInUseException;
import dev.baton.console.api.SessionStore;
import dev.baton.console.api.SetupLinkStore;
import dev.baton.console.auth.AuthRoutes;
import dev.baton.console.auth.LoginLimiter;
import dev.baton.console.auth.Passwords;
import dev.baton.console.care.CareRoutes;
import dev.baton.console.feedback.FeedbackRoutes;
import dev.baton.console.handoff.HandoffRoutes;
import dev.baton.console.manage.ManageRoutes;
import dev.baton.console.playground.PlaygroundRoutes;
import dev.baton.console.queue.QueueRoutes;
import dev.baton.console.rules.HealthRoutes;
import dev.baton.console.rules.RulesRoutes;
import dev.baton.console.web.Access;
import dev.baton.console.web.AccountRoster;
import dev.baton.console.web.ApiError;
import dev.baton.console.web.Assets;
import dev.baton.console.web.Audit;
import dev.baton.console.web.ClientGone;
import dev.baton.console.web.EventStream;
import dev.baton.console.web.Guard;
import dev.baton.console.web.JettyLimits;
import dev.baton.console.web.Json;
import dev.baton.console.web.MemorySessionStore;
import dev.baton.console.web.MemorySetupLinkStore;
import dev.baton.console.web.Sessions;
import dev.baton.console.web.SetupTokens;
import dev.baton.console.web.TrustedProxies;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running console: one small web app served by Baton itself. This class is the one wiring place:
 * it builds the parts with plain constructors, lists every route with who may call it, and maps
 * errors to JSON in one spot.
 */
public final class HandoffConsole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HandoffConsole.class);

    static final Duration SESSION_IDLE = Duration.ofHours(12);
    /** However much it is used, a session ends this long after login. */
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    static final Duration SETUP_LINK_LIFETIME = Duration.ofHours(24);
    /** Failed logins for one user name from one address inside the window before that address must wait. */
    static final int LOGIN_FAILURES = 5;
    /** Failed logins from one address (any user names) inside the window before it must wait. */
    static final int ADDRESS_FAILURES = 20;
    static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);
    /** Once a user name has many failures, attempts for it from addresses that failed come this far apart. */
    static final Duration USER_SPACING = Duration.ofSeconds(30);
    static final long KEEP_ALIVE_SECONDS = 15;
    static final long MAX_REQUEST_BYTES = 256 * 1024;

    private final Javalin app;
    private final Javalin metricsApp;
    private final EventStream events;
    private final Optional<String> firstSetupLink;
    private final java.util.concurrent.ScheduledExecutorService housekeeping;

    private HandoffConsole(Javalin app, Javalin metricsApp, EventStream events, Optional<String> firstSetupLink,
                           java.util.concurrent.ScheduledExecutorService housekeeping) {
        this.housekeeping = housekeeping;
        this.app = app;
        this.metricsApp = metricsApp;
        this.events = events;
        this.firstSetupLink = firstSetupLink;
    }

    /** Starts serving; returns once the port is bound. */
    public static HandoffConsole start(ConsoleSettings settings, ConsoleBackends backends, AccountStore accounts,
                                       AccessLog accessLog) {
        return start(settings, backends, accounts, accessLog, DiscordStatus.OFF);
    }

    /** As above; {@code /healthz} reports {@code discord}'s state ({@code connected}, {@code reconnecting}, {@code off}). */
    public static HandoffConsole start(ConsoleSettings settings, ConsoleBackends backends, AccountStore accounts,
                                       AccessLog accessLog, DiscordStatus discord) {
        return start(settings, backends, accounts, accessLog, new Passwords(Passwords.DEFAULT_COST), discord);
    }

    /** As above, hashing with {@code passwords} (tests pass bcrypt's cheapest cost to stay fast). */
    static HandoffConsole start(ConsoleSettings settings, ConsoleBackends backends, AccountStore accounts,
                                AccessLog accessLog, Passwords passwords) {
        return start(settings, backends, accounts, accessLog, passwords, DiscordStatus.OFF);
    }

    static HandoffConsole start(ConsoleSettings settings, ConsoleBackends backends, AccountStore accounts,
                                AccessLog accessLog, Passwords passwords, DiscordStatus discord) {
        return start(settings, backends, accounts, accessLog, passwords, discord, new MemorySessionStore(),
                new MemorySetupLinkStore());
    }

    /**
     * As above, keeping sessions and setup links in {@code sessionStore} and {@code setupLinks}: Baton's
     * database, so that several Batons behind one address share every login and every link.
     */
    public static HandoffConsole start(ConsoleSettings settings, ConsoleBackends backends, AccountStore accounts,
                                       AccessLog accessLog, DiscordStatus discord, SessionStore sessionStore,
                                       SetupLinkStore setupLinks) {
        return start(settings, backends, accounts, accessLog, new Passwords(Passwords.DEFAULT_COST), discord,
                sessionStore, setupLinks);
    }

    static HandoffConsole start(ConsoleSettings settings, ConsoleBackends backends, AccountStore accounts,
                                AccessLog accessLog, Passwords passwords, DiscordStatus discord,
                                SessionStore sessionStore, SetupLinkStore setupLinks) {
        settings.adminPassword().filter(p -> !p.isEmpty()).ifPresent(p -> setAdminPassword(p, accounts, passwords, settings));

        Sessions sessions = new Sessions(settings.clock(), SESSION_IDLE, SESSION_LIFETIME, sessionStore);
        SetupTokens setupTokens = new SetupTokens(settings.clock(), SETUP_LINK_LIFETIME, setupLinks);
        LoginLimiter limiter = new LoginLimiter(settings.clock(), LOGIN_FAILURES, ADDRESS_FAILURES, LOGIN_WINDOW,
                USER_SPACING);
        AccountRoster roster = new AccountRoster(backends.staff());
        Audit audit = new Audit(accessLog, settings.clock());
        Guard guard = new Guard(sessions, accounts, settings.publicUrl());
        Assets assets = new Assets();
        if (Assets.vendorVersion("chart.js").isEmpty()) {
            // The page still works (tables, CSV), so this is a warning, not a refusal to start.
            LOG.warn("Console: Chart.js (org.webjars:chartjs) is not on the classpath; the rules health page "
                    + "shows its tables without charts");
        }
        EventStream events = new EventStream(backends.events(), sessions, KEEP_ALIVE_SECONDS);

        AuthRoutes auth = new AuthRoutes(accounts, sessions, passwords, limiter, setupTokens, roster, audit,
                settings.clock());
        QueueRoutes queue = new QueueRoutes(backends.queue(), backends.cues());
        HandoffRoutes handoffs = new HandoffRoutes(backends.queue(), backends.actions(), roster, audit);
        PlaygroundRoutes playground = new PlaygroundRoutes(backends.playground(), audit);
        // Setup links use BATON_CONSOLE_URL or the bound address, never the request's Host header.
        java.util.concurrent.atomic.AtomicReference<String> boundUrl = new java.util.concurrent.atomic.AtomicReference<>();
        ManageRoutes manage = new ManageRoutes(accounts, accessLog, setupTokens, sessions, backends.metrics(), roster,
                audit, () -> settings.publicUrl().orElseGet(boundUrl::get), settings.clock());
        RulesRoutes rules = new RulesRoutes(backends.rules(), backends.cues(), roster, audit, settings.clock());
        HealthRoutes health = new HealthRoutes(backends.health(), settings.clock());
        FeedbackRoutes feedback = new FeedbackRoutes(backends.queue(), backends.feedback(), audit);
        CareRoutes care = new CareRoutes(backends.care(), settings.clock());

        Javalin app = Javalin.create(config -> {
            common(config, settings);
            JettyLimits.apply(config, settings.host(), settings.port(), settings.trustedProxies());
            RoutesConfig r = config.routes;
            r.before(Guard::headers);
            r.beforeMatched(guard::check);

            r.get("/healthz", ctx -> ctx.json(health(discord)), Access.PUBLIC);
            r.get("/assets/{file}", assets::asset, Access.PUBLIC);
            r.get("/assets/vendor/{file}", assets::vendor, Access.PUBLIC);
            r.get("/login", ctx -> {
                if (guard.caller(ctx).isPresent()) {
                    ctx.redirect("/", HttpStatus.FOUND);
                } else {
                    assets.page(ctx, "login");
                }
            }, Access.PUBLIC);
            r.get("/setup", ctx -> assets.page(ctx, "setup"), Access.PUBLIC);
            r.get("/", ctx -> assets.page(ctx, "queue"), Access.SIGNED_IN);
            r.get("/handoffs/{id}", ctx -> assets.page(ctx, "handoff"), Access.SIGNED_IN);
            r.get("/playground", ctx -> assets.page(ctx, "playground"), Access.SIGNED_IN);
            r.get("/account", ctx -> assets.page(ctx, "account"), Access.SIGNED_IN);
            r.get("/conversations/{id}", ctx -> assets.page(ctx, "conversation"), Access.SIGNED_IN);
            r.get("/manage", ctx -> assets.page(ctx, "manage"), Access.MANAGER);
            r.get("/rules", ctx -> assets.page(ctx, "rules"), Access.MANAGER);
            r.get("/rules/changes", ctx -> assets.page(ctx, "changes"), Access.MANAGER);
            r.get("/rules/health", ctx -> assets.page(ctx, "health"), Access.MANAGER);
            r.get("/care", ctx -> assets.page(ctx, "care"), Access.MANAGER);

            r.get("/api/csrf", auth::formToken, Access.PUBLIC);
            r.post("/api/login", auth::login, Access.FORM);
            r.get("/api/setup", auth::setupInfo, Access.PUBLIC);
            r.post("/api/setup", auth::setup, Access.FORM);
            r.post("/api/logout", auth::logout, Access.SIGNED_IN);
            r.get("/api/me", auth::me, Access.SIGNED_IN);
            r.post("/api/password", auth::changePassword, Access.SIGNED_IN);

            r.get("/api/staff", handoffs::staff, Access.SIGNED_IN);
            r.get("/api/cues", queue::cues, Access.SIGNED_IN);
            r.get("/api/queue", queue::queue, Access.SIGNED_IN);
            r.get("/api/handoffs/{id}", handoffs::handoff, Access.SIGNED_IN);
            r.post("/api/handoffs/{id}/claim", handoffs::claim, Access.SIGNED_IN);
            r.post("/api/handoffs/{id}/take-over", handoffs::takeOver, Access.SIGNED_IN);
            r.post("/api/handoffs/{id}/transfer", handoffs::transfer, Access.SIGNED_IN);
            r.post("/api/handoffs/{id}/reply", handoffs::reply, Access.SIGNED_IN);
            r.post("/api/handoffs/{id}/note", handoffs::note, Access.SIGNED_IN);
            r.post("/api/handoffs/{id}/resolve", handoffs::resolve, Access.SIGNED_IN);
            r.post("/api/handoffs/{id}/reopen", handoffs::reopen, Access.SIGNED_IN);
            r.get("/api/handoffs/{id}/feedback", feedback::handoffFeedback, Access.SIGNED_IN);
            r.post("/api/handoffs/{id}/feedback", feedback::giveOnHandoff, Access.SIGNED_IN);
            // "answered" before "{id}", so it is not read as a conversation id.
            r.get("/api/conversations/answered", feedback::answered, Access.SIGNED_IN);
            r.get("/api/conversations/{id}", feedback::conversation, Access.SIGNED_IN);
            r.get("/api/conversations/{id}/feedback", feedback::conversationFeedback, Access.SIGNED_IN);
            r.post("/api/conversations/{id}/feedback", feedback::giveOnConversation, Access.SIGNED_IN);
            r.sse("/api/events", events::open, Access.SIGNED_IN);

            r.post("/api/playground", playground::decide, Access.SIGNED_IN);
            r.post("/api/playground/practice", playground::practice, Access.SIGNED_IN);
            r.get("/api/knowledge/{id}", playground::knowledgeEntry, Access.SIGNED_IN);

            r.get("/api/rules/live", rules::live, Access.MANAGER);
            r.get("/api/rules/status", rules::status, Access.MANAGER);
            r.post("/api/rules/check", rules::check, Access.MANAGER);
            r.post("/api/rules/try", rules::tryIt, Access.MANAGER);
            r.post("/api/rules/replay", rules::replay, Access.MANAGER);
            r.post("/api/rules/apply", rules::apply, Access.MANAGER);
            r.get("/api/rules/changes", rules::changes, Access.MANAGER);
            r.get("/api/rules/health", health::health, Access.MANAGER);
            r.get("/api/rules/health.csv", health::csv, Access.MANAGER);
            r.get("/api/care", care::figures, Access.MANAGER);
            r.get("/api/care.csv", care::csv, Access.MANAGER);
            r.get("/api/care/handoffs", care::handoffs, Access.MANAGER);

            r.get("/api/accounts", manage::list, Access.MANAGER);
            r.post("/api/accounts", manage::create, Access.MANAGER);
            r.post("/api/accounts/{username}/setup-link", manage::newLink, Access.MANAGER);
            r.put("/api/accounts/{username}", manage::changeRole, Access.MANAGER);
            r.delete("/api/accounts/{username}", manage::delete, Access.MANAGER);
            r.get("/api/access-log", manage::accessLog, Access.MANAGER);
            r.get("/metrics", manage::metrics, Access.MANAGER);
        });
        Javalin metricsApp = null;
        try {
            try {
                app.start(settings.host(), settings.port());
            } catch (JavalinBindException e) {
                throw new PortInUseException(settings.host(), settings.port(), false, e);
            }
            if (settings.metricsPort().isPresent()) {
                try {
                    metricsApp = Javalin.create(config -> {
                        common(config, settings);
                        JettyLimits.apply(config, settings.host(), settings.metricsPort().get(),
                                settings.trustedProxies());
                        config.routes.before(Guard::headers);
                        config.routes.get("/metrics", manage::metrics);
                    }).start(settings.host(), settings.metricsPort().get());
                } catch (JavalinBindException e) {
                    throw new PortInUseException(settings.host(), settings.metricsPort().get(), true, e);
                }
            }
        } catch (RuntimeException e) {
            app.stop();
            events.close();
            throw e;
        }

        boundUrl.set("http://" + ConsoleSettings.linkHost(settings.host()) + ":" + app.port());
        Optional<String> firstSetupLink = Optional.empty();
        if (settings.adminPassword().filter(p -> !p.isEmpty()).isEmpty()
                && accounts.all().stream().noneMatch(Account::hasPassword)) {
            String base = settings.publicUrl().map(ManageRoutes::stripSlash)
                    .orElse("http://" + ConsoleSettings.linkHost(settings.host()) + ":" + app.port());
            // The link carries no role: the admin account it is for is a manager.
            Instant now = settings.clock().instant();
            Account admin = accounts.find(AccountRoster.ADMIN).orElse(null);
            accounts.save(new Account(AccountRoster.ADMIN, Account.NO_PASSWORD, Account.Role.MANAGER,
                    admin == null ? now : admin.createdAt(), now));
            String link = base + "/setup?token=" + setupTokens.issue(AccountRoster.ADMIN);
            LOG.info("Console setup: open {}", link);
            firstSetupLink = Optional.of(link);
        }
        LOG.info("Console listening on {}:{}{}", settings.host(), app.port(),
                metricsApp == null ? "" : " (metrics on port " + metricsApp.port() + ")");
        // Retention: the access log keeps BATON_ACCESS_LOG_DAYS days; trimmed now and then daily.
        java.util.concurrent.ScheduledExecutorService housekeeping = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "console-housekeeping");
                    thread.setDaemon(true);
                    return thread;
                });
        trimAccessLog(accessLog, settings);
        housekeeping.scheduleAtFixedRate(() -> trimAccessLog(accessLog, settings), 1, 1,
                java.util.concurrent.TimeUnit.DAYS);
        housekeeping.scheduleAtFixedRate(() -> {
            try {
                audit.flush();
            } catch (RuntimeException e) {
                LOG.warn("Console: writing the login attempt counts to the access log failed", e);
            }
        }, 60, 60, java.util.concurrent.TimeUnit.SECONDS);
        return new HandoffConsole(app, metricsApp, events, firstSetupLink, housekeeping);
    }

    /** Deletes access-log rows older than the retention; never lets a failure escape (it runs on a timer). */
    static void trimAccessLog(AccessLog accessLog, ConsoleSettings settings) {
        try {
            int deleted = accessLog.deleteBefore(settings.clock().instant().minus(Duration.ofDays(settings.accessLogDays())));
            if (deleted > 0) {
                LOG.info("Console: deleted {} access-log rows older than {} days", deleted, settings.accessLogDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Console: trimming the access log failed", e);
        }
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return app.port();
    }

    /** The bound metrics port, when {@link ConsoleSettings#metricsPort()} was given. */
    public Optional<Integer> metricsPort() {
        return Optional.ofNullable(metricsApp).map(Javalin::port);
    }

    /**
     * The one-time setup link logged at first start (no account and no admin password), if any. It
     * stops working once used or after 24 hours.
     */
    public Optional<String> firstSetupLink() {
        return firstSetupLink;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        events.close();
        if (metricsApp != null) {
            metricsApp.stop();
        }
        app.stop();
    }

    /**
     * Sets the {@code admin} manager's password from {@code settings.adminPassword()} ({@code BATON_ADMIN_PASSWORD}),
     * as {@link #start} does. It is the slow part of starting the console (one bcrypt hash or check, about a
     * third of a second) and needs only the accounts, so a caller may do it beside other start-up work, then
     * start the console with {@link ConsoleSettings#withoutAdminPassword()}.
     *
     * @throws IllegalArgumentException when the password breaks the policy
     */
    public static void applyAdminPassword(ConsoleSettings settings, AccountStore accounts) {
        settings.adminPassword().filter(p -> !p.isEmpty())
                .ifPresent(p -> setAdminPassword(p, accounts, new Passwords(Passwords.DEFAULT_COST), settings));
    }

    private static void setAdminPassword(String password, AccountStore accounts, Passwords passwords,
                                         ConsoleSettings settings) {
        Passwords.problem(password, AccountRoster.ADMIN).ifPresent(p -> {
            throw new IllegalArgumentException("BATON_ADMIN_PASSWORD: " + p);
        });
        Optional<Account> existing = accounts.find(AccountRoster.ADMIN);
        if (existing.isPresent() && passwords.matches(password, existing.get().passwordHash())
                && existing.get().role() == Account.Role.MANAGER) {
            return;
        }
        Instant now = settings.clock().instant();
        accounts.save(new Account(AccountRoster.ADMIN, passwords.hash(password), Account.Role.MANAGER,
                existing.map(Account::createdAt).orElse(now), now));
        LOG.info("Console: the admin account's password was set from BATON_ADMIN_PASSWORD");
    }

    private static void common(JavalinConfig config, ConsoleSettings settings) {
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        // ctx.ip() (the login limiter, the access log) is the client behind a trusted proxy, else the peer.
        TrustedProxies proxies = settings.trustedProxies();
        config.contextResolver.ip = ctx -> proxies.clientAddress(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        RoutesConfig r = config.routes;
        r.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        r.exception(Guard.PageRedirect.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.FOUND));
        r.exception(NoSuchHandoff.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        r.exception(DraftRejected.class, (e, ctx) -> {
            // 422: the request was understood, the draft in it cannot go live; each problem says where.
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            body.put("problems", e.problems());
            ctx.status(422).json(body);
        });
        r.exception(ActionRejected.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
        r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        r.exception(Exception.class, (e, ctx) -> {
            if (ClientGone.caused(e)) {
                // A tab closed or a connection dropped mid-request: nothing failed here, and no one is left to answer.
                LOG.info("console: {} {} abandoned: the client closed the connection", ctx.method(), ctx.path());
                return;
            }
            LOG.error("console: {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "something went wrong on the server; the details are in Baton's log");
        });
        r.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                error(ctx, 404, "not found");
            }
        });
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (status == 403 && ctx.method() == io.javalin.http.HandlerType.GET && !ctx.path().startsWith("/api/")
                && !ctx.path().equals("/metrics")) {
            ctx.contentType("text/plain; charset=utf-8").result("403 Forbidden: " + message);
            return;
        }
        ctx.json(Map.of("error", message == null ? "error" : message));
    }


    /**
     * What {@code /healthz} says: always the status and Discord's state; with sharding, also the shards this
     * instance holds now and of how many ({@code "shards":[0,1],"shard_total":4}), so a load balancer or a person can
     * see which instance serves which servers.
     */
    static Map<String, Object> health(DiscordStatus discord) {
        Map<String, Object> health = new java.util.LinkedHashMap<>();
        health.put("status", "ok");
        health.put("discord", discord.state().label());
        discord.shards().ifPresent(shards -> {
            health.put("shards", shards.held());
            health.put("shard_total", shards.total());
        });
        return health;
    }
}
