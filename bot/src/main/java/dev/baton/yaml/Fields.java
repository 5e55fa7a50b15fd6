package dev.baton.yaml;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a mapping whose keys must come from a fixed list. Unknown keys are errors rather than
 * being ignored because a silently ignored typo ({@code anwser:}) would drop content without a trace.
 */
public final class Fields {

    private Fields() {
    }

    /** Returns the value node of each allowed key, reporting unknown, duplicate and non-text keys. */
    public static Map<String, Node> read(MappingNode mapping, List<String> allowed, Problems problems) {
        Map<String, Node> values = new LinkedHashMap<>();
        Map<String, Node> keyNodes = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                problems.at(keyNode, "a key must be a plain name; allowed keys: " + String.join(", ", allowed));
                continue;
            }
            String key = scalar.getValue().strip();
            if (!allowed.contains(key)) {
                problems.at(keyNode, unknownKey(key, allowed), NearMiss.suggest(key, allowed)
                        .map(s -> "rename it to `" + s + "`")
                        .orElse("remove it, or fix its spelling; a key Baton does not know would otherwise do nothing"));
                continue;
            }
            // SnakeYAML's composer keeps both copies; a later one silently winning would hide an edit.
            Node first = keyNodes.putIfAbsent(key, keyNode);
            if (first != null) {
                problems.at(keyNode, "duplicate key `" + key + "`: already given on line " + Nodes.line(first),
                        "delete one of the two; Baton does not guess which one you meant");
                continue;
            }
            values.put(key, tuple.getValueNode());
        }
        return values;
    }

    private static String unknownKey(String key, List<String> allowed) {
        String hint = NearMiss.suggest(key, allowed).map(s -> " (did you mean `" + s + "`?)").orElse("");
        return "unknown key `" + key + "`" + hint + "; allowed keys: " + String.join(", ", allowed);
    }
}
