package dev.baton.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.StoredMessage;
import dev.baton.rules.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HumanPhaseTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final HandoffRecord HANDOFF = new HandoffRecord(7, 3, HandoffState.RESOLVED, "anger", "alex",
            Outcome.SOLVED, T0, T0.plusSeconds(3600), "default", Priority.NORMAL, false, T0);

    @Test
    void aPersonPicksUpWhenTheyClaimAndFirstRepliesWhenTheyFirstWrite() {
        List<HandoffEvent> events = List.of(event("created", 0), event("claimed", 120), event("resolved", 900));
        List<StoredMessage> transcript = List.of(message(AuthorKind.CUSTOMER, -60), message(AuthorKind.BOT, -1),
                message(AuthorKind.CUSTOMER, 60), message(AuthorKind.STAFF, 300), message(AuthorKind.CUSTOMER, 400));

        HumanPhase phase = HumanPhase.of(HANDOFF, events, transcript);

        assertEquals(Optional.of(Duration.ofSeconds(300)), phase.toFirstHumanReply());
        assertEquals(Optional.of(Duration.ofSeconds(900)), phase.toResolve());
        assertEquals(3, phase.firstIndexAfterPickup(transcript));
    }

    @Test
    void aPersonWritingBeforeClaimingHasPickedUpAllTheSame() {
        List<HandoffEvent> events = List.of(event("created", 0), event("claimed", 500));
        List<StoredMessage> transcript = List.of(message(AuthorKind.CUSTOMER, -60), message(AuthorKind.STAFF, 200));

        HumanPhase phase = HumanPhase.of(HANDOFF, events, transcript);

        assertEquals(Optional.of(T0.plusSeconds(200)), phase.pickedUp());
        assertEquals(1, phase.firstIndexAfterPickup(transcript));
    }

    @Test
    void aStaffMessageFromAnEarlierHandoffIsNotThisOnesFirstReply() {
        List<StoredMessage> transcript = List.of(message(AuthorKind.STAFF, -600), message(AuthorKind.CUSTOMER, -60));

        HumanPhase phase = HumanPhase.of(HANDOFF, List.of(event("created", 0)), transcript);

        assertEquals(Optional.empty(), phase.toFirstHumanReply());
        assertEquals(transcript.size(), phase.firstIndexAfterPickup(transcript));
    }

    @Test
    void theFirstResolveCountsWhenAHandoffWasReopenedAndResolvedAgain() {
        List<HandoffEvent> events = List.of(event("created", 0), event("resolved", 100), event("reopened", 200),
                event("resolved", 300));

        assertEquals(Optional.of(Duration.ofSeconds(100)), HumanPhase.of(HANDOFF, events, List.of()).toResolve());
    }

    private static HandoffEvent event(String kind, long secondsAfter) {
        return new HandoffEvent(secondsAfter, HANDOFF.id(), T0.plusSeconds(secondsAfter), "alex", kind, null, null, "");
    }

    private static StoredMessage message(AuthorKind kind, long secondsAfter) {
        return new StoredMessage(secondsAfter + 1000, null, HANDOFF.conversationId(), "c", "u", "n", kind, "text",
                List.of(), null, null, T0.plusSeconds(secondsAfter), null, null);
    }
}
