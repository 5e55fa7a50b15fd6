package dev.baton.discord;

import dev.baton.aftercare.AfterCare;
import dev.baton.aftercare.Asking;
import dev.baton.live.RulesInForce;
import dev.baton.Wiring;
import dev.baton.config.BatonConfig;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.StoredMessage;
import dev.baton.desk.StaffReplies;
import dev.baton.desk.SupportDesk;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffWording;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.llm.Assistant;
import dev.baton.metrics.BatonMetrics;
import dev.baton.pickup.PickupNotices;
import dev.baton.pickup.Transfers;
import dev.baton.routing.Person;
import dev.baton.routing.Roster;
import dev.baton.routing.TwoPersonTeam;
import dev.baton.rules.RuleBook;
import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.JDA;

/**
 * Baton as it runs in production (real engine, real store, real JDA), connected to a fake Discord
 * on loopback. Builders with sensible defaults: a #support channel, a forum, two customers, and a
 * roster of Alex (billing, not opted in to sensitive conversations) and Sam (support, opted in).
 */
final class BatonOnFakeDiscord implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    /** The engine is expensive to build (MiniLM); every scenario shares one. */
    private static final Wiring WIRING = new Wiring();
    private static final KnowledgeBase KNOWLEDGE = KnowledgeBaseLoader.load(Path.of("..", "config", "knowledge.yaml"));

    final FakeDiscord fake = FakeDiscord.start();
    final long support = fake.addTextChannel("support");
    final long forum = fake.addForumChannel("help-forum");
    final long general = fake.addTextChannel("general");
    final long ann = fake.addMember("ann");
    final long bob = fake.addMember("bob");
    final long alex = fake.addMember("alex");
    final long sam = fake.addMember("sam");
    final Roster roster;
    /** This run's backend: {@code baton.db} in the data directory, or a fresh PostgreSQL schema (see TestDatabases). */
    final DatabaseLocation databaseLocation;
    /** The clock Baton runs by; a test may replace it before {@link #startBot()} (after-care expiry). */
    Clock clock = Clock.systemUTC();
    private Database database;
    private DiscordBot bot;
    private boolean running;
    boolean privateThreads;
    /** discord.yaml's staff channel, if the test sets one before {@link #startBot()}. */
    Long staffChannel;
    /** The rules in force; a test may change them while the bot runs, as a reload of rules.yaml would. */
    volatile RuleBook rules = RuleBook.defaults();
    /** Runs each time the desk reads the rules in force (once per decision): a test's stand-in for a slow step. */
    volatile Runnable onRulesRead = () -> { };
    /** discord.yaml's acknowledge_after_seconds; a test may shorten it before {@link #startBot()}. */
    Duration acknowledgeAfter = DiscordSettings.DEFAULT_ACKNOWLEDGE_AFTER;
    /** The optional language model; set before {@link #startBot()}. */
    Assistant assistant = Assistant.off();
    ConversationStore conversations;
    HandoffStore handoffs;
    /** The desk of the running bot: a console resolve or transfer goes through its staff actions. */
    SupportDesk desk;
    AfterCare aftercare;
    BatonMetrics metrics;
    private Asking asking;
    private Transfers transfers;

    BatonOnFakeDiscord(Path dataDir) {
        this.databaseLocation = TestDatabases.freshLocation(dataDir);
        this.roster = TwoPersonTeam.roster(String.valueOf(alex), String.valueOf(sam));
    }

    DiscordSettings settings() {
        return new DiscordSettings(String.valueOf(FakeDiscord.GUILD_ID),
                Set.of(String.valueOf(support), String.valueOf(forum)),
                staffChannel == null ? null : String.valueOf(staffChannel), privateThreads, Duration.ofMinutes(30),
                acknowledgeAfter);
    }

    /** Opens the database and connects a fresh JDA; call again after {@link #stopBot()} to simulate a restart. */
    BatonOnFakeDiscord startBot() {
        database = Database.open(databaseLocation);
        conversations = new ConversationStore(database);
        handoffs = new HandoffStore(database);
        BatonConfig config = new BatonConfig(KNOWLEDGE, roster, HandoffWording.defaults(), settings());
        RulesInForce loaded = WIRING.rules(config);
        metrics = BatonMetrics.standalone();
        desk = WIRING.desk(config, () -> {
            onRulesRead.run();
            return loaded.withBook(rules);
        }, conversations, handoffs, metrics, assistant, clock);
        aftercare = new AfterCare(handoffs, conversations, () -> loaded.withBook(rules), metrics, clock);
        bot = DiscordBot.start(new DiscordEndpoints("fake-token", fake.restBaseUrl(), fake.gatewayUrl()), settings(),
                desk, aftercare, metrics, clock, Duration.ofSeconds(15));
        asking = Wiring.afterCareAfterResolves(desk, aftercare, bot.afterCareNotices());
        transfers = Wiring.transfersTold(desk, handoffs, conversations, bot.pickupNotices(), clock);
        running = true;
        return this;
    }

    void stopBot() {
        running = false;
        asking.close();
        transfers.close();
        bot.close();
        database.close();
    }

    /** Console replies as the running bot sends them. */
    StaffReplies staffReplies() {
        return bot.staffReplies();
    }

    /** Pickup deadline notices as the running bot posts them. */
    PickupNotices pickupNotices() {
        return bot.pickupNotices();
    }

    Person person(String rosterId) {
        return roster.byId(rosterId).orElseThrow();
    }

    /** The running bot's JDA, for tests that watch its events (the benchmark times its listeners). */
    JDA jda() {
        return bot.jda();
    }

    /** Waits for a condition that becomes true through Discord's round trips; fails after {@code WAIT}. */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The thread Baton started from a customer's message (it has the message's id). */
    long threadFor(long starterMessageId) {
        await(() -> fake.threads().stream().anyMatch(t -> Long.valueOf(starterMessageId).equals(t.starterMessageId())));
        return fake.threads().stream().filter(t -> Long.valueOf(starterMessageId).equals(t.starterMessageId()))
                .findFirst().orElseThrow().id();
    }

    String knowledgeAnswer(String entryId) {
        return KNOWLEDGE.find(entryId).orElseThrow().answer();
    }

    List<HandoffRecord> openHandoffs() {
        return handoffs.open();
    }

    HandoffPacket packet(HandoffRecord handoff) {
        return handoffs.packet(handoff.id()).orElseThrow();
    }

    ConversationRecord conversationOf(long discordMessageId) {
        return conversations.ofMessage(String.valueOf(discordMessageId)).orElseThrow(
                () -> new AssertionError("message " + discordMessageId + " was not stored"));
    }

    List<StoredMessage> transcript(long discordMessageId) {
        return conversations.transcript(conversationOf(discordMessageId).id());
    }

    @Override
    public void close() {
        if (running) {
            stopBot();
        }
        fake.close();
    }
}
