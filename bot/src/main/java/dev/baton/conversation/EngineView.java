package dev.baton.conversation;

import dev.baton.text.Invisible;
import dev.baton.triage.Author;
import dev.baton.triage.Conversation;
import dev.baton.triage.Message;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the engine reads of stored messages, in one place for the desk (deciding now) and the replay
 * (deciding again what was decided then): nothing of a deleted or empty message or a bystander's, and
 * no conversation at all until a customer has said something.
 */
public final class EngineView {

    private EngineView() {
    }

    /** One stored message as the engine reads it; empty when it reads nothing of it. */
    public static Optional<Message> of(AuthorKind kind, String text, boolean deleted, Instant at, String discordId,
                                       String replyTo) {
        return of(kind, text, deleted, at, discordId, replyTo, null);
    }

    /** As above, for a message of Baton's that gave the knowledge-base entry {@code entry} (null for none). */
    public static Optional<Message> of(AuthorKind kind, String text, boolean deleted, Instant at, String discordId,
                                       String replyTo, String entry) {
        String visible = text == null ? "" : Invisible.strip(text).strip();
        if (deleted || visible.isEmpty() || kind.asTriageAuthor().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Message(kind.asTriageAuthor().get(), visible, at, discordId, replyTo,
                kind == AuthorKind.BOT ? entry : null));
    }

    /** The engine's conversation of {@code messages}; empty while none of them is the customer's. */
    public static Optional<Conversation> conversationOf(List<Message> messages) {
        boolean hasCustomer = messages.stream().anyMatch(m -> m.author() == Author.CUSTOMER);
        return hasCustomer ? Optional.of(new Conversation(messages)) : Optional.empty();
    }
}
