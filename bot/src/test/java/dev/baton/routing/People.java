package dev.baton.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test data for routing, with defaults so each test states only what matters to it. Everyone is
 * on shift at {@link #NOW}, has room and takes sensitive handoffs unless told otherwise (a roster
 * needs at least one such person).
 */
final class People {

    /** A Wednesday, 12:00 UTC. */
    static final Instant NOW = Instant.parse("2024-06-12T12:00:00Z");

    private People() {
    }

    static Builder person(String id) {
        return new Builder(id);
    }

    static Roster roster(Builder... people) {
        return new Roster(Arrays.stream(people).map(Builder::build).toList(), Duration.ofMinutes(10));
    }

    static Load workload() {
        return new Load();
    }

    static final class Builder {
        private final String id;
        private String name;
        private Set<String> topics = Set.of();
        private ZoneId zone = ZoneId.of("UTC");
        private List<String> shifts = List.of("mon-sun 08:00-16:00");
        private int maxOpen = 5;
        private boolean sensitive = true;
        private String team;
        private int seniority;

        private Builder(String id) {
            this.id = id;
            this.name = Character.toUpperCase(id.charAt(0)) + id.substring(1);
        }

        Builder topics(String... topics) {
            this.topics = Set.of(topics);
            return this;
        }

        /** Shifts in the person's zone, in the team.yaml form, e.g. {@code "thu 09:00-17:00"}. */
        Builder shifts(String... shifts) {
            this.shifts = List.of(shifts);
            return this;
        }

        Builder zone(String zone) {
            this.zone = ZoneId.of(zone);
            return this;
        }

        /** Off shift at NOW; the only shift starts at {@code start} ({@code "thu 09:00"}) and lasts an hour. */
        Builder offShiftUntil(String start) {
            String[] dayAndTime = start.split(" ");
            int hour = Integer.parseInt(dayAndTime[1].substring(0, 2));
            return shifts(start + "-" + String.format("%02d:00", (hour + 1) % 24));
        }

        Builder maxOpen(int maxOpen) {
            this.maxOpen = maxOpen;
            return this;
        }

        Builder team(String team) {
            this.team = team;
            return this;
        }

        Builder seniority(int seniority) {
            this.seniority = seniority;
            return this;
        }

        Builder notSensitive() {
            this.sensitive = false;
            return this;
        }

        Person build() {
            String discordId = String.valueOf(100_000_000_000_000_000L + (id.hashCode() & 0x7fffffffL));
            return new Person(id, name, discordId, team, topics,
                    new WorkingHours(zone, shifts.stream().map(ShiftSyntax::parse).toList()), maxOpen, sensitive,
                    seniority);
        }
    }

    static final class Load {
        private final Map<String, Integer> open = new HashMap<>();
        private final Map<String, Instant> last = new HashMap<>();

        Load open(String id, int count) {
            open.put(id, count);
            return this;
        }

        /** Their last handoff was this long before NOW. */
        Load lastHandoff(String id, Duration ago) {
            last.put(id, NOW.minus(ago));
            return this;
        }

        Workload build() {
            return new Workload(open, last);
        }
    }
}
