package dev.baton.conversation;

import dev.baton.triage.Author;
import java.util.Locale;
import java.util.Optional;

/** Who wrote a stored message, relative to its conversation. */
public enum AuthorKind {
    CUSTOMER, BOT, STAFF,
    /** Someone else in the customer's thread: kept for the record, never a trigger. */
    OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuthorKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The engine's view; other people's words are context a person reads, not the engine. */
    public Optional<Author> asTriageAuthor() {
        return switch (this) {
            case CUSTOMER -> Optional.of(Author.CUSTOMER);
            case BOT -> Optional.of(Author.BOT);
            case STAFF -> Optional.of(Author.STAFF);
            case OTHER -> Optional.empty();
        };
    }
}
