package dev.baton.rules;

import dev.baton.routing.Shift;
import dev.baton.routing.ShiftSyntax;
import dev.baton.triage.CueKind;
import dev.baton.yaml.Fields;
import dev.baton.yaml.NearMiss;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Scalars;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code routes:} (each {@code name}, {@code when}, {@code then}) and {@code default:}, resolving
 * every name they use against the {@link Vocabulary}, so a typo in a team or channel is caught here
 * rather than sending handoffs nowhere.
 */
final class RouteReader {

    static final List<String> ROUTE_KEYS = List.of("name", "when", "then");
    static final List<String> WHEN_KEYS = List.of("cue", "topic", "channel", "role", "time");
    static final List<String> THEN_KEYS = List.of("team", "person", "priority", "private_thread", "deadlines");

    private static final String THEN_EXAMPLE = "`then: {team: support, priority: high}`";

    /** A route as read, with where its parts were written, for the checks across routes. */
    record Read(Route route, Node node, Node nameNode, Node targetNode) {
    }

    private final RuleValues values;
    private final CueReader cues;
    private final DeadlinesReader deadlines;
    private final Vocabulary vocabulary;

    RouteReader(RuleValues values, CueReader cues, DeadlinesReader deadlines, Vocabulary vocabulary) {
        this.values = values;
        this.cues = cues;
        this.deadlines = deadlines;
        this.vocabulary = vocabulary;
    }

    /** The routes in file order; a route with a problem is reported and left out. */
    List<Read> routes(Node node) {
        List<Read> routes = new ArrayList<>();
        if (node == null || Nodes.isNull(node)) {
            return routes;
        }
        if (!(node instanceof SequenceNode sequence)) {
            values.problems().at(node, "`routes` must be a list of routes (each starting with `- name:`), but found "
                    + Nodes.describe(node), "start each route with `- name:` on its own line, indented under"
                    + " `routes:`");
            return routes;
        }
        Map<String, Node> names = new HashMap<>();
        for (Node item : sequence.getValue()) {
            Read read = route(item, names);
            if (read != null) {
                routes.add(read);
            }
        }
        return routes;
    }

    /**
     * The required {@code default:}: a {@code then} with no {@code when}.
     *
     * @param keyNode the {@code default:} key, whose line the route is said to start on
     */
    Read fallback(Node node, Node keyNode) {
        if (!(node instanceof MappingNode mapping)) {
            values.problems().at(node, "`default` must be a mapping such as {team: support}, but found "
                    + Nodes.describe(node), "e.g. `default: {team: support, priority: normal}`, or `default: {}`"
                    + " for anyone on the roster at normal priority");
            return null;
        }
        int before = values.problems().count();
        Then then = then(mapping, RuleBook.DEFAULT_ROUTE, "`default`");
        return values.problems().count() > before ? null : new Read(new Route(RuleBook.DEFAULT_ROUTE,
                Nodes.line(keyNode), Conditions.ALWAYS, then.target(), then.priority(), then.privateThread(),
                then.deadlines()), node, node, then.targetNode());
    }

    private Read route(Node node, Map<String, Node> names) {
        if (!(node instanceof MappingNode mapping)) {
            values.problems().at(node, "each route must be a mapping starting with `- name:`, but found "
                    + Nodes.describe(node), "e.g. `- name: billing channel` then `when:` and `then:` under it");
            return null;
        }
        int before = values.problems().count();
        Map<String, Node> fields = Fields.read(mapping, ROUTE_KEYS, values.problems());
        String name = name(fields.get("name"), mapping, names);
        String label = name == null ? "this route" : "route `" + name + "`";
        Conditions when = when(fields.get("when"));
        Node thenNode = fields.get("then");
        Then then = null;
        if (thenNode == null) {
            values.problems().at(mapping, label + " is missing `then:` (where its handoffs go)", "e.g. " + THEN_EXAMPLE);
        } else {
            MappingNode thenMapping = values.mapping(thenNode, "then", THEN_EXAMPLE);
            then = thenMapping == null ? null : then(thenMapping, name, label);
        }
        if (values.problems().count() > before || then == null) {
            return null;
        }
        return new Read(new Route(name, Nodes.line(node), when, then.target(), then.priority(), then.privateThread(),
                then.deadlines()), node, fields.get("name"), then.targetNode());
    }

    private String name(Node node, MappingNode route, Map<String, Node> names) {
        if (node == null) {
            values.problems().at(route, "route is missing `name:`", "start it with a short name people will"
                    + " recognise in the console and in replays, e.g. `- name: grief goes to the community team`");
            return null;
        }
        String name = Scalars.text(node, "name", values.problems());
        if (name == null) {
            return null;
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals(RuleBook.DEFAULT_ROUTE)) {
            values.problems().at(node, "`default` is the name of the route under `default:`, so a route cannot"
                    + " use it", "give this route a name that says what it is for, or move its `then:` to"
                    + " `default:`");
            return null;
        }
        Node first = names.putIfAbsent(key, node);
        if (first != null) {
            values.problems().at(node, "route name `" + name + "` is already used on line " + Nodes.line(first),
                    "give each route its own name: the console, replays and the health page count by name");
            return null;
        }
        return name;
    }

    // ---------------------------------------------------------------------------------------- when

    private Conditions when(Node node) {
        if (node == null || Nodes.isNull(node)) {
            return Conditions.ALWAYS;
        }
        MappingNode mapping = values.mapping(node, "when", "`when: {cue: anger, channel: billing}`");
        if (mapping == null) {
            return null;
        }
        Map<String, Node> fields = Fields.read(mapping, WHEN_KEYS, values.problems());
        Set<CueKind> cueKinds = EnumSet.noneOf(CueKind.class);
        each(fields.get("cue"), "cue", item -> {
            CueKind kind = cues.kind(item);
            if (kind != null) {
                cueKinds.add(kind);
            }
        });
        Set<String> topics = new LinkedHashSet<>();
        each(fields.get("topic"), "topic", item -> topic(item).ifPresent(topics::add));
        Set<String> channels = new LinkedHashSet<>();
        each(fields.get("channel"), "channel", item -> channel(item).ifPresent(channels::add));
        Set<String> roles = new LinkedHashSet<>();
        each(fields.get("role"), "role", item -> roles.add(item.getValue().strip()));
        List<Shift> shifts = new ArrayList<>();
        each(fields.get("time"), "time", item -> shift(item).ifPresent(shifts::add));
        TimeWindow time = null;
        if (fields.containsKey("time") && !shifts.isEmpty()) {
            time = new TimeWindow(shifts, vocabulary.zone(), written(fields.get("time")));
        }
        return new Conditions(cueKinds, topics, channels, roles, time);
    }

    private void each(Node node, String key, Consumer<ScalarNode> read) {
        if (node == null) {
            return;
        }
        List<ScalarNode> items = values.oneOrMany(node, key);
        if (items != null) {
            items.forEach(read);
        }
    }

    private Optional<String> topic(ScalarNode node) {
        String topic = node.getValue().strip();
        if (vocabulary.topics() == null || vocabulary.knowsTopic(topic)) {
            return Optional.of(topic);
        }
        List<String> known = vocabulary.topics().stream().sorted().toList();
        Optional<String> near = NearMiss.suggest(topic, known);
        values.problems().at(node, "no knowledge-base entry has topic `" + topic + "`"
                + near.map(s -> " (did you mean `" + s + "`?)").orElse(""), known.isEmpty()
                ? "give entries in knowledge.yaml a `topic:` first"
                : "topics in knowledge.yaml: " + String.join(", ", known));
        return Optional.empty();
    }

    /** A name from {@code channels:}, or a channel id in quotes (threads count as their parent). */
    private Optional<String> channel(ScalarNode node) {
        String written = node.getValue().strip();
        if (written.chars().allMatch(Character::isDigit)) {
            return Optional.ofNullable(values.discordId(node, "channel", "channel"));
        }
        if (vocabulary.channels().containsKey(written)) {
            // Null when the channel's own entry is wrong; that was reported under `channels:` already.
            return Optional.ofNullable(vocabulary.channels().get(written));
        }
        Optional<String> near = NearMiss.suggest(written, vocabulary.channels().keySet());
        values.problems().at(node, "unknown channel `" + written + "`" + near.map(s -> " (did you mean `" + s + "`?)")
                .orElse(""), vocabulary.channels().isEmpty()
                ? "name it under `channels:` with its Discord id (e.g. `" + written + ": {id: \"1180000000000000001\"}`),"
                  + " or give the id here in quotes"
                : "channels are named under `channels:`: " + String.join(", ", vocabulary.channels().keySet())
                  + "; or give a channel id in quotes");
        return Optional.empty();
    }

    private Optional<Shift> shift(ScalarNode node) {
        try {
            return Optional.of(ShiftSyntax.parse(node.getValue()));
        } catch (IllegalArgumentException e) {
            values.problems().at(node, "`time`: " + e.getMessage().replace("shift `", "`"),
                    "e.g. `time: \"mon-fri 18:00-09:00\"` (a time that ends earlier than it starts runs past"
                    + " midnight), in the zone given by `zone:` (" + vocabulary.zone() + ")");
            return Optional.empty();
        }
    }

    private static String written(Node node) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(n -> ((ScalarNode) n).getValue().strip())
                    .collect(Collectors.joining(", "));
        }
        return ((ScalarNode) node).getValue().strip();
    }

    // ---------------------------------------------------------------------------------------- then

    private record Then(Target target, Node targetNode, Priority priority, Boolean privateThread,
                        Deadlines deadlines) {
    }

    private Then then(MappingNode mapping, String name, String label) {
        Map<String, Node> fields = Fields.read(mapping, THEN_KEYS, values.problems());
        Node team = fields.get("team");
        Node person = fields.get("person");
        Target target = new Target.Anyone();
        Node targetNode = null;
        if (team != null && person != null) {
            values.problems().at(RuleValues.keyOf(mapping, "person"), label + " gives both `team` and `person`;"
                    + " it sends to one or the other", "keep `person:` to always ask that person, or `team:` to let"
                    + " Baton choose within the team");
        } else if (team != null) {
            target = team(team);
            targetNode = team;
        } else if (person != null) {
            target = person(person);
            targetNode = person;
        }
        Priority priority = fields.containsKey("priority")
                ? values.choice(fields.get("priority"), "priority", DeadlinesReader.PRIORITIES) : Priority.NORMAL;
        Boolean privateThread = fields.containsKey("private_thread")
                ? Scalars.flag(fields.get("private_thread"), "private_thread", false, values.problems()) : null;
        Deadlines own = fields.containsKey("deadlines")
                ? deadlines.read(fields.get("deadlines"), "deadlines", name == null ? "" : " of " + label) : null;
        return new Then(target, targetNode, priority, privateThread, own);
    }

    private Target team(Node node) {
        String written = values.text(node, "team");
        if (written == null) {
            return null;
        }
        if (!vocabulary.knowsPeople()) {
            return new Target.Team(written);
        }
        Optional<String> team = vocabulary.team(written);
        if (team.isPresent()) {
            return new Target.Team(team.get());
        }
        List<String> teams = vocabulary.teams();
        Optional<String> near = NearMiss.suggest(written, teams);
        values.problems().at(node, "no one in team.yaml is in team `" + written + "`"
                + near.map(s -> " (did you mean `" + s + "`?)").orElse(""), teams.isEmpty()
                ? "nobody in team.yaml has a `team:` yet; give people one, or use `person:` here"
                : "teams in team.yaml: " + String.join(", ", teams));
        return null;
    }

    private Target person(Node node) {
        String id = values.text(node, "person");
        if (id == null) {
            return null;
        }
        if (!vocabulary.knowsPeople() || vocabulary.personIds().contains(id)) {
            return new Target.Named(id);
        }
        List<String> ids = vocabulary.personIds();
        Optional<String> near = NearMiss.suggest(id, ids);
        values.problems().at(node, "no one in team.yaml has id `" + id + "`"
                + near.map(s -> " (did you mean `" + s + "`?)").orElse(""),
                "use a person's `id:` from team.yaml (not their display name): " + String.join(", ", ids));
        return null;
    }
}
