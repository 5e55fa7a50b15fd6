package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aftercare.AfterCareNotices;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.PlaceKind;
import dev.baton.desk.StaffReplies;
import dev.baton.discord.RelayCodec.Kind;
import dev.baton.discord.RelayCodec.Request;
import dev.baton.fanout.Backoff;
import dev.baton.fanout.PostgresWire;
import dev.baton.pickup.PickupNotices;
import dev.baton.routing.Person;
import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two Batons' relays on one PostgreSQL schema: B holds the conversation's shard, A does not (skipped without a server). */
class RelayTest {

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), Duration.ofMillis(400));
    private static final ConversationRecord CONVERSATION = new ConversationRecord(42, "900000000000000001",
            PlaceKind.CHANNEL, "800000000000000001", "700000000000000001", ConversationState.HANDED_OFF,
            Instant.parse("2026-12-06T10:00:00Z"), Instant.parse("2026-12-06T10:05:00Z"));
    private static final StaffReplies.Delivery POSTED = new StaffReplies.Delivery(true, "webhook",
            "1300000000000000001", "700000000000000001", "Thanks, that is fixed now.", "posted as Alex by webhook");

    private final List<AutoCloseable> opened = new ArrayList<>();
    /** What B's staff poster was asked to post: (person name, text). */
    private final List<String> postedByB = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private PostgresWire wire(DatabaseLocation location) {
        return open(new PostgresWire(open(Database.open(location)), PostgresWire.RELAY, QUICK));
    }

    private Relay relay(DatabaseLocation location, String instance, Duration wait, Relay.Holder holder)
            throws InterruptedException {
        Relay relay = open(new Relay(wire(location), instance, Clock.systemUTC(), wait));
        relay.serve(holder);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!relay.listening() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(relay.listening(), instance + " never listened");
        return relay;
    }

    /** B: holds conversation 42's shard and posts it through posters that record what they were asked. */
    private Relay.Holder holding() {
        StaffReplies staff = (conversation, from, text) -> {
            postedByB.add(from.name() + ": " + text);
            return POSTED;
        };
        return request -> request.conversationId() == CONVERSATION.id()
                ? Optional.of(RelayedPosts.post(request, CONVERSATION, staff, PickupNotices.NOT_CONNECTED,
                        AfterCareNotices.NOT_CONNECTED))
                : Optional.empty();
    }

    private static Relay.Holder notHolding() {
        return request -> Optional.empty();
    }

    private static Request staffReply(String text) {
        return new Request("-", "-", Kind.STAFF_REPLY, CONVERSATION.id(), "alex", "Alex", "100000000000000001", text,
                null, null, 0);
    }

    @Test
    void aStaffReplyOnTheInstanceWithoutTheShardIsPostedOnceByTheHolderAndItsDeliveryComesBack() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Relay a = relay(location, "a", Duration.ofSeconds(5), notHolding());
        relay(location, "b", Duration.ofSeconds(5), holding());

        Relay.Outcome outcome = a.ask(staffReply("Thanks, that is fixed now."));

        assertTrue(outcome.answered(), outcome.unanswered());
        assertEquals(POSTED, outcome.answer().delivery());
        Thread.sleep(300); // a second post would come within this
        assertEquals(List.of("Alex: Thanks, that is fixed now."), postedByB);
    }

    @Test
    void withNoInstanceHoldingTheShardTheAskerGivesUpInTimeAndSaysSoTruthfully() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Relay a = relay(location, "a", Duration.ofMillis(700), notHolding());
        relay(location, "b", Duration.ofMillis(700), notHolding());

        long started = System.nanoTime();
        Relay.Outcome outcome = a.ask(staffReply("anyone?"));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertFalse(outcome.answered());
        assertEquals("no Baton holds this server's shard right now (a takeover is under way?)", outcome.unanswered());
        assertTrue(tookMillis >= 600 && tookMillis < 3000, "gave up after " + tookMillis + " ms");
    }

    @Test
    void aRequestDeliveredTwiceIsPostedOnce() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        relay(location, "b", Duration.ofSeconds(5), holding());
        PostgresWire other = wire(location);
        String payload = RelayCodec.encode(new Request("dup-1", "a", Kind.STAFF_REPLY, CONVERSATION.id(), "alex",
                "Alex", "100000000000000001", "once", null, null, 0));

        other.send(payload);
        other.send(payload);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (postedByB.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(500);
        assertEquals(List.of("Alex: once"), postedByB);
    }

    @Test
    void aRequestTooLongForOneNoticeIsRefusedWithoutAsking() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Relay a = relay(location, "a", Duration.ofSeconds(5), notHolding());
        relay(location, "b", Duration.ofSeconds(5), holding());

        Relay.Outcome outcome = a.ask(staffReply("語".repeat(3000)));

        assertFalse(outcome.answered());
        assertTrue(outcome.unanswered().startsWith("it is too long to hand to the Baton holding this server's shard"),
                outcome.unanswered());
        Thread.sleep(300);
        assertTrue(postedByB.isEmpty());
    }

    /**
     * The relay's own round trip (request, holder's fake post, answer) on this PostgreSQL: prints the median and
     * 95th percentile of 200. Run with {@code BATON_TEST_POSTGRES_URL=… mvn -B -q -o -pl bot -am test
     * -Dbaton.excludedGroups= -Dtest=RelayTest -Dsurefire.failIfNoSpecifiedTests=false}.
     */
    @Test
    @Tag("benchmark")
    void howLongARelayedPostTakesBesidesThePostItself() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        Relay a = relay(location, "a", Duration.ofSeconds(5), notHolding());
        relay(location, "b", Duration.ofSeconds(5), holding());
        for (int i = 0; i < 20; i++) {
            assertTrue(a.ask(staffReply("warm-up " + i)).answered());
        }
        int runs = 200;
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            assertTrue(a.ask(staffReply("run " + i)).answered());
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        java.util.Arrays.sort(micros);
        System.out.printf(java.util.Locale.ROOT, "relay round trip over %d: median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                runs, micros[runs / 2] / 1e3, micros[runs * 95 / 100] / 1e3, micros[runs - 1] / 1e3);
    }

    @Test
    void theRelayedPersonCarriesWhatPostingReads() {
        Person person = RelayedPosts.person(staffReply("x"));
        assertEquals("alex", person.id());
        assertEquals("Alex", person.name());
        assertEquals("100000000000000001", person.discordUserId());
        assertNull(person.team());
    }
}
