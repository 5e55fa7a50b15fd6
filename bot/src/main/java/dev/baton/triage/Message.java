package dev.baton.triage;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation. Time, id and reply-to are optional: the engine decides on text and
 * order alone, and uses them only when present.
 */
public record Message(Author author, String text, Instant time, String id, String replyTo) {

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

    public static Message staff(String text) {
        return new Message(Author.STAFF, text, null, null, null);
    }
}
