package dev.baton.rules;

import dev.baton.rules.AfterCareRules.Ask;
import dev.baton.triage.CueKind;
import dev.baton.yaml.Fields;
import dev.baton.yaml.Nodes;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads {@code aftercare:}: {@code expires_after} (a duration) and {@code cues} (cue name to {@code rating},
 * {@code closing_line} or {@code none}). Cues left out keep the built-in choice ({@link AfterCareRules#DEFAULTS}),
 * so naming one cue never quietly turns on a rating prompt after a crisis.
 */
final class AfterCareReader {

    static final List<String> KEYS = List.of("expires_after", "cues");

    private static final Map<String, Ask> ASKS = asks();

    private final RuleValues values;
    private final CueReader cues;

    AfterCareReader(RuleValues values, CueReader cues) {
        this.values = values;
        this.cues = cues;
    }

    AfterCareRules read(Node node) {
        if (node == null || Nodes.isNull(node)) {
            return AfterCareRules.DEFAULTS;
        }
        MappingNode mapping = values.mapping(node, "aftercare",
                "`aftercare: {expires_after: 3d, cues: {crisis: none, sadness_grief: closing_line}}`");
        if (mapping == null) {
            return AfterCareRules.DEFAULTS;
        }
        Map<String, Node> fields = Fields.read(mapping, KEYS, values.problems());
        Duration expiresAfter = AfterCareRules.DEFAULT_EXPIRY;
        if (fields.containsKey("expires_after")) {
            Duration read = values.duration(fields.get("expires_after"), "expires_after");
            expiresAfter = read == null ? expiresAfter : read;
        }
        return new AfterCareRules(expiresAfter, perCue(fields.get("cues")));
    }

    private Map<CueKind, Ask> perCue(Node node) {
        Map<CueKind, Ask> perCue = new EnumMap<>(AfterCareRules.DEFAULTS.perCue());
        if (node == null || Nodes.isNull(node)) {
            return perCue;
        }
        MappingNode mapping = values.mapping(node, "cues", "`cues: {crisis: none, sadness_grief: closing_line}`");
        if (mapping == null) {
            return perCue;
        }
        Map<CueKind, Node> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            CueKind kind = cues.kind(tuple.getKeyNode());
            if (kind == null) {
                continue;
            }
            Node first = seen.putIfAbsent(kind, tuple.getKeyNode());
            if (first != null) {
                values.problems().at(tuple.getKeyNode(), "cue `" + kind.wireName() + "` is given twice in"
                        + " `aftercare:`: already on line " + Nodes.line(first), "keep one of the two");
                continue;
            }
            Ask ask = values.choice(tuple.getValueNode(), kind.wireName(), ASKS);
            if (ask != null) {
                perCue.put(kind, ask);
            }
        }
        return perCue;
    }

    private static Map<String, Ask> asks() {
        Map<String, Ask> asks = new LinkedHashMap<>();
        for (Ask ask : Ask.values()) {
            asks.put(ask.wireName(), ask);
        }
        return asks;
    }
}
