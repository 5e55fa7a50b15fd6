package dev.baton.routing;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How busy each person is right now, keyed by person id. Read from the handoff store by the caller
 * so that routing stays a pure function; people missing from the maps have nothing open and have
 * never had a handoff.
 */
public record Workload(Map<String, Integer> openHandoffs, Map<String, Instant> lastHandoffAt) {

    public Workload {
        openHandoffs = Map.copyOf(Objects.requireNonNull(openHandoffs, "openHandoffs"));
        lastHandoffAt = Map.copyOf(Objects.requireNonNull(lastHandoffAt, "lastHandoffAt"));
        openHandoffs.forEach((id, open) -> {
            if (open < 0) {
                throw new IllegalArgumentException("open handoffs of `" + id + "` cannot be negative: " + open);
            }
        });
    }

    public static Workload empty() {
        return new Workload(Map.of(), Map.of());
    }

    public int open(String personId) {
        return openHandoffs.getOrDefault(personId, 0);
    }

    public Optional<Instant> lastHandoff(String personId) {
        return Optional.ofNullable(lastHandoffAt.get(personId));
    }
}
