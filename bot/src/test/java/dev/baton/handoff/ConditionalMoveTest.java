package dev.baton.handoff;

import dev.baton.store.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.PlaceKind;
import dev.baton.handoff.HandoffStore.Move;
import dev.baton.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** {@link HandoffStore#moveIf}: Baton's own moves never override what a person did meanwhile. */
@Tag("database")
class ConditionalMoveTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private final Database database = TestDatabases.fresh();
    private final ConversationStore conversations = new ConversationStore(database);
    private final List<Long> changed = new ArrayList<>();
    private final HandoffStore handoffs = new HandoffStore(database, new HandoffStore.Listener() {
        @Override
        public void created(long handoffId) {
        }

        @Override
        public void changed(long handoffId) {
            changed.add(handoffId);
        }
    });

    @AfterEach
    void close() {
        database.close();
    }

    private HandoffRecord aWaitingHandoff() {
        conversations.rememberCustomer(new Incoming.Person("ann", "Ann", List.of(), null), T0);
        ConversationRecord c = conversations.start("ann", PlaceKind.DM, "dm", null, T0);
        return handoffs.create(new HandoffPacket(c.id(), "anger", List.of("anger"), "wants: a refund",
                new HandoffPacket.Profile("ann", "Ann", List.of(), null, T0, List.of()), List.of(), List.of(),
                List.of(), List.of(), new HandoffPacket.Assignment("alex", "Alex", "billing", "on shift", true, T0,
                        "default", "normal", false), T0), T0);
    }

    private static Move rerouteToSam() {
        return new Move(HandoffState.TRANSFERRED, HandoffEvent.BATON, "rerouted", "to sam: late", "sam", null, null);
    }

    @Test
    void aMoveWhoseConditionStillHoldsIsMadeWithItsEvent() {
        HandoffRecord handoff = aWaitingHandoff();

        Optional<HandoffRecord> moved = handoffs.moveIf(handoff.id(), h -> h.state() == HandoffState.WAITING,
                rerouteToSam(), T0.plusSeconds(60));

        assertEquals("sam", moved.orElseThrow().assigneeId());
        assertEquals(List.of("created", "rerouted"), handoffs.events(handoff.id()).stream().map(HandoffEvent::kind)
                .toList());
        assertEquals(List.of(handoff.id()), changed);
    }

    @Test
    void aMoveOvertakenByAClaimWritesNothingAndTellsNobody() {
        HandoffRecord handoff = aWaitingHandoff();
        new HandoffLifecycle(handoffs, java.time.Clock.fixed(T0.plusSeconds(30),
                java.time.ZoneOffset.UTC)).claim(handoff.id(), "alex");
        changed.clear();

        Optional<HandoffRecord> moved = handoffs.moveIf(handoff.id(), h -> h.state() == HandoffState.WAITING,
                rerouteToSam(), T0.plusSeconds(60));

        assertTrue(moved.isEmpty());
        HandoffRecord now = handoffs.handoff(handoff.id()).orElseThrow();
        assertEquals(HandoffState.CLAIMED, now.state());
        assertEquals("alex", now.assigneeId());
        assertEquals(List.of("created", "claimed"), handoffs.events(handoff.id()).stream().map(HandoffEvent::kind)
                .toList());
        assertTrue(changed.isEmpty());
    }
}
