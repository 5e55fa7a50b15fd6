package dev.baton.aftercare;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the {@code aftercare} table: what Baton posted after a handoff was resolved, and the answer.
 *
 * @param customerId the Discord user asked; nobody else may answer
 * @param resolvedBy roster id of the person who resolved it, named in the message
 * @param messageId  the Discord message, once posted; null before (or when it never was)
 * @param verdict    null until the customer answers
 * @param answeredAt null until the customer answers
 * @param comment    the optional one-line comment; empty when none
 */
public record Asked(long handoffId, long conversationId, String customerId, String resolvedBy, Kind kind,
                    Instant askedAt, Instant expiresAt, String messageId, Verdict verdict, Instant answeredAt,
                    String comment) {

    /** Why a click is not taken, in the order they are checked. */
    public enum Refusal {
        /** No question with buttons was asked for this handoff (none, or only a closing line). */
        UNKNOWN,
        /** Someone other than the customer who was asked. */
        NOT_YOURS,
        /** Answered (or, for a comment, commented) already: the first one counts. */
        ALREADY_ANSWERED,
        /** The buttons stopped taking answers. */
        EXPIRED
    }

    /** Why {@code discordUserId}'s 👍 / 👎 at {@code now} is not taken; empty when it is. */
    public Optional<Refusal> refuseAnswer(String discordUserId, Instant now) {
        return common(discordUserId)
                .or(() -> verdict != null ? Optional.of(Refusal.ALREADY_ANSWERED) : Optional.empty())
                .or(() -> expired(now));
    }

    /**
     * Why {@code discordUserId}'s comment at {@code now} is not taken; empty when it is. A comment follows an
     * answer (its button replaces the answer's), and there is one per handoff.
     */
    public Optional<Refusal> refuseComment(String discordUserId, Instant now) {
        return common(discordUserId)
                .or(() -> verdict == null ? Optional.of(Refusal.UNKNOWN) : Optional.empty())
                .or(() -> !comment.isEmpty() ? Optional.of(Refusal.ALREADY_ANSWERED) : Optional.empty())
                .or(() -> expired(now));
    }

    private Optional<Refusal> common(String discordUserId) {
        if (kind != Kind.RATING) {
            return Optional.of(Refusal.UNKNOWN);
        }
        return customerId.equals(discordUserId) ? Optional.empty() : Optional.of(Refusal.NOT_YOURS);
    }

    private Optional<Refusal> expired(Instant now) {
        return now.isBefore(expiresAt) ? Optional.empty() : Optional.of(Refusal.EXPIRED);
    }
}
