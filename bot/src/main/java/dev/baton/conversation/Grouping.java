package dev.baton.conversation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which conversation a new message belongs to. Pure: the store looks up the candidates,
 * this chooses. The rules, in order:
 * <ol>
 *   <li>In a thread or forum post: the thread's open conversation, whoever writes (a staff member or
 *       another member in the customer's thread is part of that conversation, not a new one).</li>
 *   <li>A reply to a stored message: that message's open conversation.</li>
 *   <li>The author's latest conversation in this channel, if it is handed off (a person is still on
 *       it, however long ago) or its last message is within the quiet gap.</li>
 *   <li>Otherwise a new conversation starts here.</li>
 * </ol>
 * Conversations are per author in a channel, so interleaved customers never share one.
 */
public final class Grouping {

    private Grouping() {
    }

    /** What the store found for a message; any may be empty. */
    public record Candidates(Optional<ConversationRecord> inThread, Optional<ConversationRecord> repliedTo,
                             Optional<ConversationRecord> authorsLatestHere) {

        public Candidates {
            Objects.requireNonNull(inThread, "inThread");
            Objects.requireNonNull(repliedTo, "repliedTo");
            Objects.requireNonNull(authorsLatestHere, "authorsLatestHere");
        }

        public static Candidates none() {
            return new Candidates(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** The outcome: join an existing conversation, or start one. */
    public sealed interface Choice permits Join, Start {
    }

    public record Join(ConversationRecord conversation) implements Choice {
    }

    /** Start a conversation for the author; {@code threadId} is set when the place is already a thread. */
    public record Start(PlaceKind place, String channelId, String threadId) implements Choice {
    }

    public static Choice choose(Incoming message, Candidates candidates, Duration quietGap) {
        Place place = message.place();
        if (place.isThread()) {
            return candidates.inThread().filter(Grouping::isOpen)
                    .<Choice>map(Join::new)
                    .orElseGet(() -> new Start(place.kind(), place.channelId(), place.channelId()));
        }
        Optional<ConversationRecord> replied = candidates.repliedTo().filter(Grouping::isOpen);
        if (replied.isPresent()) {
            return new Join(replied.get());
        }
        Optional<ConversationRecord> latest = candidates.authorsLatestHere()
                .filter(c -> c.customerId().equals(message.author().id()))
                .filter(c -> c.state() == ConversationState.HANDED_OFF
                        || (isOpen(c) && !message.at().isAfter(c.lastMessageAt().plus(quietGap))));
        if (latest.isPresent()) {
            return new Join(latest.get());
        }
        return new Start(place.kind(), place.channelId(), null);
    }

    private static boolean isOpen(ConversationRecord conversation) {
        return conversation.state() != ConversationState.CLOSED;
    }
}
