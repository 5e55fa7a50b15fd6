package dev.baton.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message as it arrived from Discord, before it is stored: the facts the desk needs, free of JDA.
 *
 * @param replyTo     the Discord id of the message this one replies to, or {@code null}
 * @param attachments file names; a message may be attachments only, with empty text
 */
public record Incoming(String discordId, Person author, Place place, String text, List<String> attachments,
                       String replyTo, Instant at) {

    public Incoming {
        Objects.requireNonNull(discordId, "discordId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        attachments = List.copyOf(attachments);
    }

    /**
     * A Discord user as seen on this message. {@code joinedAt} and {@code roles} are known only for
     * members of the server ({@code joinedAt == null} for someone writing a DM from outside).
     */
    public record Person(String id, String name, List<String> roles, Instant joinedAt) {
        public Person {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            roles = List.copyOf(roles);
        }
    }
}
