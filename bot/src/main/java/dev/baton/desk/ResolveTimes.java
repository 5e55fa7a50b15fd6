package dev.baton.desk;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HumanPhase;
import dev.baton.metrics.BatonMetrics;
import java.util.List;

/**
 * Observes the time to a person's first reply and to resolve when a handoff is first resolved. A reopened
 * handoff resolved again is not observed twice, and practice from the playground is never observed.
 */
public final class ResolveTimes implements WhenResolved {

    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final BatonMetrics metrics;

    public ResolveTimes(ConversationStore conversations, HandoffStore handoffs, BatonMetrics metrics) {
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.metrics = metrics;
    }

    @Override
    public void resolved(HandoffRecord resolved, String actorId) {
        boolean practice = conversations.conversation(resolved.conversationId()).map(ConversationRecord::practice)
                .orElse(true);
        List<HandoffEvent> events = handoffs.events(resolved.id());
        if (practice || events.stream().filter(e -> e.kind().equals("resolved")).count() != 1) {
            return;
        }
        HumanPhase phase = HumanPhase.of(resolved, events, conversations.transcript(resolved.conversationId()));
        phase.toResolve().ifPresent(toResolve -> metrics.handoffTimes(phase.toFirstHumanReply().orElse(null),
                toResolve));
    }
}
