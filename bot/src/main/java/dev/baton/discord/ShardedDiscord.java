package dev.baton.discord;

import dev.baton.aftercare.AfterCare;
import dev.baton.aftercare.AfterCareNotices;
import dev.baton.cluster.ShardLeases;
import dev.baton.cluster.ShardRange;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.PlaceKind;
import dev.baton.desk.StaffReplies;
import dev.baton.desk.SupportDesk;
import dev.baton.discord.RelayCodec.Kind;
import dev.baton.metrics.BatonMetrics;
import dev.baton.pickup.PickupNotices;
import dev.baton.routing.Person;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord through JDA's {@link ShardManager}, connecting only the shards this instance holds a lease on
 * ({@link ShardLeases} calls {@link #gained} and {@link #lost}). A shard it gains is connected, and once ready it is
 * caught up ({@link CatchUp}): what the previous holder missed is read from Discord's history and decided once. A
 * shard it loses is disconnected at once, because another instance may hold it soon.
 *
 * <p>Every shard shares the listener and the lanes (one customer's messages in order, whichever shard they come
 * on); replies, console replies and notices go out through the JDA of the shard that sees their channel.
 */
public final class ShardedDiscord extends ListenerAdapter implements DiscordLink, ShardLeases.Holder {

    private static final Logger LOG = LoggerFactory.getLogger(ShardedDiscord.class);
    private static final Duration LANES_DRAIN = Duration.ofSeconds(10);
    private static final Duration STARTED = Duration.ofSeconds(8);
    private static final Duration RECONNECT = Duration.ofSeconds(5);
    private static final String NOT_HELD = "this Baton does not hold the shard of that conversation's server now"
            + " (another instance does, or it is being taken over),";

    private final DiscordEndpoints endpoints;
    private final DiscordSettings settings;
    private final SupportDesk desk;
    private final Clock clock;
    private final ShardRange range;
    private final Lanes lanes;
    private final BatonListener listener;
    private final CatchUp catchUp;
    /** Catching up reads Discord page by page; it runs here, off the lease thread and JDA's event threads. */
    private final ExecutorService catchUps = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "baton-catch-up");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * Connecting and disconnecting run here, in the order the leases changed: logging a shard in takes seconds, and
     * the lease thread must keep renewing meanwhile.
     */
    private final java.util.concurrent.ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "baton-shard-connect");
        thread.setDaemon(true);
        return thread;
    });
    /** When each held shard was taken: the previous holder's unconfirmed replies are those stored before. */
    private final Map<Integer, java.time.Instant> takenAt = new ConcurrentHashMap<>();
    /** The shards this instance holds a lease on (connecting, or ready); events from any other are ignored. */
    private final Set<Integer> holding = ConcurrentHashMap.newKeySet();
    /** The parts that post through one shard's JDA, made once per JDA (a reconnected shard is a new JDA). */
    private final Map<JDA, Posters> posters = new ConcurrentHashMap<>();
    private final HeldOnly held;
    /** Built at the first shard gained; written only on the connector thread. */
    private volatile ShardManager manager;
    private final java.util.concurrent.atomic.AtomicBoolean commandsRegistered =
            new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;
    /** Asks the holder of a shard this instance does not hold to post; null with one Baton (no relay). */
    private volatile Relay relay;

    private record Posters(Replier replier, StaffReplier staff, PickupPoster pickup, AfterCarePoster aftercare) {
    }

    private ShardedDiscord(DiscordEndpoints endpoints, DiscordSettings settings, SupportDesk desk, AfterCare aftercare,
                           BatonMetrics metrics, Clock clock, ShardRange range) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.desk = desk;
        this.clock = clock;
        this.range = range;
        this.lanes = Lanes.forThisMachine(settings.acknowledgeAfter(), metrics, clock);
        this.listener = new BatonListener(desk, aftercare, settings, lanes, clock);
        this.listener.attach(jda -> posters(jda).replier());
        this.held = new HeldOnly();
        this.catchUp = new CatchUp(desk, settings, listener, clock);
    }

    /**
     * Posts for conversations on shards held elsewhere through {@code relay}, and serves its requests for the shards
     * held here; {@link #close} closes it.
     */
    public ShardedDiscord relayThrough(Relay relay) {
        this.relay = relay;
        relay.serve(this::postIfHeld);
        return this;
    }

    /** Ready to connect shards as their leases are gained; connects nothing yet. */
    public static ShardedDiscord prepare(DiscordEndpoints endpoints, DiscordSettings settings, SupportDesk desk,
                                         AfterCare aftercare, BatonMetrics metrics, Clock clock, ShardRange range) {
        // JDA's default lets every post ping users, roles and @everyone; Baton's posts ping only whom they name.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        return new ShardedDiscord(endpoints, settings, desk, aftercare, metrics, clock, range);
    }

    // ------------------------------------------------------------------------------ leases

    /**
     * Connects the shard. The manager is built at the first shard gained (JDA's manager logs in with the shards it
     * is built for), and later ones are started on it.
     */
    @Override
    public void gained(int shard, long token) {
        takenAt.put(shard, clock.instant());
        holding.add(shard);
        connector.submit(() -> connect(shard, token));
    }

    private void connect(int shard, long token) {
        if (closed || !holding.contains(shard)) {
            return;
        }
        LOG.info("connecting shard {} of {} (lease token {})", shard, range.total(), token);
        try {
            if (manager == null) {
                manager = build(List.of(shard));
            } else {
                manager.start(shard);
                awaitStarted(shard);
            }
        } catch (RuntimeException e) {
            // Still held: trying again is the holder's job (a standby cannot take a lease this instance renews).
            LOG.error("could not connect shard {} to Discord ({}); trying again in {} s", shard, e.toString(),
                    RECONNECT.toSeconds());
            connector.schedule(() -> connect(shard, token), RECONNECT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Waits (on the connector thread) until the manager has built the shard's JDA, asking again if it has not:
     * JDA's queue worker can finish just as a shard is queued and leave it waiting (seen with two shards gained in one
     * tick). Starting takes up to Discord's 5 s between identifies per shard queued before it.
     */
    private void awaitStarted(int shard) {
        if (started(shard)) {
            return;
        }
        LOG.warn("shard {} was not started within {} s; asking JDA again", shard, STARTED.toSeconds());
        manager.start(shard);
        if (started(shard)) {
            return;
        }
        // JDA's queue worker never took the shard (seen once, under load, after a Discord outage at start): a held
        // shard must not stay unconnected, so the manager starts again with every shard held. The old one stops
        // first, so no shard ever has two sessions.
        List<Integer> shards = List.copyOf(new TreeSet<>(holding));
        LOG.warn("shard {} was still not started; starting the shard manager again with shards {}", shard, shards);
        ShardManager stuck = manager;
        stuck.getShards().forEach(posters::remove);
        stuck.shutdown();
        manager = build(shards);
    }

    /** Waits up to {@link #STARTED} until the manager has built the shard's JDA (or it is no longer wanted). */
    private boolean started(int shard) {
        long deadline = System.nanoTime() + STARTED.toNanos();
        while (System.nanoTime() < deadline) {
            if (manager.getShardById(shard) != null || !holding.contains(shard) || closed) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return false;
    }

    /** A shard manager for {@code shards}, pointed at this instance's Discord endpoints. */
    private ShardManager build(List<Integer> shards) {
        return DefaultShardManagerBuilder.createLight(endpoints.token(), DiscordBot.INTENTS)
                .setShardsTotal(range.total())
                .setShards(shards)
                .setRestConfig(new RestConfig().setBaseUrl(endpoints.restUrl()))
                .setSessionController(new DiscordBot.GatewayAt(endpoints.gatewayUrl()))
                .setCompression(Compression.NONE)
                .addEventListeners(held, this)
                .build();
    }

    /** From this moment the shard's events are ignored; it is disconnected right after, in order with connecting. */
    @Override
    public void lost(int shard, String why) {
        if (holding.remove(shard)) {
            connector.submit(() -> disconnect(shard, why));
        }
    }

    private void disconnect(int shard, String why) {
        if (manager == null || holding.contains(shard)) {
            return; // never connected, or gained again since
        }
        JDA jda = manager.getShardById(shard);
        if (jda != null) {
            posters.remove(jda);
        }
        manager.shutdown(shard);
        LOG.warn("disconnected shard {} of {} ({})", shard, range.total(), why);
    }

    /** A shard connected: register the commands once, then catch up on what its previous holder missed. */
    @Override
    public void onReady(ReadyEvent event) {
        JDA jda = event.getJDA();
        int shard = jda.getShardInfo().getShardId();
        if (commandsRegistered.compareAndSet(false, true)) {
            DiscordBot.registerCommands(jda);
            DiscordBot.checkMessageContentIntent(jda);
        }
        catchUpLater(jda, shard, takenAt.get(shard));
    }

    /** Discord started a new session (the old one could not be resumed): its events in between are gone. */
    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        catchUpLater(event.getJDA(), event.getJDA().getShardInfo().getShardId(), null);
    }

    private void catchUpLater(JDA jda, int shard, java.time.Instant taken) {
        catchUps.submit(() -> {
            if (!holding.contains(shard)) {
                return;
            }
            try {
                catchUp.run(jda, taken);
            } catch (RuntimeException e) {
                LOG.error("catching up on shard {} failed", shard, e);
            }
        });
    }

    /** Hands the listener only the events of shards this instance holds (a lost one may still be disconnecting). */
    private final class HeldOnly implements net.dv8tion.jda.api.hooks.EventListener {
        @Override
        public void onEvent(net.dv8tion.jda.api.events.GenericEvent event) {
            if (holding.contains(event.getJDA().getShardInfo().getShardId())) {
                listener.onEvent(event);
            }
        }
    }

    // ------------------------------------------------------------------------------ posting

    private Posters posters(JDA jda) {
        return posters.computeIfAbsent(jda, j -> {
            PickupPoster pickup = new PickupPoster(j, settings, PickupPoster.DEFAULT_TIMEOUT);
            return new Posters(new Replier(j, desk, settings), new StaffReplier(j, clock, StaffReplier.DEFAULT_TIMEOUT),
                    pickup, new AfterCarePoster(pickup));
        });
    }

    /** The posters of the held shard that sees the conversation's place; DMs are shard 0's, as on Discord. */
    private Optional<Posters> postersFor(ConversationRecord conversation) {
        ShardManager current = manager;
        if (current == null) {
            return Optional.empty();
        }
        List<JDA> connected = current.getShards().stream()
                .filter(j -> holding.contains(j.getShardInfo().getShardId()) && j.getStatus() == JDA.Status.CONNECTED)
                .toList();
        for (JDA jda : connected) {
            if (conversation.place() == PlaceKind.DM ? jda.getShardInfo().getShardId() == 0
                    : Stream.of(conversation.threadId(), conversation.channelId(), conversation.parentId())
                            .anyMatch(id -> id != null && jda.getChannelById(MessageChannel.class, id) != null)) {
                return Optional.of(posters(jda));
            }
        }
        return Optional.empty();
    }

    @Override
    public StaffReplies staffReplies() {
        return (conversation, from, text) -> postersFor(conversation).map(p -> p.staff().send(conversation, from, text))
                .orElseGet(() -> relayed(new Ask(Kind.STAFF_REPLY, conversation, from, text, null, null, 0))
                        .map(o -> o.answered() ? o.answer().delivery()
                                : StaffReplies.Delivery.failed(o.unanswered() + ", so the reply was only stored."))
                        .orElseGet(() -> StaffReplies.Delivery.failed(NOT_HELD + " so the reply was only stored.")));
    }

    @Override
    public PickupNotices pickupNotices() {
        return new PickupNotices() {
            @Override
            public Posted remind(ConversationRecord conversation, Person person, String text) {
                return postersFor(conversation).map(p -> p.pickup().remind(conversation, person, text))
                        .orElseGet(() -> relayedPickup(new Ask(Kind.REMIND, conversation, person, text, null, null, 0)));
            }

            @Override
            public Posted reroute(ConversationRecord conversation, Person to, String text) {
                return postersFor(conversation).map(p -> p.pickup().reroute(conversation, to, text))
                        .orElseGet(() -> relayedPickup(new Ask(Kind.REROUTE, conversation, to, text, null, null, 0)));
            }

            @Override
            public Posted escalate(ConversationRecord conversation, String roleId, String forCustomer, String forStaff) {
                return postersFor(conversation).map(p -> p.pickup().escalate(conversation, roleId, forCustomer, forStaff))
                        .orElseGet(() -> relayedPickup(
                                new Ask(Kind.ESCALATE, conversation, null, forCustomer, roleId, forStaff, 0)));
            }
        };
    }

    private PickupNotices.Posted relayedPickup(Ask request) {
        return relayed(request).map(o -> o.answered() ? o.answer().pickup()
                        : PickupNotices.Posted.failed("not posted: " + o.unanswered()))
                .orElseGet(() -> PickupNotices.Posted.failed("not posted: " + NOT_HELD));
    }

    @Override
    public AfterCareNotices afterCareNotices() {
        return new AfterCareNotices() {
            @Override
            public Posted ask(ConversationRecord conversation, long handoffId, String text) {
                return postersFor(conversation).map(p -> p.aftercare().ask(conversation, handoffId, text))
                        .orElseGet(() -> relayedAfterCare(
                                new Ask(Kind.AFTERCARE_ASK, conversation, null, text, null, null, handoffId)));
            }

            @Override
            public Posted close(ConversationRecord conversation, String text) {
                return postersFor(conversation).map(p -> p.aftercare().close(conversation, text))
                        .orElseGet(() -> relayedAfterCare(
                                new Ask(Kind.AFTERCARE_CLOSE, conversation, null, text, null, null, 0)));
            }
        };
    }

    private AfterCareNotices.Posted relayedAfterCare(Ask request) {
        return relayed(request).map(o -> o.answered() ? o.answer().aftercare()
                        : AfterCareNotices.Posted.failed("not posted: " + o.unanswered()))
                .orElseGet(() -> AfterCareNotices.Posted.failed("not posted: " + NOT_HELD));
    }

    // ------------------------------------------------------------------------------ relay

    /** Relays through PostgreSQL to the instance holding the shard; empty when there is no relay (one Baton). */
    private Optional<Relay.Outcome> relayed(Ask request) {
        Relay current = relay;
        return current == null ? Optional.empty() : Optional.of(current.ask(request.toWire()));
    }

    /**
     * Another instance asks this one to post: only when this instance holds the conversation's shard now, with the
     * conversation as stored now.
     */
    private Optional<RelayCodec.Answer> postIfHeld(RelayCodec.Request request) {
        Optional<ConversationRecord> stored = desk.conversation(request.conversationId());
        Optional<Posters> held = stored.flatMap(this::postersFor);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        Posters posters = held.get();
        return Optional.of(RelayedPosts.post(request, stored.get(), posters.staff(), posters.pickup(),
                posters.aftercare()));
    }

    /** A request before it is sent: the conversation by id and the person by the fields posting uses. */
    private record Ask(Kind kind, ConversationRecord conversation, Person person, String text, String roleId,
                           String forStaff, long handoffId) {
        RelayCodec.Request toWire() {
            return new RelayCodec.Request("-", "-", kind, conversation.id(), person == null ? null : person.id(),
                    person == null ? null : person.name(), person == null ? null : person.discordUserId(), text, roleId,
                    forStaff, handoffId);
        }
    }

    // ------------------------------------------------------------------------------ status

    /** {@code connected} when every shard held is connected (a standby holding none is connected too). */
    @Override
    public State state() {
        ShardManager current = manager;
        for (int shard : holding) {
            JDA jda = current == null ? null : current.getShardById(shard);
            if (jda == null || jda.getStatus() != JDA.Status.CONNECTED) {
                return State.RECONNECTING;
            }
        }
        return State.CONNECTED;
    }

    @Override
    public Optional<HeldShards> shards() {
        return Optional.of(new HeldShards(List.copyOf(new TreeSet<>(holding)), range.total()));
    }

    /**
     * Stops hearing new events and lets the messages already received be decided and answered, while the shards are
     * still held; the caller then releases the leases ({@link ShardLeases#close}), which disconnects them.
     */
    public void drain() {
        ShardManager current = manager;
        if (current != null) {
            current.removeEventListener(held);
        }
        catchUps.shutdownNow();
        lanes.close(LANES_DRAIN);
    }

    @Override
    public void close() {
        closed = true;
        Relay relaying = relay;
        if (relaying != null) {
            relaying.close(); // first: it may be posting through the shards closed below
        }
        ShardManager current = manager;
        catchUps.shutdownNow();
        connector.shutdownNow();
        lanes.close(Duration.ZERO);
        if (current != null) {
            current.shutdown();
        }
        try {
            catchUps.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
