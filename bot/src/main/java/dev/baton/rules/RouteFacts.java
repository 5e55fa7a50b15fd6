package dev.baton.rules;

import dev.baton.triage.CueKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What routing rules can ask about a handoff.
 *
 * @param reasons   the cues that fired (the handoff's reasons)
 * @param topics    knowledge-base topics, lowercased
 * @param channelId where the conversation is (a channel, thread, forum post or DM); null when it is nowhere
 *                  on Discord (a practice conversation, or one tried in the console without a channel)
 * @param parentId  the parent channel of a thread or forum post; null otherwise
 * @param roles     the customer's role names, lowercased
 */
public record RouteFacts(Set<CueKind> reasons, Set<String> topics, String channelId, String parentId,
                         List<String> roles, Instant at) {

    public RouteFacts {
        reasons = Set.copyOf(reasons);
        topics = topics.stream().map(t -> t.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        roles = roles.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList();
        Objects.requireNonNull(at, "at");
    }
}
