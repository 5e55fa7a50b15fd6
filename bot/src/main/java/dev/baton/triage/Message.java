package dev.baton.triage;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation. Time, id and reply-to are optional: the engine decides on text and
 * order alone, and uses them only when present. {@code entry} is the knowledge-base entry a message of
 * Baton's gave, when it was an answer (its words may be the language model's, not the entry's own).
 */
public record Message(Author author, String text, Instant time, String id, String replyTo, String entry) {

    /** A message that gives no entry. */
    public Message(Author author, String text, Instant time, String id, String replyTo) {
        this(author, text, time, id, replyTo, null);
    }

    public Message {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
    }

    public static Message customer(String text) {
        return new Message(Author.CUSTOMER, text, null, null, null);
    }

    public static Message bot(String text) {
        return new Message(Author.BOT, text, null, null, null);
    }

    /** Baton's answer with the entry it gave. */
    public static Message answer(String text, String entry) {
        return new Message(Author.BOT, text, null, null, null, entry);
    }

    public static Message staff(String text) {
        return new Message(Author.STAFF, text, null, null, null);
    }
}
