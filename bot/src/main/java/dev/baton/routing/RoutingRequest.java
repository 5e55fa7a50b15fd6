package dev.baton.routing;

import dev.baton.triage.CueKind;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * What the router needs to know about a conversation being handed off.
 *
 * @param topics    the knowledge-base topic of the nearest entry and/or subject words; lowercased
 * @param sensitive a {@linkplain CueKind#sensitive() sensitive} reason (grief, anxiety, crisis): only people who
 *                  opted in may take it
 * @param crisis    a crisis cue fired; implies the same restriction as {@code sensitive}
 */
public record RoutingRequest(Set<String> topics, boolean sensitive, boolean crisis) {

    public RoutingRequest {
        topics = Person.normalised(Objects.requireNonNull(topics, "topics"));
    }

    /** A handoff for {@code reasons}: sensitive when any of them is ({@link CueKind#sensitive()} says which). */
    public static RoutingRequest forHandoff(Set<String> topics, Collection<CueKind> reasons) {
        boolean crisis = reasons.contains(CueKind.CRISIS);
        return new RoutingRequest(topics, reasons.stream().anyMatch(CueKind::sensitive), crisis);
    }

    /** Whether only people with {@code sensitive: true} may take it. */
    public boolean needsSensitive() {
        return sensitive || crisis;
    }
}
