package dev.baton.handoff;

import dev.baton.store.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.PlaceKind;
import dev.baton.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("database")
class HandoffStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private final Database database = TestDatabases.fresh();
    private final ConversationStore conversations = new ConversationStore(database);
    private final HandoffStore handoffs = new HandoffStore(database);
    private final HandoffLifecycle lifecycle = new HandoffLifecycle(handoffs,
            Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));

    @AfterEach
    void close() {
        database.close();
    }

    private HandoffRecord aWaitingHandoff() {
        conversations.rememberCustomer(new Incoming.Person("ann", "Ann", List.of(), null), T0);
        ConversationRecord c = conversations.start("ann", PlaceKind.DM, "dm", null, T0);
        return handoffs.create(packetWith(c.id()), T0);
    }

    private static HandoffPacket packetWith(long conversationId) {
        HandoffPacket packet = new HandoffPacket(conversationId, "anger", List.of("anger"), "wants: a refund",
                new HandoffPacket.Profile("ann", "Ann", List.of(), null, T0, List.of()), List.of(), List.of(),
                List.of(), List.of(new HandoffPacket.CueEvidence("anger", 0.9, true, 0, "this is ridiculous")),
                new HandoffPacket.Assignment("alex", "Alex", "billing", "billing topic; on shift", true, T0, "default", "normal", false), T0);
        return packet;
    }

    @Test
    void aConversationWithAnOpenHandoffCannotGetASecondOneSoNobodyIsPagedTwice() {
        HandoffRecord first = aWaitingHandoff();

        HandoffStore.AlreadyOpen refused = assertThrows(HandoffStore.AlreadyOpen.class,
                () -> handoffs.create(packetWith(first.conversationId()), T0.plusSeconds(5)));

        assertEquals(first.id(), refused.openId());
        assertEquals(1, handoffs.forConversation(first.conversationId()).size(), "nothing of the second was written");
    }

    @Test
    void aConversationWhoseHandoffWasResolvedCanBeHandedOffAgain() {
        HandoffRecord first = aWaitingHandoff();
        lifecycle.resolve(first.id(), "alex", Outcome.SOLVED, null);

        HandoffRecord second = handoffs.create(packetWith(first.conversationId()), T0.plusSeconds(120));

        assertEquals(HandoffState.WAITING, second.state());
        assertEquals(2, handoffs.forConversation(first.conversationId()).size());
    }

    @Test
    void aNewHandoffIsWaitingWithACreatedEventNamingThePersonAndWhy() {
        HandoffRecord h = aWaitingHandoff();
        assertEquals(HandoffState.WAITING, h.state());
        HandoffEvent created = handoffs.events(h.id()).get(0);
        assertEquals("created", created.kind());
        assertEquals(HandoffState.WAITING, created.to());
        assertTrue(created.detail().contains("Alex") && created.detail().contains("billing topic"), created.detail());
    }

    private ConversationState conversationOf(HandoffRecord handoff) {
        return conversations.conversation(handoff.conversationId()).orElseThrow().state();
    }

    @Test
    void creatingAHandoffQuietensItsConversationInTheSameWrite() {
        HandoffRecord h = aWaitingHandoff();
        assertEquals(ConversationState.HANDED_OFF, conversationOf(h));
    }

    @Test
    void resolvingClosesTheConversationAndReopeningQuietensItAgain() {
        HandoffRecord h = aWaitingHandoff();
        lifecycle.resolve(h.id(), "alex", Outcome.SOLVED, null);
        assertEquals(ConversationState.CLOSED, conversationOf(h));
        lifecycle.reopen(h.id(), "alex", "customer wrote back");
        assertEquals(ConversationState.HANDED_OFF, conversationOf(h));
    }

    @Test
    void aRefusedMoveChangesNeitherTheHandoffNorItsConversation() {
        HandoffRecord h = aWaitingHandoff();
        lifecycle.resolve(h.id(), "alex", Outcome.SOLVED, null);
        assertThrows(IllegalStateException.class, () -> lifecycle.resolve(h.id(), "alex", Outcome.SOLVED, null));
        assertEquals(ConversationState.CLOSED, conversationOf(h));
        assertEquals(HandoffState.RESOLVED, handoffs.handoff(h.id()).orElseThrow().state());
    }

    @Test
    void aQueueListingCarriesThePacketsReasonsAndSummaryAndTheCustomersCurrentName() {
        HandoffRecord h = aWaitingHandoff();
        conversations.rememberCustomer(new Incoming.Person("ann", "Ann B.", List.of(), null), T0.plusSeconds(60));
        HandoffStore.Listed listed = handoffs.listOpen().get(0);
        assertEquals(h, listed.handoff());
        assertEquals(List.of("anger"), listed.reasons());
        assertEquals("wants: a refund", listed.summary());
        assertEquals("Ann B.", listed.customerName());
        assertEquals(false, listed.practice());
        assertTrue(handoffs.listRecentlyResolved(5).isEmpty());
        lifecycle.resolve(h.id(), "alex", Outcome.SOLVED, null);
        assertTrue(handoffs.listOpen().isEmpty());
        assertEquals(h.id(), handoffs.listRecentlyResolved(5).get(0).handoff().id());
    }

    @Test
    void thePacketSurvivesTheRoundTripThroughTheDatabase() {
        HandoffRecord h = aWaitingHandoff();
        HandoffPacket packet = handoffs.packet(h.id()).orElseThrow();
        assertEquals("this is ridiculous", packet.cues().get(0).evidence());
        assertEquals(T0, packet.createdAt());
    }

    @Test
    void everyLifecycleStepIsAnEventRowWithWhoAndWhen() {
        HandoffRecord h = aWaitingHandoff();
        lifecycle.claim(h.id(), "alex");
        lifecycle.transfer(h.id(), "alex", "sam", "Sam knows refunds");
        lifecycle.claim(h.id(), "sam");
        lifecycle.resolve(h.id(), "sam", Outcome.SOLVED, "refunded");
        List<HandoffEvent> events = handoffs.events(h.id());
        assertEquals(List.of("created", "claimed", "transferred", "claimed", "resolved"),
                events.stream().map(HandoffEvent::kind).toList());
        assertEquals("sam", events.get(4).actor());
        assertEquals(T0.plusSeconds(60), events.get(4).at());
        HandoffRecord resolved = handoffs.handoff(h.id()).orElseThrow();
        assertEquals(Outcome.SOLVED, resolved.outcome());
        assertEquals("sam", resolved.assigneeId());
        assertEquals(ConversationState.CLOSED, conversations.conversation(h.conversationId()).orElseThrow().state());
    }

    @Test
    void aResolvedHandoffCanBeReopenedAndItsConversationGoesQuietAgain() {
        HandoffRecord h = aWaitingHandoff();
        lifecycle.resolve(h.id(), "alex", Outcome.NO_RESPONSE, null);
        lifecycle.reopen(h.id(), "alex", "customer came back");
        assertEquals(HandoffState.WAITING, handoffs.handoff(h.id()).orElseThrow().state());
        assertEquals(ConversationState.HANDED_OFF, conversations.conversation(h.conversationId()).orElseThrow().state());
    }

    @Test
    void aMoveTheStateDoesNotAllowIsRefusedAndLeavesNoEvent() {
        HandoffRecord h = aWaitingHandoff();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> lifecycle.reopen(h.id(), "alex", ""));
        assertTrue(e.getMessage().contains("waiting"), e.getMessage());
        assertEquals(1, handoffs.events(h.id()).size());
    }

    @Test
    void openCountsAndLastRoutedTimesFeedTheRouter() {
        aWaitingHandoff();
        assertEquals(1, handoffs.openCounts().get("alex"));
        assertEquals(T0, handoffs.lastRoutedAt(List.of("alex", "sam")).get("alex"));
        assertFalse(handoffs.lastRoutedAt(List.of("alex", "sam")).containsKey("sam"), "never routed to");
    }

    @Test
    void practiceHandoffsNeitherCountAsOpenNorAsSomeonesLastTurn() {
        aWaitingHandoff(); // alex's, at T0
        conversations.rememberCustomer(new Incoming.Person("practice:alex", "Practice customer", List.of(), null), T0);
        ConversationRecord practice = conversations.startPractice("practice:alex", "practice:1", T0.plusSeconds(60));
        handoffs.create(packetWith(practice.id()), T0.plusSeconds(60));

        assertEquals(1, handoffs.openCounts().get("alex"), "the practice handoff is not alex's work");
        assertEquals(T0, handoffs.lastRoutedAt(List.of("alex")).get("alex"), "nor alex's last turn");
        assertEquals(1, handoffs.openByState().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void resolvedHandoffsAreNotOpenButStillTheirPersonsLastTurn() {
        HandoffRecord h = aWaitingHandoff();
        lifecycle.resolve(h.id(), "alex", Outcome.SOLVED, null);

        assertTrue(handoffs.open().isEmpty());
        assertTrue(handoffs.openCounts().isEmpty());
        assertTrue(handoffs.openFor(h.conversationId()).isEmpty());
        assertEquals(T0, handoffs.lastRoutedAt(List.of("alex")).get("alex"));
    }
}
