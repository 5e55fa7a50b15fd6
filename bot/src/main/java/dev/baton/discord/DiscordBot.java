package dev.baton.discord;

import dev.baton.aftercare.AfterCare;
import dev.baton.aftercare.AfterCareNotices;
import dev.baton.desk.StaffReplies;
import dev.baton.desk.SupportDesk;
import dev.baton.metrics.BatonMetrics;
import dev.baton.pickup.PickupNotices;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.ApplicationInfo;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connects Baton to Discord with JDA, registers its slash commands, and checks the privileged intent. */
public final class DiscordBot implements AutoCloseable {

    /** Guild messages, DMs, and the text of messages (privileged: must be enabled in the developer portal). */
    static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT);
    private static final List<Permission> THREAD_PERMISSIONS = List.of(Permission.CREATE_PUBLIC_THREADS,
            Permission.CREATE_PRIVATE_THREADS, Permission.MESSAGE_SEND_IN_THREADS);
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    /** How long a stop waits for the messages already received to be answered. */
    private static final Duration LANES_DRAIN = Duration.ofSeconds(10);

    private final JDA jda;
    private final BatonListener listener;
    private final Lanes lanes;
    private final StaffReplier staffReplies;
    private final PickupPoster pickupNotices;
    private final AfterCarePoster afterCareNotices;

    private DiscordBot(JDA jda, BatonListener listener, Lanes lanes, DiscordSettings settings, Clock clock) {
        this.jda = jda;
        this.listener = listener;
        this.lanes = lanes;
        this.staffReplies = new StaffReplier(jda, clock, StaffReplier.DEFAULT_TIMEOUT);
        this.pickupNotices = new PickupPoster(jda, settings, PickupPoster.DEFAULT_TIMEOUT);
        this.afterCareNotices = new AfterCarePoster(pickupNotices);
    }

    /**
     * Logs in and waits until the gateway is ready.
     *
     * @throws DiscordStartException with a sentence saying what to fix (bad token, intent not enabled)
     */
    public static DiscordBot start(DiscordEndpoints endpoints, DiscordSettings settings, SupportDesk desk,
                                   AfterCare aftercare, BatonMetrics metrics, Clock clock, Duration readyTimeout) {
        Lanes lanes = Lanes.forThisMachine(settings.acknowledgeAfter(), metrics, clock);
        try {
            return start(endpoints, settings, desk, aftercare, lanes, clock, readyTimeout);
        } catch (RuntimeException e) {
            lanes.close(Duration.ZERO);
            throw e;
        }
    }

    private static DiscordBot start(DiscordEndpoints endpoints, DiscordSettings settings, SupportDesk desk,
                                    AfterCare aftercare, Lanes lanes, Clock clock, Duration readyTimeout) {
        BatonListener listener = new BatonListener(desk, aftercare, settings, lanes, clock);
        CountDownLatch ready = new CountDownLatch(1);
        CloseWatcher closes = new CloseWatcher(ready);
        // JDA's default lets every post ping users, roles and @everyone; Baton's posts ping only whom they name.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        JDA jda;
        try {
            jda = JDABuilder.createLight(endpoints.token(), INTENTS)
                    .setRestConfig(new RestConfig().setBaseUrl(endpoints.restUrl()))
                    .setSessionController(new GatewayAt(endpoints.gatewayUrl()))
                    .setCompression(Compression.NONE)
                    .addEventListeners(listener, closes)
                    .build();
        } catch (net.dv8tion.jda.api.exceptions.InvalidTokenException e) {
            throw new DiscordStartException("Discord rejected DISCORD_TOKEN: copy the bot token again from"
                    + " https://discord.com/developers/applications > your app > Bot > Reset Token.", e);
        } catch (RuntimeException e) {
            // Discord not reachable or not answering (network down, an outage): worth trying again later.
            throw new DiscordStartException("could not reach Discord at " + endpoints.restUrl() + ": " + e, e, true);
        }
        listener.attach(new Replier(jda, desk, settings));
        try {
            if (!ready.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                jda.shutdownNow();
                throw new DiscordStartException("Discord's gateway (" + endpoints.gatewayUrl() + ") did not become"
                        + " ready within " + readyTimeout.toSeconds() + " s.", null, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
            throw new DiscordStartException("interrupted while connecting to Discord", e);
        }
        if (closes.closeCode != null) {
            throw new DiscordStartException(explain(closes.closeCode), null, closes.closeCode.isReconnect());
        }
        DiscordBot bot = new DiscordBot(jda, listener, lanes, settings, clock);
        registerCommands(jda);
        checkMessageContentIntent(jda);
        bot.checkThreadPermissions(settings);
        return bot;
    }

    /**
     * Replies from the console, posted through a channel webhook under the staff member's name and
     * avatar, or by Baton as "Name: …" where webhooks are not possible (see {@link StaffReplier}).
     */
    public StaffReplies staffReplies() {
        return staffReplies;
    }

    /** Pickup deadline notices (reminders, re-routes, escalations), posted as Baton (see {@link PickupPoster}). */
    public PickupNotices pickupNotices() {
        return pickupNotices;
    }

    /** After-care after a resolve: the question with its buttons, or the closing line (see {@link AfterCarePoster}). */
    public AfterCareNotices afterCareNotices() {
        return afterCareNotices;
    }

    public JDA jda() {
        return jda;
    }

    /** Baton's slash commands; global, so any one shard registers them for all. */
    static void registerCommands(JDA jda) {
        jda.updateCommands().addCommands(
                Commands.slash(BatonListener.ASK, "Ask Baton a question")
                        .addOption(OptionType.STRING, "question", "What would you like to know?", true),
                Commands.slash(BatonListener.HUMAN, "Talk to a person from the team")
                        .addOption(OptionType.STRING, "why", "Anything you want them to know (optional)", false),
                Commands.slash(BatonListener.RESOLVE, "Team only: close this conversation's handoff")
                        .addOptions(new OptionData(OptionType.STRING, "outcome", "How it ended (default: solved)", false)
                                .addChoice("solved", "solved")
                                .addChoice("not solvable", "not_solvable")
                                .addChoice("no response", "no_response")))
                .queue(done -> LOG.info("slash commands /ask, /human and /resolve registered"),
                        e -> LOG.error("could not register the slash commands /ask and /human: {}. Invite Baton"
                                + " with the applications.commands scope.", e.toString()));
    }

    static void checkMessageContentIntent(JDA jda) {
        jda.retrieveApplicationInfo().queue(info -> {
            EnumSet<ApplicationInfo.Flag> flags = info.getFlags();
            if (!flags.contains(ApplicationInfo.Flag.GATEWAY_MESSAGE_CONTENT)
                    && !flags.contains(ApplicationInfo.Flag.GATEWAY_MESSAGE_CONTENT_LIMITED)) {
                LOG.error("The Message Content intent is not enabled for this bot, so Discord will deliver"
                        + " customers' messages without text. Enable it at https://discord.com/developers/applications"
                        + " > your app > Bot > Privileged Gateway Intents > Message Content Intent.");
            } else {
                LOG.info("Message Content intent: enabled");
            }
        }, e -> LOG.warn("could not check the bot's intents: {}", e.toString()));
    }

    /**
     * Conversations move into threads: public ones for answers, private ones for whatever a route sends there
     * (the shipped rules.yaml: crisis, grief and anxiety) or for everything with {@code private_threads}. A
     * missing thread permission is said once at startup, per support channel, rather than at the first
     * grieving customer.
     */
    private void checkThreadPermissions(DiscordSettings settings) {
        for (String id : settings.supportChannels()) {
            TextChannel channel = jda.getTextChannelById(id);
            if (channel == null) {
                continue; // a forum, or a channel Baton cannot see (said elsewhere)
            }
            Member self = channel.getGuild().getSelfMember();
            List<String> missing = THREAD_PERMISSIONS.stream().filter(p -> !self.hasPermission(channel, p))
                    .map(Permission::getName).toList();
            if (!missing.isEmpty()) {
                LOG.warn("Baton lacks {} in #{} ({}): answers and handoffs there cannot move into threads (private"
                        + " ones are needed for routes with private_thread: true — the shipped rules.yaml sends crisis,"
                        + " grief and anxiety there — and for private_threads: true); they are posted in the channel"
                        + " instead. Give Baton's role these permissions (Server Settings > Roles, or the channel's"
                        + " Permissions tab).", String.join(", ", missing), channel.getName(), id);
            }
        }
    }

    static String explain(CloseCode code) {
        return switch (code) {
            case DISALLOWED_INTENTS -> "Discord refused the connection because the Message Content intent is not"
                    + " enabled for this bot. Enable it at https://discord.com/developers/applications > your app >"
                    + " Bot > Privileged Gateway Intents > Message Content Intent, then start Baton again.";
            case AUTHENTICATION_FAILED -> "Discord rejected DISCORD_TOKEN: copy the bot token again from"
                    + " https://discord.com/developers/applications > your app > Bot.";
            default -> "Discord closed the gateway connection: " + code.getCode() + " " + code.getMeaning();
        };
    }

    /**
     * Stops hearing new events, lets the messages already received be decided and answered (JDA still sends
     * while the lanes drain), then disconnects. Before the database closes: the lanes write to it.
     */
    @Override
    public void close() {
        jda.removeEventListener(listener);
        lanes.close(LANES_DRAIN);
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }

    /** Points JDA's gateway at a configured URL (JDABuilder asks the session controller, not REST). */
    static final class GatewayAt extends ConcurrentSessionController {
        private final String url;

        GatewayAt(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }

    /** Releases the startup wait on READY, or on a shutdown before it (bad token, disallowed intents). */
    private static final class CloseWatcher extends ListenerAdapter {
        private final CountDownLatch ready;
        private volatile CloseCode closeCode;

        CloseWatcher(CountDownLatch ready) {
            this.ready = ready;
        }

        @Override
        public void onReady(ReadyEvent event) {
            ready.countDown();
        }

        @Override
        public void onShutdown(ShutdownEvent event) {
            closeCode = event.getCloseCode();
            ready.countDown();
        }
    }
}
