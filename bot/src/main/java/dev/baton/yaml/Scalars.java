package dev.baton.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads single values of a config file, reporting a wrong type or value at the value's own line.
 * Each returns {@code null} after reporting a problem so the reader can carry on and find the next.
 */
public final class Scalars {

    private Scalars() {
    }

    /** Text that must be present and not blank. */
    public static String text(Node node, String key, Problems problems) {
        if (!(node instanceof ScalarNode scalar)) {
            problems.at(node, "`" + key + "` must be text, but found " + Nodes.describe(node),
                    "write it on the same line as `" + key + ":`; put it in quotes if it contains `: ` or `#`");
            return null;
        }
        String text = Nodes.isNull(node) ? "" : scalar.getValue().strip();
        if (text.isEmpty()) {
            problems.at(node, "`" + key + "` is blank", "give it a value, or remove the key");
            return null;
        }
        return text;
    }

    /** Optional text: absent, empty and blank all mean "not given", since that is what the author meant. */
    public static String optionalText(Node node, String key, Problems problems) {
        if (node == null || Nodes.isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problems.at(node, "`" + key + "` must be text, but found " + Nodes.describe(node),
                    "write it on the same line as `" + key + ":`; put it in quotes if it contains `: ` or `#`");
            return null;
        }
        String text = scalar.getValue().strip();
        return text.isEmpty() ? null : text;
    }

    /** A whole number of at least {@code min}; {@code fallback} when the key is absent. */
    public static Integer wholeNumber(Node node, String key, int min, int fallback, Problems problems) {
        if (node == null) {
            return fallback;
        }
        String text = node instanceof ScalarNode scalar && !Nodes.isNull(node) ? scalar.getValue().strip() : null;
        try {
            int value = Integer.parseInt(text);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below together with a value that is too small.
        }
        problems.at(node, "`" + key + "` must be a whole number of at least " + min + ", but found "
                + Nodes.describe(node), "write just the number, e.g. `" + key + ": " + Math.max(min, 5) + "`, without units");
        return null;
    }

    /** {@code true} or {@code false}; {@code fallback} when the key is absent. */
    public static Boolean flag(Node node, String key, boolean fallback, Problems problems) {
        if (node == null) {
            return fallback;
        }
        String text = node instanceof ScalarNode scalar ? scalar.getValue().strip().toLowerCase(Locale.ROOT) : "";
        // YAML 1.1, which SnakeYAML follows, also reads yes/no as booleans; accept what editors expect.
        if (text.equals("true") || text.equals("yes")) {
            return true;
        }
        if (text.equals("false") || text.equals("no")) {
            return false;
        }
        problems.at(node, "`" + key + "` must be true or false, but found " + Nodes.describe(node),
                "write `" + key + ": true` or `" + key + ": false`");
        return null;
    }

    /** A list of text items; each bad item is reported on its own line. */
    public static List<String> textList(Node node, String key, String example, Problems problems) {
        if (!(node instanceof SequenceNode sequence)) {
            problems.at(node, "`" + key + "` must be a list such as " + example + ", but found " + Nodes.describe(node));
            return null;
        }
        List<String> items = new ArrayList<>();
        int number = 0;
        for (Node item : sequence.getValue()) {
            number++;
            String text = item instanceof ScalarNode scalar && !Nodes.isNull(item) ? scalar.getValue().strip() : "";
            if (text.isEmpty()) {
                problems.at(item, "item " + number + " of `" + key + "` must be text, but found " + Nodes.describe(item));
            } else {
                items.add(text);
            }
        }
        return items;
    }
}
