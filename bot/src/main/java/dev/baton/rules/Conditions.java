package dev.baton.rules;

import dev.baton.triage.CueKind;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A route's {@code when:}. Every key given must hold (and); within one key any listed value will do
 * (or). An empty set means the key was not given. Topics and roles compare without regard to case.
 *
 * @param channelIds channel ids (names from {@code channels:} resolved when loading)
 * @param time       null when the route does not depend on the time
 */
public record Conditions(Set<CueKind> cues, Set<String> topics, Set<String> channelIds, Set<String> roles,
                         TimeWindow time) {

    public static final Conditions ALWAYS = new Conditions(Set.of(), Set.of(), Set.of(), Set.of(), null);

    public Conditions {
        cues = Set.copyOf(cues);
        topics = lower(topics);
        channelIds = Set.copyOf(channelIds);
        roles = lower(roles);
    }

    public boolean holdFor(RouteFacts facts) {
        Objects.requireNonNull(facts, "facts");
        return (cues.isEmpty() || facts.reasons().stream().anyMatch(cues::contains))
                && (topics.isEmpty() || facts.topics().stream().anyMatch(topics::contains))
                && (channelIds.isEmpty() || among(channelIds, facts.channelId()) || among(channelIds, facts.parentId()))
                && (roles.isEmpty() || facts.roles().stream().anyMatch(roles::contains))
                && (time == null || time.contains(facts.at()));
    }

    /** Threads and forum posts count as their parent channel; a conversation in no channel matches none. */
    private static boolean among(Set<String> ids, String id) {
        return id != null && ids.contains(id);
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
