package dev.baton.repeats;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.StoredMessage;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HumanPhase;
import dev.baton.metrics.BatonMetrics;
import dev.baton.repeats.RepeatCheckStore.Found;
import dev.baton.triage.Author;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks a resolved handoff for a repeat and keeps what was found: reads its conversation as it stood at
 * the resolve, splits it where a person picked it up ({@link HumanPhase}), asks the {@link RepeatDetector},
 * and stores the finding with its two stored messages ({@link RepeatCheckStore}).
 *
 * <p>Not checked, so never counted either way: practice from the playground, a handoff nobody picked up or
 * wrote in after pickup (there was no human conversation in which to repeat anything), and one where the
 * customer had said nothing before pickup.
 */
public final class RepeatCheck {

    private final RepeatDetector detector;
    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final RepeatCheckStore store;
    private final BatonMetrics metrics;
    private final Clock clock;

    public RepeatCheck(RepeatDetector detector, ConversationStore conversations, HandoffStore handoffs,
                       RepeatCheckStore store, BatonMetrics metrics, Clock clock) {
        this.detector = detector;
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Checks {@code resolved}; empty when it is not one to check (see the class comment). */
    public Optional<RepeatCheckStore.Checked> check(HandoffRecord resolved) {
        Optional<ConversationRecord> conversation = conversations.conversation(resolved.conversationId());
        if (conversation.isEmpty() || conversation.get().practice()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // What the engine reads (customer, Baton, staff) as it stood at the resolve; others in the thread are not part of it.
        List<StoredMessage> transcript = conversations.transcript(resolved.conversationId()).stream()
                .filter(m -> m.authorKind().asTriageAuthor().isPresent() && !m.createdAt().isAfter(now))
                .toList();
        int pickedUpAt = HumanPhase.of(resolved, handoffs.events(resolved.id()), transcript)
                .firstIndexAfterPickup(transcript);
        boolean customerSpokeBefore = transcript.subList(0, pickedUpAt).stream()
                .anyMatch(m -> m.authorKind().asTriageAuthor().orElseThrow() == Author.CUSTOMER);
        if (pickedUpAt >= transcript.size() || !customerSpokeBefore) {
            return Optional.empty();
        }
        List<Turn> turns = transcript.stream()
                .map(m -> new Turn(m.authorKind().asTriageAuthor().orElseThrow(), m.text())).toList();
        RepeatFinding finding = detector.find(turns, pickedUpAt);
        Optional<Found> found = finding.repeat()
                ? Optional.of(new Found(finding.kind(), transcript.get(finding.message()).id(),
                        transcript.get(finding.earlier()).id(), finding.score()))
                : Optional.empty();
        boolean counted = store.forHandoff(resolved.id()).flatMap(RepeatCheckStore.Checked::found).isPresent();
        store.record(resolved.id(), found, now);
        if (found.isPresent() && !counted) {
            metrics.repeatFound(found.get().kind().wireName());
        }
        return store.forHandoff(resolved.id());
    }
}
