package dev.baton.rules;

import java.util.Objects;

/**
 * One routing rule: {@code when} these facts hold, {@code then} send it here, at this priority.
 *
 * @param line          where the rule starts in {@code rules.yaml} (0 for built-in defaults), for messages
 * @param privateThread null: as {@code discord.yaml}'s {@code private_threads} says
 * @param deadlines     null: the priority's deadlines
 */
public record Route(String name, int line, Conditions when, Target target, Priority priority, Boolean privateThread,
                    Deadlines deadlines) {

    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(priority, "priority");
    }
}
