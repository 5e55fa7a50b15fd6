package dev.baton.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Wiring;
import dev.baton.browser.ConsoleClient.Arrival;
import dev.baton.config.BatonConfig;
import dev.baton.console.HandoffConsole;
import dev.baton.console.ConsoleSettings;
import dev.baton.console.api.DiscordStatus;
import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.PlaceKind;
import dev.baton.desk.StaffReplies;
import dev.baton.fanout.PostgresFanout;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffRecord;
import dev.baton.reload.ConfigSnapshot;
import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.PostgresSessions;
import dev.baton.store.TestDatabases;
import dev.baton.text.HashingEmbedder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two Batons' parts on one PostgreSQL schema, instance B serving the console on port 0: a change made
 * through instance A reaches the event stream ({@code /api/events}) of B's console. Skipped without a
 * PostgreSQL test server.
 */
class TwoBatonsOnePostgresTest {

    private static final Path CONFIG = Path.of("../config");
    private static final String PASSWORD = "correct horse battery staple";
    private static final Wiring WIRING = new Wiring(new HashingEmbedder());

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private int customers;

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private Wiring.Parts instance(DatabaseLocation location) {
        Database database = Database.open(location);
        opened.add(database);
        Wiring.Parts parts = WIRING.parts(CONFIG, ConfigSnapshot.read(CONFIG), BatonConfig.load(CONFIG),
                Optional.empty(), database, clock);
        opened.add(parts.fanout());
        parts.hearOtherInstances();
        return parts;
    }

    private HandoffConsole console(Wiring.Parts parts) {
        HandoffConsole console = HandoffConsole.start(new ConsoleSettings("127.0.0.1", 0, Optional.of(PASSWORD),
                Optional.empty(), Optional.empty(), clock), parts.console(StaffReplies.NOT_CONNECTED), parts.accounts(),
                parts.accessLog(), DiscordStatus.OFF, parts.sessions(), parts.setupLinks());
        opened.add(console);
        return console;
    }

    /** A customer's conversation handed off, stored as the desk stores it, through {@code parts}' stores. */
    private HandoffRecord handOff(Wiring.Parts parts) {
        customers++;
        ConversationStore conversations = parts.conversations();
        Instant now = clock.instant();
        String customer = "11900000000000" + (10_000 + customers);
        conversations.rememberCustomer(new Incoming.Person(customer, "Ann", List.of(), null), now);
        ConversationRecord conversation = conversations.start(customer, PlaceKind.CHANNEL, "1180000000000000100",
                "118000000000" + (10_000_000 + customers), now);
        String text = "This is the third time I've asked about my refund!";
        conversations.insert(new NewMessage(null, conversation.id(), conversation.replyChannelId(),
                conversation.customerId(), "Ann", AuthorKind.CUSTOMER, text, List.of(), null, null, now));
        conversations.setState(conversation.id(), ConversationState.HANDED_OFF);
        HandoffPacket packet = new HandoffPacket(conversation.id(), "anger", List.of("anger"), "wants: a refund",
                new HandoffPacket.Profile(customer, "Ann", List.of(), null, now, List.of()),
                List.of(new HandoffPacket.Line(null, conversation.channelId(), "customer", "Ann", text, List.of(), now,
                        false, false, null)), List.of(), List.of(), List.of(),
                new HandoffPacket.Assignment("alex", "Alex", null, "on shift", true, null, "default", "normal", false),
                now);
        return parts.handoffs().create(packet, now);
    }

    private static void awaitListening(Wiring.Parts parts) throws InterruptedException {
        PostgresFanout fanout = (PostgresFanout) parts.fanout();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (fanout.listeningPid().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(fanout.listeningPid().isPresent(), "instance never listened");
    }

    private static Arrival next(BlockingQueue<Arrival> events, String kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            Arrival arrival = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (arrival != null && arrival.kind().equals(kind)) {
                return arrival;
            }
        }
        return null;
    }

    @Test
    void aHandoffCreatedThroughOneInstanceAppearsOnTheOtherInstancesConsoleStreamAndAfterALostConnectionToo()
            throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Wiring.Parts a = instance(location);
        Wiring.Parts b = instance(location);
        assertNotEquals(a.instance(), b.instance());
        HandoffConsole console = console(b);
        awaitListening(b);
        BlockingQueue<Arrival> events = ConsoleClient.logIn("http://127.0.0.1:" + console.port(), "admin", PASSWORD)
                .events();

        HandoffRecord first = handOff(a);

        Arrival created = next(events, "created");
        assertNotNull(created, "no created event on the other instance's console within 2 s");
        assertEquals(first.id(), created.handoffId());

        PostgresFanout fanout = (PostgresFanout) b.fanout();
        PostgresSessions.terminate(fanout.listeningPid().getAsInt());
        assertNotNull(next(events, "refresh"), "no refresh after the listening connection came back");
        HandoffRecord second = handOff(a);
        Arrival later = next(events, "created");
        assertNotNull(later, "a change after the reconnect did not arrive");
        assertEquals(second.id(), later.handoffId());
    }

    @Test
    void aLoginOnOneInstanceIsGoodOnTheOtherAndALogoutThereEndsItHereToo() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        HandoffConsole consoleA = console(instance(location));
        HandoffConsole consoleB = console(instance(location));
        String a = "http://127.0.0.1:" + consoleA.port();
        String b = "http://127.0.0.1:" + consoleB.port();

        ConsoleClient onA = ConsoleClient.logIn(a, "admin", PASSWORD);
        ConsoleClient onB = onA.on(b);

        assertEquals("admin", onB.get("/api/me").get("username").asText());
        onB.post("/api/logout", java.util.Map.of());
        assertEquals(401, onA.status("/api/me"));
    }

    @Test
    void aSetupLinkMadeOnOneInstanceWorksOnceOnTheOther() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        HandoffConsole consoleA = console(instance(location));
        HandoffConsole consoleB = console(instance(location));
        ConsoleClient manager = ConsoleClient.logIn("http://127.0.0.1:" + consoleA.port(), "admin", PASSWORD);
        String link = manager.post("/api/accounts", java.util.Map.of("username", "sam", "role", "agent"))
                .get("setupUrl").asText();
        String token = link.substring(link.indexOf("token=") + "token=".length());
        ConsoleClient stranger = ConsoleClient.anonymous("http://127.0.0.1:" + consoleB.port());

        assertEquals("sam", stranger.get("/api/setup?token=" + token).get("username").asText());
        stranger.setUp(token, "violet kettle northern quarry 42");
        assertEquals(404, stranger.status("/api/setup?token=" + token), "a used link works again");
    }

    /**
     * How long a handoff stored through instance A takes to reach instance B's console stream: prints the
     * median and more over 100 handoffs. Run with {@code BATON_TEST_POSTGRES_URL=… mvn -B -q -o -pl bot -am test
     * -Dbaton.excludedGroups= -Dtest=TwoBatonsOnePostgresTest -Dsurefire.failIfNoSpecifiedTests=false}.
     */
    @Test
    @Tag("benchmark")
    void howLongAChangeTakesToReachTheOtherInstancesConsole() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Wiring.Parts a = instance(location);
        Wiring.Parts b = instance(location);
        HandoffConsole console = console(b);
        awaitListening(b);
        BlockingQueue<Arrival> events = ConsoleClient.logIn("http://127.0.0.1:" + console.port(), "admin", PASSWORD)
                .events();
        int warmUp = 20;
        int measured = 100;
        List<Double> fromStart = new ArrayList<>();
        List<Double> fromCommit = new ArrayList<>();
        for (int i = 0; i < warmUp + measured; i++) {
            long start = System.nanoTime();
            HandoffRecord handoff = handOff(a);
            long committed = System.nanoTime();
            Arrival arrival = next(events, "created");
            assertNotNull(arrival, "handoff " + handoff.id() + " never arrived");
            assertEquals(handoff.id(), arrival.handoffId());
            if (i >= warmUp) {
                fromStart.add((arrival.nanos() - start) / 1e6);
                fromCommit.add((arrival.nanos() - committed) / 1e6);
            }
        }
        System.out.printf("%nhandoff stored through instance A → created event on instance B's /api/events,"
                + " %d handoffs after %d warm-up (ms)%n", measured, warmUp);
        System.out.printf("  %-40s p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f%n", "from the store call on A",
                pct(fromStart, 50), pct(fromStart, 90), pct(fromStart, 99), pct(fromStart, 100));
        System.out.printf("  %-40s p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f%n", "from its commit (the call's return)",
                pct(fromCommit, 50), pct(fromCommit, 90), pct(fromCommit, 99), pct(fromCommit, 100));
    }

    private static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
