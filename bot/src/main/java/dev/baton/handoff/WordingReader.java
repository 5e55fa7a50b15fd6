package dev.baton.handoff;

import dev.baton.triage.CueKind;
import dev.baton.yaml.Fields;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Problems;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the sections of messages.yaml, reporting each mistake where it was written and carrying on,
 * so one reload shows them all.
 */
final class WordingReader {

    static final List<String> CUE_KEYS = cueKeys();
    private static final List<String> SHIFT_KEYS =
            List.of(ShiftStatus.ON_SHIFT.wireName(), ShiftStatus.OFF_SHIFT.wireName());

    private final Problems problems;
    /** The file as code points: SnakeYAML's marks count code points, and they locate a typo inside a template. */
    private final int[] source;

    WordingReader(Problems problems, String source) {
        this.problems = problems;
        this.source = source.codePoints().toArray();
    }

    private static List<String> cueKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(HandoffWording.DEFAULT);
        for (CueKind kind : CueKind.values()) {
            keys.add(kind.wireName());
        }
        return List.copyOf(keys);
    }

    /** The {@code handoff:} section: texts by cue key, then shift. */
    Map<String, Map<ShiftStatus, String>> handoff(Node node) {
        return shifted(HandoffWordingLoader.HANDOFF, node);
    }

    /** The {@code rerouted:} section, keyed and checked like {@code handoff:}. */
    Map<String, Map<ShiftStatus, String>> rerouted(Node node) {
        return shifted(HandoffWordingLoader.REROUTED, node);
    }

    /** The {@code transferred:} section, keyed and checked like {@code handoff:}. */
    Map<String, Map<ShiftStatus, String>> transferred(Node node) {
        return shifted(HandoffWordingLoader.TRANSFERRED, node);
    }

    /** The {@code escalated:} section: one text per cue key, not about anyone's shift. */
    Map<String, String> escalated(Node node) {
        Map<String, String> texts = new LinkedHashMap<>();
        cues(HandoffWordingLoader.ESCALATED, node).forEach((key, value) -> {
            String label = HandoffWordingLoader.ESCALATED + "." + key;
            String text = text(label, value);
            if (text != null) {
                List<Template.Flaw> flaws = Template.checkUnshifted(text);
                flaws.forEach(flaw -> report((ScalarNode) value, flaw.near(), flaw.occurrence(),
                        "`" + label + "`: " + flaw.message()));
                if (flaws.isEmpty()) {
                    texts.put(key, text);
                }
            }
        });
        return texts;
    }

    /** The {@code aftercare:} section: one text per key of {@link AfterCareWording#KEYS}, {@code {person}} only. */
    Map<String, String> afterCare(Node node) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node == null || Nodes.isNull(node)) {
            return texts;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "`" + HandoffWordingLoader.AFTERCARE + "` must map " + String.join(", ",
                    AfterCareWording.KEYS) + " to their wording, but found " + Nodes.describe(node));
            return texts;
        }
        Fields.read(mapping, AfterCareWording.KEYS, problems).forEach((key, value) -> {
            String label = HandoffWordingLoader.AFTERCARE + "." + key;
            String text = text(label, value);
            if (text != null) {
                List<Template.Flaw> flaws = Template.checkAfterCare(text, AfterCareWording.NAMING.contains(key));
                flaws.forEach(flaw -> report((ScalarNode) value, flaw.near(), flaw.occurrence(),
                        "`" + label + "`: " + flaw.message()));
                if (flaws.isEmpty()) {
                    texts.put(key, text);
                }
            }
        });
        return texts;
    }

    private Map<String, Map<ShiftStatus, String>> shifted(String section, Node node) {
        Map<String, Map<ShiftStatus, String>> texts = new LinkedHashMap<>();
        cues(section, node).forEach((key, value) -> texts.put(key, entry(section + "." + key, value)));
        return texts;
    }

    /** A section's entries by cue key; empty when the section is missing or (reported) not a mapping. */
    private Map<String, Node> cues(String section, Node node) {
        if (node == null || Nodes.isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "`" + section + "` must map cue names (" + String.join(", ", CUE_KEYS) + ") to their"
                    + " wording, but found " + Nodes.describe(node));
            return Map.of();
        }
        return Fields.read(mapping, CUE_KEYS, problems);
    }

    private Map<ShiftStatus, String> entry(String label, Node node) {
        Map<ShiftStatus, String> texts = new EnumMap<>(ShiftStatus.class);
        if (!(node instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            // A bare string is the likely slip here: wording is needed for on and off shift.
            problems.at(node, "`" + label + "` must give `on_shift:` and/or `off_shift:` wording, but found "
                    + (node instanceof MappingNode ? "nothing" : Nodes.describe(node)));
            return texts;
        }
        Map<String, Node> fields = Fields.read(mapping, SHIFT_KEYS, problems);
        for (ShiftStatus shift : ShiftStatus.values()) {
            Node value = fields.get(shift.wireName());
            if (value != null) {
                String text = template(label + "." + shift.wireName(), value, shift);
                if (text != null) {
                    texts.put(shift, text);
                }
            }
        }
        return texts;
    }

    private String template(String label, Node node, ShiftStatus shift) {
        String text = text(label, node);
        if (text == null) {
            return null;
        }
        List<Template.Flaw> flaws = Template.check(text, shift);
        for (Template.Flaw flaw : flaws) {
            report((ScalarNode) node, flaw.near(), flaw.occurrence(), "`" + label + "`: " + flaw.message());
        }
        return flaws.isEmpty() ? text : null;
    }

    /**
     * A text shown exactly as written ({@code crisis_resources:}, {@code small_talk:}), or null to keep the
     * built-in one.
     */
    String verbatim(String label, Node node) {
        if (node == null) {
            return null;
        }
        String text = text(label, node);
        if (text != null && (text.indexOf('{') >= 0 || text.indexOf('}') >= 0)) {
            String near = text.indexOf('{') >= 0 ? "{" : "}";
            report((ScalarNode) node, near, 0, "`" + label + "` is shown exactly as written, so it cannot hold"
                    + " placeholders or braces");
            return null;
        }
        return text;
    }

    private String text(String label, Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            problems.at(node, "`" + label + "` must be text, but found " + Nodes.describe(node));
            return null;
        }
        String text = Nodes.isNull(node) ? "" : scalar.getValue().strip();
        if (text.isEmpty()) {
            problems.at(node, "`" + label + "` is empty; write the text, or delete the line to keep the built-in"
                    + " wording");
            return null;
        }
        return text;
    }

    /**
     * Reports at the {@code occurrence}-th {@code near} inside the scalar when it can be found there as
     * written (an escape or a line fold may hide it), otherwise at the start of the scalar.
     */
    private void report(ScalarNode node, String near, int occurrence, String message) {
        Mark start = node.getStartMark();
        int found = near == null ? -1 : find(near, occurrence, start.getIndex(),
                Math.min(node.getEndMark().getIndex(), source.length));
        if (found < 0) {
            problems.at(node, message);
            return;
        }
        int line = start.getLine();
        int column = start.getColumn();
        for (int i = start.getIndex(); i < found; i++) {
            if (source[i] == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        problems.at(line + 1, column + 1, message);
    }

    private int find(String near, int occurrence, int from, int to) {
        int[] needle = near.codePoints().toArray();
        int found = from - 1;
        for (int seen = 0; seen <= occurrence; seen++) {
            found = indexOf(needle, found + 1, to);
            if (found < 0) {
                return -1;
            }
        }
        return found;
    }

    private int indexOf(int[] needle, int from, int to) {
        for (int i = Math.max(0, from); i + needle.length <= to; i++) {
            int j = 0;
            while (j < needle.length && source[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }
}
