package dev.baton.repeats;

import dev.baton.triage.Author;
import java.util.Objects;

/** One message of a handed-off conversation, as the repeat check reads it: who wrote it and what it says. */
public record Turn(Author author, String text) {

    public Turn {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
    }

    public static Turn customer(String text) {
        return new Turn(Author.CUSTOMER, text);
    }

    public static Turn bot(String text) {
        return new Turn(Author.BOT, text);
    }

    public static Turn staff(String text) {
        return new Turn(Author.STAFF, text);
    }
}
