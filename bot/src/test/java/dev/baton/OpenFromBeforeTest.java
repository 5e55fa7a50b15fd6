package dev.baton;

import dev.baton.store.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.PlaceKind;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffStore;
import dev.baton.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The start-up line about handoffs left open counts real ones; the playground's practice ones are said apart. */
@Tag("database")
class OpenFromBeforeTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private final Database database = TestDatabases.fresh();
    private final ConversationStore conversations = new ConversationStore(database);
    private final HandoffStore handoffs = new HandoffStore(database);
    private int customers;

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void practiceHandoffsAreNotCountedAsOpenFromBefore() {
        handoff(false);
        handoff(false);
        handoff(true);

        assertEquals(Optional.of("2 handoffs are open from before; Baton stays quiet in their conversations"
                + " (and 1 practice handoff from the playground is open)"), Baton.openFromBefore(handoffs));
    }

    @Test
    void onlyPracticeHandoffsOpenSaysSoWithoutClaimingRealOnes() {
        handoff(true);
        handoff(true);

        assertEquals(Optional.of("no handoffs are open from before (2 practice handoffs from the playground are open)"),
                Baton.openFromBefore(handoffs));
    }

    @Test
    void oneRealHandoffIsSaidInTheSingular() {
        handoff(false);

        assertEquals(Optional.of("1 handoff is open from before; Baton stays quiet in its conversation"),
                Baton.openFromBefore(handoffs));
    }

    @Test
    void nothingOpenSaysNothing() {
        assertEquals(Optional.empty(), Baton.openFromBefore(handoffs));
    }

    private void handoff(boolean practice) {
        customers++;
        ConversationRecord c;
        if (practice) {
            String id = ConversationStore.PRACTICE_PREFIX + customers;
            conversations.rememberCustomer(new Incoming.Person(id, "Practice customer", List.of(), null), T0);
            c = conversations.startPractice(id, id, T0);
        } else {
            String id = "ann" + customers;
            conversations.rememberCustomer(new Incoming.Person(id, "Ann", List.of(), null), T0);
            c = conversations.start(id, PlaceKind.DM, "dm" + customers, null, T0);
        }
        handoffs.create(new HandoffPacket(c.id(), "anger", List.of("anger"), "wants: a refund",
                new HandoffPacket.Profile(c.customerId(), "Ann", List.of(), null, T0, List.of()), List.of(), List.of(),
                List.of(), List.of(), new HandoffPacket.Assignment("alex", "Alex", "billing", "on shift", true, T0,
                        "default", "normal", false), T0), T0);
    }
}
