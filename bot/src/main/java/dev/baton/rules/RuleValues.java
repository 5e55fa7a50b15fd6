package dev.baton.rules;

import dev.baton.yaml.NearMiss;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Problems;
import dev.baton.yaml.Snowflakes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Single values of {@code rules.yaml}: choices from a fixed list, Discord ids, durations, fractions and
 * the names a community manager gives channels and roles. Each reports a problem (with a hint) at the
 * value's own position and returns {@code null}, so reading carries on to the next mistake.
 */
final class RuleValues {

    /** Names of channels and roles: what routes refer to, so plain and unmistakable for an id. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final Problems problems;

    RuleValues(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** The text of a single value; reports anything else (a list, a mapping, nothing). */
    String text(Node node, String key) {
        if (node instanceof ScalarNode scalar && !Nodes.isNull(node) && !scalar.getValue().isBlank()) {
            return scalar.getValue().strip();
        }
        String hint = node instanceof SequenceNode ? "give one value here, not a list"
                : node instanceof MappingNode ? "give one value here, not keys under it"
                : "write the value after `" + key + ":` on the same line";
        problems.at(node, "`" + key + "` must be " + (Nodes.isNull(node) ? "given a value" : "a single value")
                + ", but found " + Nodes.describe(node), hint);
        return null;
    }

    /** One of {@code options} (keys as written in the file), suggesting the nearest on a slip. */
    <T> T choice(Node node, String key, Map<String, T> options) {
        String text = text(node, key);
        if (text == null) {
            return null;
        }
        T value = options.get(text);
        if (value == null) {
            Optional<String> near = NearMiss.suggest(text, options.keySet());
            problems.at(node, "`" + key + "` must be " + orList(options.keySet()) + ", but found `" + text + "`"
                    + near.map(s -> " (did you mean `" + s + "`?)").orElse(""),
                    near.map(s -> "write `" + key + ": " + s + "`")
                            .orElse("write one of them, e.g. `" + key + ": " + options.keySet().iterator().next() + "`"));
        }
        return value;
    }

    /**
     * A Discord id in quotes. A bare number is refused even when its digits are right: quoting every id
     * is one simple rule, and tools that read YAML as numbers would round a 19-digit id.
     *
     * @param what what the id names, e.g. "channel" or "role"
     */
    String discordId(Node node, String key, String what) {
        if (node instanceof ScalarNode scalar && !Nodes.isNull(node)) {
            String text = scalar.getValue().strip();
            boolean quoted = scalar.getScalarStyle() != ScalarStyle.PLAIN;
            if (Snowflakes.isSnowflake(text) && quoted) {
                return text;
            }
            if (Snowflakes.isSnowflake(text)) {
                problems.at(node, "`" + key + "`: a Discord " + what + " id must be in quotes, but found " + text
                        + " without them", "write \"" + text + "\"");
                return null;
            }
        }
        problems.at(node, "`" + key + "` must be a Discord " + what + " id of 17 to 20 digits in quotes, such as"
                + " \"1180000000000000001\", but found " + Nodes.describe(node), Snowflakes.HOW_TO_COPY);
        return null;
    }

    /** A name for a channel or role that routes can refer to. */
    String name(Node keyNode, String what) {
        String text = keyNode instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
        if (NAME.matcher(text).matches() && !text.chars().allMatch(Character::isDigit)) {
            return text;
        }
        problems.at(keyNode, "`" + text + "` is not a usable " + what + " name: use lowercase letters, digits, `-`"
                + " and `_`, with at least one letter", "name it after the Discord " + what + ", e.g. `billing` or"
                + " `lumen-plus`; its id goes under it");
        return null;
    }

    Duration duration(Node node, String key) {
        String text = text(node, key);
        if (text == null) {
            return null;
        }
        try {
            return DurationSyntax.parse(text);
        } catch (IllegalArgumentException e) {
            problems.at(node, "`" + key + "`: " + e.getMessage(), "e.g. `" + key + ": 15m`; " + DurationSyntax.FORM);
            return null;
        }
    }

    /** A number above 0 and at most 1, such as a score or a confidence. */
    Double fraction(Node node, String key, String meaning) {
        String text = text(node, key);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (value > 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below with the out-of-range case.
        }
        problems.at(node, "`" + key + "` must be a number above 0 and at most 1, but found `" + text + "`",
                meaning);
        return null;
    }

    /** A single value or a list of them (a condition's "any of"); every item must be a single value. */
    List<ScalarNode> oneOrMany(Node node, String key) {
        List<Node> items = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
        if (node instanceof SequenceNode && items.isEmpty()) {
            problems.at(node, "`" + key + "` is an empty list", "give at least one value, or remove `" + key + ":`");
            return null;
        }
        List<ScalarNode> scalars = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof ScalarNode scalar && !Nodes.isNull(item) && !scalar.getValue().isBlank()) {
                scalars.add(scalar);
            } else {
                problems.at(item, "`" + key + "` must be a value or a list of values, but found "
                        + Nodes.describe(item), "e.g. `" + key + ": a` or `" + key + ": [a, b]`");
            }
        }
        return scalars.size() == items.size() ? scalars : null;
    }

    /** A mapping; otherwise reports what it should have looked like. */
    MappingNode mapping(Node node, String key, String example) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        problems.at(node, "`" + key + "` must be a mapping of keys to values, but found " + Nodes.describe(node),
                "e.g. " + example);
        return null;
    }

    /** The key node of {@code key} in {@code mapping}, for problems about a key rather than its value. */
    static Node keyOf(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().strip().equals(key)) {
                return scalar;
            }
        }
        return mapping;
    }

    /** "a, b or c" for messages. */
    static String orList(Collection<String> options) {
        List<String> quoted = options.stream().map(o -> "`" + o + "`").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
