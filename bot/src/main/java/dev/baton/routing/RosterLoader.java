package dev.baton.routing;

import dev.baton.yaml.ConfigException;
import dev.baton.yaml.Fields;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Problems;
import dev.baton.yaml.Scalars;
import dev.baton.yaml.YamlDocument;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads the hand-written team file ({@code config/team.yaml}, whose comments document every key).
 * Every problem is collected and reported at once as {@code file:line:column: message}, in a
 * {@link ConfigException}, so the file can be fixed in one pass.
 */
public final class RosterLoader {

    static final List<String> KEYS = List.of("typical_pickup_minutes", "people");

    static final int DEFAULT_TYPICAL_PICKUP_MINUTES = 10;

    private RosterLoader() {
    }

    /** Reads {@code file} as UTF-8; any problem, including a missing file, is a {@link ConfigException}. */
    public static Roster load(Path file) {
        Objects.requireNonNull(file, "file");
        return fromRoot(file.toString(), YamlDocument.read(file, "team file"));
    }

    /** @param origin how to name the source in problems, usually the file path */
    public static Roster parse(String origin, Reader reader) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reader, "reader");
        return fromRoot(origin, YamlDocument.parse(origin, reader, "team file"));
    }

    /**
     * The ids and teams {@code file} names, even in entries with problems (see {@link RosterNames});
     * null when the file cannot be read as YAML or has no {@code people:} list.
     */
    public static RosterNames names(Path file) {
        try {
            return names(YamlDocument.read(file, "team file"));
        } catch (ConfigException e) {
            return null;
        }
    }

    /** As {@link #names(Path)}, from text. */
    public static RosterNames names(String origin, Reader reader) {
        try {
            return names(YamlDocument.parse(origin, reader, "team file"));
        } catch (ConfigException e) {
            return null;
        }
    }

    private static RosterNames names(Node root) {
        if (!(root instanceof MappingNode mapping)) {
            return null;
        }
        Node list = null;
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().strip().equals("people")) {
                list = tuple.getValueNode();
            }
        }
        if (!(list instanceof SequenceNode sequence)) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        for (Node person : sequence.getValue()) {
            if (!(person instanceof MappingNode fields)) {
                continue;
            }
            for (NodeTuple tuple : fields.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && tuple.getValueNode() instanceof ScalarNode value
                        && !value.getValue().isBlank()) {
                    String text = value.getValue().strip();
                    switch (key.getValue().strip()) {
                        case "id" -> ids.add(text);
                        case "team" -> {
                            if (!teams.contains(text)) {
                                teams.add(text);
                            }
                        }
                        default -> { }
                    }
                }
            }
        }
        return new RosterNames(ids, teams);
    }

    private static Roster fromRoot(String origin, Node root) {
        Problems problems = new Problems(origin);
        Roster roster = read(root, problems);
        if (problems.count() > 0) {
            throw new ConfigException(problems.inFileOrder());
        }
        return roster;
    }

    private static Roster read(Node root, Problems problems) {
        if (root == null || Nodes.isNull(root)) {
            problems.at(1, 1, "the file is empty; it needs a top-level `people:` list");
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.at(root, "the top level must be `typical_pickup_minutes:` and `people:`, but found "
                    + Nodes.describe(root));
            return null;
        }
        Map<String, Node> fields = Fields.read(mapping, KEYS, problems);
        Integer pickup = Scalars.wholeNumber(fields.get("typical_pickup_minutes"), "typical_pickup_minutes", 1,
                DEFAULT_TYPICAL_PICKUP_MINUTES, problems);
        Node list = fields.get("people");
        if (list == null) {
            problems.at(root, "missing top-level `people:` list (who conversations can be handed to)");
            return null;
        }
        if (!(list instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problems.at(list, Nodes.isNull(list) || list instanceof SequenceNode
                    ? "`people` is empty; add at least one person"
                    : "`people` must be a list of people (each starting with `- id:`), but found " + Nodes.describe(list));
            return null;
        }
        List<Person> people = readEach(sequence, keyNode(mapping, "people"), problems);
        return problems.count() > 0 ? null : new Roster(people, Duration.ofMinutes(pickup));
    }

    private static List<Person> readEach(SequenceNode sequence, Node peopleKey, Problems problems) {
        PersonReader reader = new PersonReader(problems);
        Map<String, Node> firstIds = new HashMap<>();
        Map<String, PersonReader.Result> firstDiscordIds = new HashMap<>();
        List<Person> people = new ArrayList<>();
        boolean anySensitive = false;
        for (Node node : sequence.getValue()) {
            PersonReader.Result result = reader.read(node);
            anySensitive |= result.sensitive();
            if (result.id() != null) {
                Node first = firstIds.putIfAbsent(result.id(), result.idNode());
                if (first != null) {
                    problems.at(result.idNode(), "duplicate id `" + result.id() + "`: already used on line "
                            + Nodes.line(first));
                }
            }
            if (result.discordUserId() != null) {
                PersonReader.Result first = firstDiscordIds.putIfAbsent(result.discordUserId(), result);
                if (first != null) {
                    String owner = first.id() == null ? "" : " by `" + first.id() + "`";
                    problems.at(result.discordNode(), "duplicate discord_user_id " + result.discordUserId()
                            + ": already used" + owner + " on line " + Nodes.line(first.discordNode()));
                }
            }
            if (result.person() != null) {
                people.add(result.person());
            }
        }
        if (!anySensitive) {
            problems.at(peopleKey, "crisis and grief handoffs need at least one person with `sensitive: true`");
        }
        return people;
    }

    private static Node keyNode(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().strip().equals(key)) {
                return scalar;
            }
        }
        throw new IllegalStateException("no key `" + key + "`");
    }
}
