package dev.baton.desk;

import dev.baton.conversation.Incoming;
import dev.baton.conversation.Place;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data for the desk: messages as they arrive from Discord, with defaults so each test states
 * only what matters to it. By default a message is written in #support, now by the clock, with no
 * attachments and no reply, by a server member with the "member" role who joined on 15 January 2023.
 *
 * <pre>{@code messages.from("ann").in(Place.thread("t-1", "support")).says("Where can I download Lumen?")}</pre>
 */
public final class Messages {

    public static final Place SUPPORT = Place.channel("support");
    public static final Instant JOINED = Instant.parse("2023-01-15T09:30:00Z");

    /** Everyone gets a Discord-shaped user id on first mention, the same for the whole test run. */
    private static final Map<String, String> IDS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_USER = new AtomicLong(100_000_000_000_000_001L);
    private static final AtomicLong NEXT_MESSAGE = new AtomicLong(900_000_000_000_000_001L);

    private final Clock clock;

    public Messages(Clock clock) {
        this.clock = clock;
    }

    /** The Discord user id of the member called {@code name}; roster YAML uses it for staff. */
    public static String idOf(String name) {
        return IDS.computeIfAbsent(name, n -> String.valueOf(NEXT_USER.getAndIncrement()));
    }

    public Builder from(String name) {
        return new Builder(name);
    }

    public final class Builder {
        private final String name;
        private Place place = SUPPORT;
        private List<String> roles = List.of("member");
        private Instant joinedAt = JOINED;
        private List<String> attachments = List.of();
        private String replyTo;
        private String discordId;
        private Instant at;

        private Builder(String name) {
            this.name = name;
        }

        public Builder in(Place place) {
            this.place = place;
            return this;
        }

        public Builder withRoles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public Builder joined(Instant joinedAt) {
            this.joinedAt = joinedAt;
            return this;
        }

        public Builder withAttachments(String... names) {
            this.attachments = List.of(names);
            return this;
        }

        public Builder replyingTo(String discordId) {
            this.replyTo = discordId;
            return this;
        }

        /** The message's own Discord id; a fresh one unless given (give one to redeliver a message). */
        public Builder withId(String discordId) {
            this.discordId = discordId;
            return this;
        }

        public Builder at(Instant at) {
            this.at = at;
            return this;
        }

        public Incoming says(String text) {
            Incoming.Person author = new Incoming.Person(idOf(name), name, roles, joinedAt);
            String id = discordId != null ? discordId : String.valueOf(NEXT_MESSAGE.getAndIncrement());
            return new Incoming(id, author, place, text, attachments, replyTo, at != null ? at : clock.instant());
        }
    }
}
