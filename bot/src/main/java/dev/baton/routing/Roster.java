package dev.baton.routing;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The people conversations can be handed to, in file order (the router's last tie-breaker).
 * Always has at least one person and at least one who takes sensitive conversations, so the router
 * can always name someone, even for a crisis.
 *
 * @param typicalPickup how long it usually takes someone to pick up a handoff, told to the customer
 */
public record Roster(List<Person> people, Duration typicalPickup) {

    public Roster {
        people = List.copyOf(Objects.requireNonNull(people, "people"));
        Objects.requireNonNull(typicalPickup, "typicalPickup");
        if (people.isEmpty()) {
            throw new IllegalArgumentException("a roster needs at least one person");
        }
        if (people.stream().noneMatch(Person::takesSensitive)) {
            throw new IllegalArgumentException("a roster needs at least one person who takes sensitive handoffs");
        }
        if (typicalPickup.isNegative() || typicalPickup.isZero()) {
            throw new IllegalArgumentException("typicalPickup must be positive, was " + typicalPickup);
        }
        requireUnique(people);
    }

    /** Everyone's roster id, in roster order. */
    public List<String> ids() {
        return people.stream().map(Person::id).toList();
    }

    public Optional<Person> byId(String id) {
        return people.stream().filter(person -> person.id().equals(id)).findFirst();
    }

    public Optional<Person> byDiscordUserId(String discordUserId) {
        return people.stream().filter(person -> person.discordUserId().equals(discordUserId)).findFirst();
    }

    private static void requireUnique(List<Person> people) {
        Set<String> ids = new HashSet<>();
        Set<String> discordIds = new HashSet<>();
        for (Person person : people) {
            if (!ids.add(person.id())) {
                throw new IllegalArgumentException("duplicate person id `" + person.id() + "`");
            }
            if (!discordIds.add(person.discordUserId())) {
                throw new IllegalArgumentException("duplicate Discord user ID " + person.discordUserId());
            }
        }
    }
}
