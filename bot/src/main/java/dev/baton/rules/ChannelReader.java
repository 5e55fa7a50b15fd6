package dev.baton.rules;

import dev.baton.triage.CueKind;
import dev.baton.triage.CueSetting;
import dev.baton.triage.CueSettings;
import dev.baton.yaml.Fields;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Snowflakes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads {@code channels:}: a name per Discord channel (what routes refer to) with its id, whether Baton
 * answers every message there or only when mentioned, and the channel's own cue settings.
 */
final class ChannelReader {

    static final List<String> KEYS = List.of("id", "answer", "cues");

    /** In the order messages list them. */
    static final Map<String, Answering> ANSWERING = answering();

    private final RuleValues values;
    private final CueReader cues;

    ChannelReader(RuleValues values, CueReader cues) {
        this.values = values;
        this.cues = cues;
    }

    /**
     * @param rules every channel read without problems, in file order
     * @param names every channel name given, to its id; null for a channel with problems, so a route that
     *              names it is not also told the channel does not exist
     */
    record Channels(List<ChannelRule> rules, Map<String, String> names) {
    }

    Channels read(Node node, CueSettings community) {
        List<ChannelRule> channels = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        if (node == null || Nodes.isNull(node)) {
            return new Channels(channels, named);
        }
        MappingNode mapping = values.mapping(node, "channels",
                "`channels: {billing: {id: \"1180000000000000001\"}}`");
        if (mapping == null) {
            return new Channels(channels, named);
        }
        Map<String, Node> names = new HashMap<>();
        Map<String, Located> ids = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = values.name(tuple.getKeyNode(), "channel");
            if (name != null) {
                Node first = names.putIfAbsent(name, tuple.getKeyNode());
                if (first != null) {
                    values.problems().at(tuple.getKeyNode(), "channel `" + name + "` is given twice: already on"
                            + " line " + Nodes.line(first), "merge the two into one");
                    continue;
                }
            }
            ChannelRule channel = channel(name, tuple.getValueNode(), community, ids);
            if (name != null) {
                named.put(name, channel == null ? null : channel.channelId());
            }
            if (channel != null && name != null) {
                channels.add(channel);
            }
        }
        return new Channels(channels, named);
    }

    private ChannelRule channel(String name, Node node, CueSettings community, Map<String, Located> ids) {
        String label = name == null ? "this channel" : "channel `" + name + "`";
        if (!(node instanceof MappingNode mapping)) {
            values.problems().at(node, label + " must be a mapping with `id:` (and optionally `answer:` and `cues:`),"
                    + " but found " + Nodes.describe(node), "e.g. `" + (name == null ? "billing" : name)
                    + ": {id: \"1180000000000000001\"}`");
            return null;
        }
        int before = values.problems().count();
        Map<String, Node> fields = Fields.read(mapping, KEYS, values.problems());
        String id = id(fields.get("id"), mapping, label, name, ids);
        Answering answering = fields.containsKey("answer")
                ? values.choice(fields.get("answer"), "answer", ANSWERING) : Answering.ALWAYS;
        Map<CueKind, CueSetting> overrides = cues.read(fields.get("cues"), community,
                name == null ? " in this channel" : " in channel `" + name + "`");
        // A bad name was reported before `before`; the rest of the channel is still read for its own mistakes.
        return values.problems().count() == before && name != null
                ? new ChannelRule(name, id, answering, overrides) : null;
    }

    private String id(Node node, MappingNode channel, String label, String name, Map<String, Located> ids) {
        if (node == null) {
            values.problems().at(channel, label + " is missing `id:` (its Discord channel id, in quotes)",
                    Snowflakes.HOW_TO_COPY);
            return null;
        }
        String id = values.discordId(node, "id", "channel");
        if (id == null) {
            return null;
        }
        Located first = ids.putIfAbsent(id, new Located(name, node));
        if (first != null) {
            values.problems().at(node, "channel id " + id + " is already channel `" + first.name() + "` on line "
                    + Nodes.line(first.node()), "one entry per Discord channel: merge the two into `" + first.name()
                    + "`");
            return null;
        }
        return id;
    }

    private record Located(String name, Node node) {
    }

    private static Map<String, Answering> answering() {
        Map<String, Answering> map = new LinkedHashMap<>();
        map.put("always", Answering.ALWAYS);
        map.put("when_mentioned", Answering.WHEN_MENTIONED);
        return map;
    }
}
