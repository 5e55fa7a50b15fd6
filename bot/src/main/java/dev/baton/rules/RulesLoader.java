package dev.baton.rules;

import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.routing.HoursReader;
import dev.baton.routing.Roster;
import dev.baton.routing.RosterNames;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSetting;
import dev.baton.triage.CueSettings;
import dev.baton.yaml.ConfigException;
import dev.baton.yaml.Fields;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Problems;
import dev.baton.yaml.YamlDocument;
import java.io.Reader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads {@code config/rules.yaml} (whose comments document every key) into a {@link RuleBook}. Every
 * problem is collected and reported at once as {@code file:line:column: message} with a hint, in a
 * {@link ConfigException}, so a community manager fixes the file in one pass. Names the rules use are
 * checked against {@code team.yaml} and {@code knowledge.yaml} when those loaded; pass null for a file
 * that failed, and references to it are left unchecked rather than reported twice.
 */
public final class RulesLoader {

    static final List<String> KEYS = List.of("zone", "answer_confidence", "cues", "channels", "roles", "deadlines",
            "routes", "default", "aftercare");

    /** Named rather than {@code ZoneOffset.UTC}, which prints as "Z" in messages. */
    static final ZoneId UTC = ZoneId.of("UTC");

    private static final String DEFAULT_EXAMPLE = "`default: {team: support}`";

    private RulesLoader() {
    }

    /**
     * Reads {@code file} as UTF-8; any problem, including a missing file, is a {@link ConfigException}.
     *
     * @param roster    the loaded team.yaml, or null when it failed to load
     * @param knowledge the loaded knowledge.yaml, or null when it failed to load
     */
    public static RuleBook load(Path file, Roster roster, KnowledgeBase knowledge) {
        return load(file, roster, null, knowledge);
    }

    /**
     * As above; when team.yaml failed to load ({@code roster} null), people and teams are still checked against
     * {@code names}, what the team file writes (null when not even that could be read).
     */
    public static RuleBook load(Path file, Roster roster, RosterNames names, KnowledgeBase knowledge) {
        Objects.requireNonNull(file, "file");
        return fromRoot(file.toString(), YamlDocument.read(file, "rules file"), roster, names, knowledge);
    }

    /** Like {@link #load} for text from elsewhere (a draft); {@code origin} names the source in problems. */
    public static RuleBook parse(String origin, Reader reader, Roster roster, KnowledgeBase knowledge) {
        return parse(origin, reader, roster, null, knowledge);
    }

    /** Like {@link #load(Path, Roster, RosterNames, KnowledgeBase)} for text from elsewhere (a draft). */
    public static RuleBook parse(String origin, Reader reader, Roster roster, RosterNames names,
                                 KnowledgeBase knowledge) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reader, "reader");
        return fromRoot(origin, YamlDocument.parse(origin, reader, "rules file"), roster, names, knowledge);
    }

    private static RuleBook fromRoot(String origin, Node root, Roster roster, RosterNames names,
                                     KnowledgeBase knowledge) {
        Problems problems = new Problems(origin);
        RuleBook rules = read(root, problems, roster, roster == null ? names : null, topics(knowledge));
        if (problems.count() > 0) {
            throw new ConfigException(problems.inFileOrder());
        }
        return rules;
    }

    private static Set<String> topics(KnowledgeBase knowledge) {
        if (knowledge == null) {
            return null;
        }
        return knowledge.entries().stream().map(KnowledgeEntry::topic).filter(Objects::nonNull)
                .map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static RuleBook read(Node root, Problems problems, Roster roster, RosterNames names, Set<String> topics) {
        if (root == null || Nodes.isNull(root)) {
            problems.at(1, 1, "the file is empty, but a rules file needs at least `default:`, the route for every"
                    + " handoff", "add e.g. " + DEFAULT_EXAMPLE + ", or delete rules.yaml to use Baton's built-in"
                    + " rules (anyone on the roster, normal priority, no deadlines)");
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.at(root, "the top level must be a mapping of settings (" + String.join(", ", KEYS)
                    + "), but found " + Nodes.describe(root), "start with `default:` and add the rest as needed");
            return null;
        }
        RuleValues values = new RuleValues(problems);
        Map<String, Node> fields = Fields.read(mapping, KEYS, problems);
        ZoneId zone = zone(fields.get("zone"), values);
        double answerConfidence = fields.containsKey("answer_confidence")
                ? orElse(values.fraction(fields.get("answer_confidence"), "answer_confidence",
                        "how sure the knowledge-base match must be before Baton answers itself, e.g. 0.5"),
                        RuleBook.DEFAULT_ANSWER_CONFIDENCE)
                : RuleBook.DEFAULT_ANSWER_CONFIDENCE;
        CueReader cueReader = new CueReader(values);
        Map<CueKind, CueSetting> cueSettings = cueReader.read(fields.get("cues"), CueSettings.standard(), "");
        CueSettings cues = new CueSettings(cueSettings);
        Map<String, String> roles = roles(fields.get("roles"), values);
        ChannelReader.Channels channels = new ChannelReader(values, cueReader).read(fields.get("channels"), cues);
        DeadlinesReader deadlinesReader = new DeadlinesReader(values, roles);
        Map<Priority, Deadlines> deadlines = deadlinesReader.perPriority(fields.get("deadlines"));

        Vocabulary vocabulary = new Vocabulary(channels.names(), roles, roster, names, topics, zone);
        RouteReader routeReader = new RouteReader(values, cueReader, deadlinesReader, vocabulary);
        List<RouteReader.Read> routes = routeReader.routes(fields.get("routes"));
        RouteReader.Read fallback = null;
        if (fields.containsKey("default")) {
            fallback = routeReader.fallback(fields.get("default"), RuleValues.keyOf(mapping, "default"));
        } else {
            problems.at(root, "missing `default:`, the route for every handoff that no rule in `routes:` matches",
                    "add it at the end of the file, e.g. " + DEFAULT_EXAMPLE + "; `default: {}` sends them to"
                    + " anyone on the roster");
        }
        AfterCareRules aftercare = new AfterCareReader(values, cueReader).read(fields.get("aftercare"));
        RouteChecks.reachable(routes, problems);
        RouteChecks.sensitiveReachable(routes, vocabulary, problems);
        if (problems.count() > 0) {
            return null;
        }
        return new RuleBook(cues, channels.rules(), routes.stream().map(RouteReader.Read::route).toList(), fallback.route(),
                deadlines, answerConfidence, aftercare);
    }

    private static ZoneId zone(Node node, RuleValues values) {
        if (node == null || Nodes.isNull(node)) {
            return UTC;
        }
        String name = values.text(node, "zone");
        if (name == null) {
            return UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            String near = HoursReader.suggestZone(name).map(s -> " (did you mean `" + s + "`?)")
                    .orElse(name.matches("[A-Z]{2,5}") ? " (an abbreviation is not a place)" : "");
            values.problems().at(node, "unknown time zone `" + name + "`" + near, "use a tz database name such as"
                    + " Europe/London or America/New_York, which also knows when daylight saving applies");
            // Times in routes are still checked, against UTC, so their mistakes show in the same pass.
            return UTC;
        }
    }

    /**
     * {@code roles:}: Discord roles Baton may mention when escalating, by the name routes use. A role whose
     * id is wrong maps to null: it is reported here, and not again as unknown where it is used.
     */
    private static Map<String, String> roles(Node node, RuleValues values) {
        Map<String, String> roles = new LinkedHashMap<>();
        if (node == null || Nodes.isNull(node)) {
            return roles;
        }
        MappingNode mapping = values.mapping(node, "roles", "`roles: {moderators: \"1180000000000000099\"}`");
        if (mapping == null) {
            return roles;
        }
        Map<String, Node> names = new HashMap<>();
        Map<String, NodeTuple> ids = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = values.name(tuple.getKeyNode(), "role");
            String id = values.discordId(tuple.getValueNode(), name == null ? "role" : name, "role");
            if (name == null) {
                continue;
            }
            Node first = names.putIfAbsent(name, tuple.getKeyNode());
            if (first != null) {
                values.problems().at(tuple.getKeyNode(), "role `" + name + "` is given twice: already on line "
                        + Nodes.line(first), "keep one of the two");
                continue;
            }
            if (id == null) {
                roles.put(name, null);
                continue;
            }
            NodeTuple sameId = ids.putIfAbsent(id, tuple);
            if (sameId != null) {
                String other = ((ScalarNode) sameId.getKeyNode()).getValue();
                values.problems().at(tuple.getValueNode(), "role id " + id + " is already role `" + other
                        + "` on line " + Nodes.line(sameId.getKeyNode()), "one name per Discord role: use `" + other
                        + "` wherever you meant this one");
                continue;
            }
            roles.put(name, id);
        }
        return roles;
    }

    private static double orElse(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
