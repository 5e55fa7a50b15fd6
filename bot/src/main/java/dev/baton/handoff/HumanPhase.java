package dev.baton.handoff;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When the people took over a handoff, read from its events and its conversation's messages: the figures
 * behind "time to first human reply", "time to resolve" and the point after which a repeat counts.
 *
 * @param pickedUp        the first claim, or the first message from staff if that came sooner (a person
 *                        answering in the thread without claiming has picked it up all the same)
 * @param firstHumanReply the first message from staff after the handoff was made
 * @param resolved        the first time it was resolved (a reopen and a second resolve do not move it)
 */
public record HumanPhase(Instant created, Optional<Instant> pickedUp, Optional<Instant> firstHumanReply,
                         Optional<Instant> resolved) {

    public static HumanPhase of(HandoffRecord handoff, List<HandoffEvent> events, List<StoredMessage> transcript) {
        Instant created = handoff.createdAt();
        Optional<Instant> firstReply = transcript.stream()
                .filter(m -> m.authorKind() == AuthorKind.STAFF && !m.createdAt().isBefore(created))
                .map(StoredMessage::createdAt).min(Comparator.naturalOrder());
        Optional<Instant> claimed = first(events, "claimed");
        Optional<Instant> pickedUp = earlier(claimed, firstReply);
        return new HumanPhase(created, pickedUp, firstReply, first(events, "resolved"));
    }

    public Optional<Duration> toFirstHumanReply() {
        return firstHumanReply.map(at -> Duration.between(created, at));
    }

    public Optional<Duration> toResolve() {
        return resolved.map(at -> Duration.between(created, at));
    }

    /**
     * The index in {@code transcript} (oldest first) of the first message written once a person had picked
     * the handoff up; {@code transcript.size()} when none was, or it never was picked up.
     */
    public int firstIndexAfterPickup(List<StoredMessage> transcript) {
        if (pickedUp.isEmpty()) {
            return transcript.size();
        }
        for (int i = 0; i < transcript.size(); i++) {
            if (!transcript.get(i).createdAt().isBefore(pickedUp.get())) {
                return i;
            }
        }
        return transcript.size();
    }

    private static Optional<Instant> first(List<HandoffEvent> events, String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).map(HandoffEvent::at).min(Comparator.naturalOrder());
    }

    private static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().isBefore(b.get()) ? a : b;
    }
}
