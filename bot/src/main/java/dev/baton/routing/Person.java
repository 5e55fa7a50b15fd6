package dev.baton.routing;

import dev.baton.yaml.Snowflakes;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Someone a conversation can be handed to.
 *
 * @param id              roster key: a short lowercase slug ({@code alex}) used in the event log and workload
 * @param name            the display name customers see ("Alex will pick this up")
 * @param discordUserId   the person's Discord user ID (a snowflake), kept as text because it exceeds
 *                        what JSON numbers hold exactly
 * @param team            e.g. {@code billing}; may be {@code null}
 * @param topics          knowledge-base topics and skills, lowercased; empty for a generalist
 * @param hours           when they work; has at least one shift, or they could never be chosen on merit
 * @param maxOpenHandoffs how many open handoffs they take before others are preferred; at least 1
 * @param takesSensitive  whether they opted in to grief, anxiety and crisis conversations
 * @param seniority       0 or more; higher is more senior. A crisis goes to the most senior opted-in
 *                        person available, because it needs the most experienced hands, not the idlest
 */
public record Person(String id, String name, String discordUserId, String team, Set<String> topics,
                     WorkingHours hours, int maxOpenHandoffs, boolean takesSensitive, int seniority) {

    /** Someone without a seniority of their own (0, the default in {@code team.yaml}). */
    public Person(String id, String name, String discordUserId, String team, Set<String> topics, WorkingHours hours,
                  int maxOpenHandoffs, boolean takesSensitive) {
        this(id, name, discordUserId, team, topics, hours, maxOpenHandoffs, takesSensitive, 0);
    }

    /** Ids appear in logs, URLs and the workload store, so they stay plain. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(discordUserId, "discordUserId");
        Objects.requireNonNull(hours, "hours");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("person id must be a lowercase slug such as `alex`, was `" + id + "`");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("person `" + id + "` needs a name");
        }
        if (!Snowflakes.isSnowflake(discordUserId)) {
            throw new IllegalArgumentException("person `" + id + "`: not a Discord user ID: `" + discordUserId + "`");
        }
        if (hours.shifts().isEmpty()) {
            throw new IllegalArgumentException("person `" + id + "` needs at least one shift");
        }
        if (maxOpenHandoffs < 1) {
            throw new IllegalArgumentException("person `" + id + "`: maxOpenHandoffs must be at least 1");
        }
        if (seniority < 0) {
            throw new IllegalArgumentException("person `" + id + "`: seniority cannot be negative, was " + seniority);
        }
        team = team == null || team.isBlank() ? null : team.strip();
        topics = normalised(Objects.requireNonNull(topics, "topics"));
    }

    /** Lowercased and trimmed, blanks dropped: topics are compared with the knowledge base's. */
    static Set<String> normalised(Set<String> topics) {
        return topics.stream()
                .map(topic -> topic.strip().toLowerCase(Locale.ROOT))
                .filter(topic -> !topic.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
