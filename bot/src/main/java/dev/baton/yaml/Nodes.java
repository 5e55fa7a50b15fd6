package dev.baton.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small helpers over SnakeYAML nodes, phrased for people who don't know YAML's vocabulary. */
public final class Nodes {

    private Nodes() {
    }

    /** 1-based line, the way it is shown to the person editing the file. */
    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** {@code key:} with nothing after it, {@code ~} or {@code null}. */
    public static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** What was found instead of what was expected, for "must be X, but found Y" messages. */
    public static String describe(Node node) {
        if (isNull(node)) {
            return "nothing";
        }
        if (node instanceof ScalarNode scalar) {
            return "a single value (\"" + abbreviate(scalar.getValue().strip()) + "\")";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping of keys to values";
        }
        return "a " + node.getNodeId();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
