package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aftercare.AfterCareNotices;
import dev.baton.cluster.ShardRange;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.PlaceKind;
import dev.baton.desk.StaffReplies;
import dev.baton.fanout.Backoff;
import dev.baton.fanout.PostgresWire;
import dev.baton.metrics.BatonMetrics;
import dev.baton.pickup.PickupNotices;
import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A Baton that holds no shard (a standby) asked to post while no other Baton holds the shard either (a takeover
 * under way): it asks through the relay, gets no answer, and says so truthfully. Skipped without PostgreSQL.
 */
class UnheldShardTest {

    private static final ConversationRecord CONVERSATION = new ConversationRecord(7, "900000000000000001",
            PlaceKind.CHANNEL, "800000000000000001", "700000000000000001", ConversationState.HANDED_OFF,
            Instant.parse("2026-12-06T10:00:00Z"), Instant.parse("2026-12-06T10:05:00Z"));
    private static final String NOBODY = "no Baton holds this server's shard right now (a takeover is under way?)";

    @Test
    void withNoBatonHoldingTheShardAReplyIsOnlyStoredAndNoticesAreNotPostedAndEachSaysWhy() throws Exception {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        try (Database database = Database.open(location);
             ShardedDiscord standby = ShardedDiscord.prepare(new DiscordEndpoints("fake-token", "http://127.0.0.1:9",
                     "ws://127.0.0.1:9"), new DiscordSettings("1", Set.of("800000000000000001"), null, false,
                     Duration.ofMinutes(30), Duration.ofSeconds(60)), null, null, BatonMetrics.standalone(),
                     Clock.systemUTC(), ShardRange.parse("0/1"))) {
            Relay relay = new Relay(new PostgresWire(database, PostgresWire.RELAY, Backoff.DEFAULT), "standby",
                    Clock.systemUTC(), Duration.ofMillis(500));
            standby.relayThrough(relay);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!relay.listening() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            long started = System.nanoTime();
            StaffReplies.Delivery reply = standby.staffReplies().send(CONVERSATION,
                    RelayedPosts.person(new RelayCodec.Request("-", "-", RelayCodec.Kind.STAFF_REPLY, 7, "alex", "Alex",
                            "100000000000000001", "hi", null, null, 0)), "hi");
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            PickupNotices.Posted escalated = standby.pickupNotices().escalate(CONVERSATION, "600000000000000001",
                    "More help is coming.", "<@&600000000000000001> please look");
            AfterCareNotices.Posted asked = standby.afterCareNotices().ask(CONVERSATION, 3, "Did that help?");

            assertFalse(reply.delivered());
            assertEquals("none", reply.via());
            assertEquals(NOBODY + ", so the reply was only stored.", reply.detail());
            assertTrue(tookMillis < 3_000, "gave up after " + tookMillis + " ms");
            assertEquals(PickupNotices.Posted.failed("not posted: " + NOBODY), escalated);
            assertEquals(AfterCareNotices.Posted.failed("not posted: " + NOBODY), asked);
        }
    }
}
