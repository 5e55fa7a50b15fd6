package dev.baton.rules;

import dev.baton.triage.CueKind;
import dev.baton.triage.CueSetting;
import dev.baton.triage.CueSettings;
import dev.baton.yaml.Fields;
import dev.baton.yaml.NearMiss;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Scalars;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a {@code cues:} mapping, community-wide or a channel's: cue name to {@code enabled},
 * {@code sensitivity} or {@code fires_at}. Keys a setting leaves out keep the {@code base} setting, so a
 * channel that only raises a cue's sensitivity does not also switch back on a cue the community turned off.
 */
final class CueReader {

    static final List<String> KEYS = List.of("enabled", "sensitivity", "fires_at");

    static final Map<String, Double> SENSITIVITIES = sensitivities();

    static final List<String> NAMES = Arrays.stream(CueKind.values()).map(CueKind::wireName).toList();

    private static final String EXAMPLE = "`anger: {sensitivity: high}` or `frustration: {enabled: false}`";

    private final RuleValues values;

    CueReader(RuleValues values) {
        this.values = values;
    }

    /**
     * @param where "" for the community-wide settings, or " in channel `billing`" for messages
     * @return only the cues the mapping names, each complete (unnamed keys filled in from {@code base})
     */
    Map<CueKind, CueSetting> read(Node node, CueSettings base, String where) {
        Map<CueKind, CueSetting> settings = new EnumMap<>(CueKind.class);
        if (node == null || Nodes.isNull(node)) {
            return settings;
        }
        MappingNode mapping = values.mapping(node, "cues", "`cues: {anger: {sensitivity: high}}`");
        if (mapping == null) {
            return settings;
        }
        Map<CueKind, Node> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            CueKind kind = kind(tuple.getKeyNode());
            if (kind == null) {
                continue;
            }
            Node first = seen.putIfAbsent(kind, tuple.getKeyNode());
            if (first != null) {
                values.problems().at(tuple.getKeyNode(), "cue `" + kind.wireName() + "` is given twice" + where
                        + ": already on line " + Nodes.line(first), "merge the two into one");
                continue;
            }
            CueSetting setting = setting(tuple.getValueNode(), kind, base.of(kind), where);
            if (setting != null) {
                settings.put(kind, setting);
            }
        }
        return settings;
    }

    /** A cue named in the file; "grief" is close enough to suggest {@code sadness_grief}. */
    CueKind kind(Node keyNode) {
        String name = keyNode instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
        if (NAMES.contains(name)) {
            return CueKind.fromWire(name);
        }
        Optional<String> near = suggest(name);
        values.problems().at(keyNode, "unknown cue `" + name + "`" + near.map(s -> " (did you mean `" + s + "`?)")
                .orElse("") + "; cues are " + String.join(", ", NAMES), near.map(s -> "write `" + s + "`")
                .orElse("use one of the cue names above"));
        return null;
    }

    static Optional<String> suggest(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return NearMiss.suggest(lower, NAMES).or(() -> lower.length() < 4 ? Optional.empty()
                : NAMES.stream().filter(n -> Arrays.asList(n.split("_")).contains(lower) || n.startsWith(lower))
                        .findFirst());
    }

    private CueSetting setting(Node node, CueKind kind, CueSetting base, String where) {
        String name = kind.wireName();
        if (!(node instanceof MappingNode mapping)) {
            values.problems().at(node, "cue `" + name + "`" + where + " must be a mapping such as"
                    + " {sensitivity: high}, but found " + Nodes.describe(node), "e.g. " + EXAMPLE);
            return null;
        }
        int before = values.problems().count();
        Map<String, Node> fields = Fields.read(mapping, KEYS, values.problems());
        Boolean enabled = Scalars.flag(fields.get("enabled"), "enabled", base.enabled(), values.problems());
        Double firesAt = firesAt(fields, base);
        if (Boolean.FALSE.equals(enabled) && RuleBook.alwaysOn(kind)) {
            values.problems().at(fields.get("enabled"), "cue `" + name + "` cannot be turned off" + where + ": "
                    + kind.alwaysOnBecause().orElseThrow(), "make it fire later instead, e.g. `" + name
                    + ": {sensitivity: low}`");
        }
        return values.problems().count() == before ? new CueSetting(enabled, firesAt) : null;
    }

    private Double firesAt(Map<String, Node> fields, CueSetting base) {
        Node sensitivity = fields.get("sensitivity");
        Node firesAt = fields.get("fires_at");
        if (sensitivity != null && firesAt != null) {
            values.problems().at(firesAt, "give `sensitivity` or `fires_at`, not both: they set the same threshold",
                    "keep `sensitivity` (low, normal, high) unless you need an exact score");
            return null;
        }
        if (sensitivity != null) {
            return values.choice(sensitivity, "sensitivity", SENSITIVITIES);
        }
        if (firesAt != null) {
            return values.fraction(firesAt, "fires_at", "the combined score at which the cue hands off:"
                    + " 0.35 is `sensitivity: high`, 0.5 normal, 0.7 low");
        }
        return base.firesAt();
    }

    private static Map<String, Double> sensitivities() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("low", CueSetting.LOW);
        map.put("normal", CueSetting.NORMAL);
        map.put("high", CueSetting.HIGH);
        return map;
    }
}
