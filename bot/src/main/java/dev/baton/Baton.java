package dev.baton;

import dev.baton.aftercare.Asking;
import dev.baton.config.BatonConfig;
import dev.baton.console.HandoffConsole;
import dev.baton.console.api.PortInUseException;
import dev.baton.desk.StaffReplies;
import dev.baton.cluster.LeaseStore;
import dev.baton.cluster.LeaseTerms;
import dev.baton.cluster.ShardLeases;
import dev.baton.discord.DiscordBot;
import dev.baton.discord.DiscordConnection;
import dev.baton.discord.DiscordLink;
import dev.baton.discord.ShardedDiscord;
import dev.baton.fanout.Fanout;
import dev.baton.handoff.HandoffStore;
import dev.baton.leader.Leadership;
import dev.baton.llm.Assistant;
import dev.baton.llm.ModelSettings;
import dev.baton.pickup.PickupWatch;
import dev.baton.pickup.Transfers;
import dev.baton.reload.ConfigSnapshot;
import dev.baton.reload.ConfigWatcher;
import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Baton: storage, the desk, Discord when a token is configured, and the handoff console. */
public final class Baton implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Baton.class);
    private static final Duration DISCORD_READY = Duration.ofSeconds(60);
    /** How often the configuration directory is looked at for edits. */
    private static final Duration RELOAD_EVERY = Duration.ofSeconds(2);

    private final Database database;
    private final DiscordLink discord;
    /** With shards or PostgreSQL: the leases on the gateway shards this instance holds; else null. */
    private final ShardLeases leases;
    private final Optional<HandoffConsole> console;
    private final PickupWatch pickup;
    private final Asking aftercare;
    private final Transfers transfers;
    private final ConfigWatcher watcher;
    private final Assistant assistant;
    private final Leadership leader;
    private final Fanout fanout;

    private Baton(Database database, DiscordLink discord, ShardLeases leases, Optional<HandoffConsole> console,
                  PickupWatch pickup, Asking aftercare, Transfers transfers, ConfigWatcher watcher,
                  Assistant assistant, Leadership leader, Fanout fanout) {
        this.database = database;
        this.leader = leader;
        this.fanout = fanout;
        this.leases = leases;
        this.aftercare = aftercare;
        this.transfers = transfers;
        this.assistant = assistant;
        this.discord = discord;
        this.console = console;
        this.pickup = pickup;
        this.watcher = watcher;
    }

    /**
     * Loads and checks the config, opens the database, connects to Discord if it can, then serves the
     * console (after Discord, so the console's replies go out through the connected bot). When Discord cannot
     * be reached, Baton starts anyway and keeps trying (5 s, doubling, up to 5 minutes apart).
     *
     * <p>Independent slow steps overlap: the sentence model loads on its own thread from {@code new Wiring()},
     * and the console's admin password is set while the parts are built.
     */
    public static Baton start(Settings settings, Wiring wiring, Clock clock) {
        return start(settings, wiring, clock, DiscordConnection.Backoff.DEFAULT);
    }

    /** As above, with the pauses between attempts to reach Discord (tests use short ones). */
    public static Baton start(Settings settings, Wiring wiring, Clock clock, DiscordConnection.Backoff discordRetry) {
        ConfigSnapshot files = ConfigSnapshot.read(settings.configDir());
        BatonConfig config = BatonConfig.load(settings.configDir());
        LOG.info("config from {}: {} knowledge-base entries, {} people on the roster, {} routing rules,"
                + " {} support channels", settings.configDir(), config.knowledge().size(),
                config.roster().people().size(), config.rules().routes().size(),
                config.discord().supportChannels().size());
        // A wrong model setting stops the start like any config error (before anything is opened): a community
        // that asked for a model should not silently run without one.
        Optional<ModelSettings> model = settings.model().resolve(config.model());
        Database database = Database.open(settings.database());
        LOG.info("database {}", database.location());
        // Setting the console's admin password (a bcrypt hash or check, a third of a second) needs only the
        // database, so it runs beside the building of the parts, which spends most of its time embedding the
        // knowledge base on this thread.
        Optional<Background<Void>> adminPassword = settings.console().map(console -> Background.start(
                "baton-admin-password", () -> {
                    HandoffConsole.applyAdminPassword(console.toConsoleSettings(clock), Wiring.accounts(database));
                    return null;
                }));
        Wiring.Parts parts;
        try {
            parts = wiring.parts(settings.configDir(), files, config, model, database, clock);
        } catch (RuntimeException e) {
            adminPassword.ifPresent(Background::awaitEnd); // it writes to the database
            database.close();
            throw e;
        }
        LOG.info("{}", parts.assistant().describe());
        openFromBefore(parts.handoffs()).ifPresent(LOG::info);
        DiscordLink discord = DiscordConnection.off();
        ShardLeases leases = null;
        Optional<HandoffConsole> console = Optional.empty();
        PickupWatch pickup = null;
        Asking aftercare = null;
        Transfers transfers = null;
        ConfigWatcher watcher = null;
        Leadership leader = null;
        try {
            // Before the console: another Baton's change made while this one starts is heard, not missed.
            parts.hearOtherInstances();
            if (settings.discord().isPresent() && clustered(settings)) {
                // Several Batons may share this database: connect only the shards this instance holds a lease on.
                ShardedDiscord sharded = ShardedDiscord.prepare(settings.discord().get(), config.discord(), parts.desk(),
                        parts.aftercare(), parts.metrics(), clock, settings.shards());
                discord = sharded;
                parts.relay().ifPresent(sharded::relayThrough); // PostgreSQL: posts for shards held elsewhere
                leases = new ShardLeases(new LeaseStore(database), settings.shards(), holderId(), LeaseTerms.DEFAULT,
                        clock);
                LOG.info("connecting to Discord: {}, through the shards of {} this instance ({}) holds a lease on",
                        settings.discord().get(), settings.shards(), leases.holderId());
                leases.start(sharded, leaseThread());
            } else if (settings.discord().isPresent()) {
                LOG.info("connecting to Discord: {}", settings.discord().get());
                discord = DiscordConnection.start(() -> DiscordBot.start(settings.discord().get(), config.discord(),
                        parts.desk(), parts.aftercare(), parts.metrics(), clock, DISCORD_READY), discordRetry, retryThread());
            } else {
                LOG.warn("DISCORD_TOKEN is not set, so Baton is not connected to Discord; the engine and storage run."
                        + " To connect a server, see \"Connecting a Discord server\" in README.md, then start Baton"
                        + " with DISCORD_TOKEN=<your bot token>.");
            }
            // Before the console, so a resolve or a transfer there is followed up in Discord from the first one.
            aftercare = parts.afterCareAfterResolves(discord.afterCareNotices());
            transfers = parts.transfersTold(discord.pickupNotices());
            if (settings.console().isPresent()) {
                Settings.Console consoleSettings = settings.console().get();
                LOG.info("starting the handoff console: {}", consoleSettings);
                adminPassword.orElseThrow().get(); // a password that breaks the policy stops the start here
                HandoffConsole started;
                try {
                    started = HandoffConsole.start(consoleSettings.toConsoleSettings(clock).withoutAdminPassword(),
                            parts.console(discord.staffReplies()), parts.accounts(), parts.accessLog(), discord,
                            parts.sessions(), parts.setupLinks());
                } catch (PortInUseException e) {
                    String variable = e.metrics() ? "BATON_METRICS_PORT" : "BATON_CONSOLE_PORT";
                    throw new IllegalArgumentException("the handoff console cannot listen on " + e.host() + ":"
                            + e.port() + ": another program is using that port; stop it, or set " + variable
                            + " to a free port" + (e.metrics() ? "" : " (or to off for no console)"), e);
                }
                console = Optional.of(started);
                LOG.info("handoff console at {}", consoleSettings.url(started.port()));
            } else {
                LOG.info("BATON_CONSOLE_PORT is off, so there is no handoff console");
            }
            leader = parts.jobsLeader();
            pickup = parts.pickupWatch(discord.pickupNotices(), leader);
            pickup.start();
            watcher = ConfigWatcher.start(parts.live(), RELOAD_EVERY);
            LOG.info("watching {} for changes to {} ({} need a restart)", settings.configDir(),
                    String.join(", ", ConfigSnapshot.RELOADABLE), String.join(" and ", ConfigSnapshot.RESTART_ONLY));
        } catch (RuntimeException e) {
            if (watcher != null) {
                watcher.close();
            }
            if (pickup != null) {
                pickup.close();
            }
            if (leader != null) {
                leader.close();
            }
            console.ifPresent(HandoffConsole::close);
            if (aftercare != null) {
                aftercare.close();
            }
            if (transfers != null) {
                transfers.close();
            }
            if (leases != null) {
                leases.close();
            }
            discord.close();
            close(parts.assistant());
            parts.fanout().close();
            adminPassword.ifPresent(Background::awaitEnd); // it writes to the database
            database.close();
            throw e;
        }
        return new Baton(database, discord, leases, console, pickup, aftercare, transfers, watcher, parts.assistant(),
                leader, parts.fanout());
    }

    /**
     * Whether Discord is reached through shard leases: with {@code BATON_SHARDS}, or on PostgreSQL, where another
     * Baton may share the database. One Baton on its SQLite file keeps its single gateway session.
     */
    static boolean clustered(Settings settings) {
        return settings.shards().sharded() || settings.database() instanceof DatabaseLocation.Postgres;
    }

    /** This instance in the lease rows: the host, the process and a random part (a restart is a new holder). */
    private static String holderId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "").strip();
        return (host.isEmpty() ? "baton" : host) + "-" + ProcessHandle.current().pid() + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** The heartbeat and the watch of the shard leases (daemons: they never hold the JVM up). */
    private static ScheduledExecutorService leaseThread() {
        return Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "baton-shard-leases");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * What start-up says about handoffs left open by the last run: real ones (Baton stays quiet in their
     * conversations), and the playground's practice ones apart; empty when none is open.
     */
    static Optional<String> openFromBefore(HandoffStore handoffs) {
        List<HandoffStore.Listed> open = handoffs.listOpen();
        long practice = open.stream().filter(HandoffStore.Listed::practice).count();
        long real = open.size() - practice;
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String practiceOpen = practice + (practice == 1 ? " practice handoff from the playground is open"
                : " practice handoffs from the playground are open");
        if (real == 0) {
            return Optional.of("no handoffs are open from before (" + practiceOpen + ")");
        }
        String line = real == 1 ? "1 handoff is open from before; Baton stays quiet in its conversation"
                : real + " handoffs are open from before; Baton stays quiet in their conversations";
        return Optional.of(practice == 0 ? line : line + " (and " + practiceOpen + ")");
    }

    /** The thread that retries Discord while it cannot be reached (a daemon: it never holds the JVM up). */
    private static ScheduledExecutorService retryThread() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "baton-discord-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Discord's state as {@code /healthz} reports it. */
    public DiscordConnection.State discordState() {
        return discord.state();
    }

    /** The console's bound port (useful when started on port 0); empty when there is no console. */
    public OptionalInt consolePort() {
        return console.map(c -> OptionalInt.of(c.port())).orElse(OptionalInt.empty());
    }

    @Override
    public void close() {
        watcher.close();
        pickup.close(); // before the rest: a tick may be posting to Discord and writing to the database
        leader.close(); // after the last tick: another instance takes the jobs over from here
        console.ifPresent(HandoffConsole::close);
        aftercare.close(); // after the console (no more resolves), before Discord (a post may be on its way)
        transfers.close(); // likewise: no more transfers, a notice may be on its way
        if (leases != null) {
            // Answer what was received while the shards are still held, then give them up for a standby at once.
            ((ShardedDiscord) discord).drain();
            leases.close();
        }
        discord.close();
        close(assistant);
        fanout.close(); // last before the database: it sends what is still queued
        database.close();
        LOG.info("Baton stopped");
    }

    private static void close(Assistant assistant) {
        if (assistant instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("could not stop the language model's threads", e);
            }
        }
    }
}
