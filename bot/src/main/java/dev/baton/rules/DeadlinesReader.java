package dev.baton.rules;

import dev.baton.yaml.Fields;
import dev.baton.yaml.NearMiss;
import dev.baton.yaml.Nodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads pickup deadlines: {@code remind}, {@code reroute} and {@code escalate} (each counted from the
 * handoff, so they must come in that order) and {@code escalate_to}, a role from {@code roles:}.
 */
final class DeadlinesReader {

    static final List<String> KEYS = List.of("remind", "reroute", "escalate", "escalate_to");

    static final Map<String, Priority> PRIORITIES = priorities();

    private static final String EXAMPLE = "`{remind: 15m, reroute: 45m, escalate: 2h, escalate_to: moderators}`";

    private final RuleValues values;
    private final Map<String, String> roles;

    /** @param roles role names from {@code roles:} to their Discord ids */
    DeadlinesReader(RuleValues values, Map<String, String> roles) {
        this.values = values;
        this.roles = roles;
    }

    /** The top-level {@code deadlines:}: one set per priority; priorities left out have none. */
    Map<Priority, Deadlines> perPriority(Node node) {
        Map<Priority, Deadlines> deadlines = new EnumMap<>(Priority.class);
        if (node == null || Nodes.isNull(node)) {
            return deadlines;
        }
        MappingNode mapping = values.mapping(node, "deadlines", "`deadlines: {urgent: {remind: 2m, reroute: 5m}}`");
        if (mapping == null) {
            return deadlines;
        }
        Map<String, Node> fields = Fields.read(mapping, List.copyOf(PRIORITIES.keySet()), values.problems());
        fields.forEach((name, value) -> {
            Deadlines read = read(value, name, " for " + name + " handoffs");
            if (read != null) {
                deadlines.put(PRIORITIES.get(name), read);
            }
        });
        return deadlines;
    }

    /**
     * One set of deadlines; an empty mapping means none at all.
     *
     * @param where how to name this set in messages, e.g. " for urgent handoffs" or " of route `grief`"
     */
    Deadlines read(Node node, String key, String where) {
        if (!(node instanceof MappingNode mapping)) {
            values.problems().at(node, "`" + key + "` must be a mapping of deadlines, but found "
                    + Nodes.describe(node), "e.g. " + EXAMPLE + ", or `{}` for none");
            return null;
        }
        int before = values.problems().count();
        Map<String, Node> fields = Fields.read(mapping, KEYS, values.problems());
        List<Step> steps = new ArrayList<>();
        for (String step : List.of("remind", "reroute", "escalate")) {
            Node value = fields.get(step);
            if (value != null) {
                Duration duration = values.duration(value, step);
                if (duration != null) {
                    steps.add(new Step(step, duration, value));
                }
            }
        }
        checkOrder(steps, where);
        String roleId = escalateTo(fields, where);
        // A role named here whose own id is wrong was reported under `roles:`; it leaves no role to mention.
        if (values.problems().count() > before || (fields.containsKey("escalate") && roleId == null)) {
            return null;
        }
        return new Deadlines(duration(steps, "remind"), duration(steps, "reroute"), duration(steps, "escalate"),
                roleId);
    }

    /** Every deadline counts from the handoff, so a later step set earlier would fire first. */
    private void checkOrder(List<Step> steps, String where) {
        for (int i = 1; i < steps.size(); i++) {
            Step before = steps.get(i - 1);
            Step step = steps.get(i);
            if (step.duration().compareTo(before.duration()) <= 0) {
                values.problems().at(step.node(), "`" + step.name() + "` (" + DurationSyntax.format(step.duration())
                        + ") must be later than `" + before.name() + "` (" + DurationSyntax.format(before.duration())
                        + ")" + where + ": each deadline counts from the handoff",
                        "deadlines run remind < reroute < escalate, e.g. " + EXAMPLE);
            }
        }
    }

    private String escalateTo(Map<String, Node> fields, String where) {
        Node escalate = fields.get("escalate");
        Node to = fields.get("escalate_to");
        if (escalate != null && to == null) {
            values.problems().at(escalate, "`escalate` needs `escalate_to:`" + where
                    + ", the Discord role to mention (a name from `roles:`)", roles.isEmpty()
                    ? "list the role under `roles:` at the top of the file (e.g. `moderators: \"1180000000000000099\"`),"
                      + " then add `escalate_to: moderators`"
                    : "add `escalate_to: " + roles.keySet().iterator().next() + "`");
            return null;
        }
        if (to == null) {
            return null;
        }
        if (escalate == null) {
            values.problems().at(to, "`escalate_to` does nothing without `escalate:`" + where
                    + " (how long after the handoff to mention the role)",
                    "add e.g. `escalate: 1h`, or remove `escalate_to`");
            return null;
        }
        return role(to);
    }

    /** A name from {@code roles:}, or a role id in quotes. */
    private String role(Node node) {
        String written = node instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
        if (!written.isEmpty() && written.chars().allMatch(Character::isDigit)) {
            return values.discordId(node, "escalate_to", "role");
        }
        String name = values.text(node, "escalate_to");
        if (name == null) {
            return null;
        }
        if (roles.containsKey(name)) {
            return roles.get(name);
        }
        Optional<String> near = NearMiss.suggest(name, roles.keySet());
        values.problems().at(node, "unknown role `" + name + "`" + near.map(s -> " (did you mean `" + s + "`?)")
                .orElse(""), roles.isEmpty()
                ? "list it under `roles:` at the top of the file with its Discord role id, e.g. `" + name
                  + ": \"1180000000000000099\"`"
                : "roles are listed under `roles:`: " + String.join(", ", roles.keySet()));
        return null;
    }

    private static Duration duration(List<Step> steps, String name) {
        return steps.stream().filter(s -> s.name().equals(name)).map(Step::duration).findFirst().orElse(null);
    }

    private record Step(String name, Duration duration, Node node) {
    }

    private static Map<String, Priority> priorities() {
        Map<String, Priority> map = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            map.put(priority.wireName(), priority);
        }
        return map;
    }
}
