package dev.baton.handoff;

import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.handoff.HandoffStore.Move;
import java.time.Clock;

/**
 * What people do with a handoff: claim, transfer, resolve, reopen. Each is one state change with
 * its event row; resolving lets Baton speak in the conversation again, reopening silences it.
 */
public final class HandoffLifecycle {

    private final HandoffStore handoffs;
    private final ConversationStore conversations;
    private final Clock clock;

    public HandoffLifecycle(HandoffStore handoffs, ConversationStore conversations, Clock clock) {
        this.handoffs = handoffs;
        this.conversations = conversations;
        this.clock = clock;
    }

    public HandoffRecord claim(long id, String personId) {
        return handoffs.move(id, new Move(HandoffState.CLAIMED, personId, "claimed", "claimed by " + personId,
                personId, null), clock.instant());
    }

    public HandoffRecord transfer(long id, String actor, String toPersonId, String note) {
        String detail = "to " + toPersonId + (note == null || note.isBlank() ? "" : ": " + note.strip());
        return handoffs.move(id, new Move(HandoffState.TRANSFERRED, actor, "transferred", detail, toPersonId, null),
                clock.instant());
    }

    public HandoffRecord resolve(long id, String actor, Outcome outcome, String note) {
        String detail = outcome.wireName() + (note == null || note.isBlank() ? "" : ": " + note.strip());
        HandoffRecord resolved = handoffs.move(id, new Move(HandoffState.RESOLVED, actor, "resolved", detail, null,
                outcome), clock.instant());
        conversations.setState(resolved.conversationId(), ConversationState.CLOSED);
        return resolved;
    }

    public HandoffRecord reopen(long id, String actor, String note) {
        HandoffRecord reopened = handoffs.move(id, new Move(HandoffState.WAITING, actor, "reopened",
                note == null ? "" : note.strip(), null, null), clock.instant());
        conversations.setState(reopened.conversationId(), ConversationState.HANDED_OFF);
        return reopened;
    }
}
