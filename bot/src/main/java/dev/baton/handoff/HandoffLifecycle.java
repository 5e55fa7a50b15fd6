package dev.baton.handoff;

import dev.baton.conversation.ConversationState;
import dev.baton.handoff.HandoffStore.Move;
import java.time.Clock;

/**
 * The moves people make with a handoff: claim, transfer, resolve, reopen. Each is one state change with
 * its event row; resolving lets Baton speak in the conversation again and reopening silences it, in the
 * same transaction as the handoff's own change.
 */
public final class HandoffLifecycle {

    private final HandoffStore handoffs;
    private final Clock clock;

    public HandoffLifecycle(HandoffStore handoffs, Clock clock) {
        this.handoffs = handoffs;
        this.clock = clock;
    }

    public HandoffRecord claim(long id, String personId) {
        return handoffs.move(id, new Move(HandoffState.CLAIMED, personId, "claimed", "claimed by " + personId,
                personId, null, null), clock.instant());
    }

    /**
     * A person takes a handoff someone else claimed: it stays claimed, now by them, with a
     * {@code taken_over} event naming the previous claimant.
     */
    public HandoffRecord takeOver(long id, String personId, String previousId) {
        return handoffs.move(id, new Move(HandoffState.CLAIMED, personId, HandoffStore.TAKEN_OVER,
                "from " + previousId, personId, null, null), clock.instant());
    }

    public HandoffRecord transfer(long id, String actor, String toPersonId, String note) {
        String detail = "to " + toPersonId + (note == null || note.isBlank() ? "" : ": " + note.strip());
        return handoffs.move(id, new Move(HandoffState.TRANSFERRED, actor, "transferred", detail, toPersonId, null,
                null), clock.instant());
    }

    public HandoffRecord resolve(long id, String actor, Outcome outcome, String note) {
        String detail = outcome.wireName() + (note == null || note.isBlank() ? "" : ": " + note.strip());
        return handoffs.move(id, new Move(HandoffState.RESOLVED, actor, "resolved", detail, null, outcome,
                ConversationState.CLOSED), clock.instant());
    }

    public HandoffRecord reopen(long id, String actor, String note) {
        return handoffs.move(id, new Move(HandoffState.WAITING, actor, "reopened", note == null ? "" : note.strip(),
                null, null, ConversationState.HANDED_OFF), clock.instant());
    }
}
