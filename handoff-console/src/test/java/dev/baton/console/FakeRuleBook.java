package dev.baton.console;

import dev.baton.console.api.ConfigProblem;
import dev.baton.console.api.StaffMember;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A small stand-in for Baton's {@code rules.yaml} loader, for {@link FakeRulesBackend}: the same
 * vocabulary (cues, channels, deadlines, routes, default), unknown keys and names reported with
 * line, column and a hint, and first-match routing. Time-of-day conditions are accepted and ignored.
 */
final class FakeRuleBook {

    static final List<String> CUES = List.of("crisis", "anger", "sadness_grief", "anxiety", "urgency", "frustration",
            "human_request", "nonlinear", "out_of_scope");
    static final List<String> PRIORITIES = List.of("urgent", "high", "normal", "low");
    private static final List<String> TOP = List.of("answer_confidence", "cues", "channels", "deadlines", "routes",
            "default");

    record Channel(String name, String id, boolean whenMentioned) {
    }

    /** @param team null with person null: anyone */
    record Route(String name, int line, Set<String> cues, Set<String> channels, Set<String> roles, String team,
                 String person, String priority, boolean privateThread) {

        boolean holds(String reason, String channel, List<String> customerRoles) {
            return (cues.isEmpty() || cues.contains(reason))
                    && (channels.isEmpty() || (channel != null && channels.contains(channel)))
                    && (roles.isEmpty() || customerRoles.stream().anyMatch(r -> roles.contains(r.toLowerCase(Locale.ROOT))));
        }
    }

    record Parsed(FakeRuleBook book, List<ConfigProblem> problems) {
    }

    final Set<String> disabledCues = new LinkedHashSet<>();
    final Map<String, Channel> channels = new LinkedHashMap<>();
    final List<Route> routes = new ArrayList<>();
    Route fallback = new Route("default", 0, Set.of(), Set.of(), Set.of(), null, null, "normal", false);

    private final String file;
    private final List<StaffMember> staff;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private FakeRuleBook(String file, List<StaffMember> staff) {
        this.file = file;
        this.staff = staff;
    }

    /** The first route that holds, else the default. */
    Route route(String reason, String channel, List<String> roles) {
        return routes.stream().filter(r -> r.holds(reason, channel, roles)).findFirst().orElse(fallback);
    }

    /** A channel by id or name. */
    Optional<Channel> channel(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        String key = idOrName.trim().replaceFirst("^#", "");
        return channels.values().stream().filter(c -> c.id().equals(key) || c.name().equals(key)).findFirst();
    }

    static Parsed parse(String text, List<StaffMember> staff) {
        FakeRuleBook book = new FakeRuleBook("rules.yaml", staff);
        Node root = book.compose(text);
        if (root != null && book.problems.isEmpty()) {
            book.read(root);
        }
        return new Parsed(book, List.copyOf(book.problems));
    }

    /** Other files: only whether they are YAML at all. */
    static List<ConfigProblem> syntax(String file, String text) {
        FakeRuleBook book = new FakeRuleBook(file, List.of());
        book.compose(text);
        return List.copyOf(book.problems);
    }

    private Node compose(String text) {
        try {
            return new Yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new ConfigProblem(file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "this is not valid YAML: " + e.getProblem(),
                    "check the indentation and that every \"key: value\" has a space after the colon"));
            return null;
        }
    }

    private void read(Node root) {
        MappingNode top = mapping(root, "the file");
        if (top == null) {
            return;
        }
        boolean sawDefault = false;
        for (NodeTuple tuple : top.getValue()) {
            String key = key(tuple, TOP, "top-level key");
            if (key == null) {
                continue;
            }
            Node value = tuple.getValueNode();
            switch (key) {
                case "cues" -> cues(value);
                case "channels" -> channels(value);
                case "routes" -> routes(value);
                case "default" -> {
                    sawDefault = true;
                    MappingNode m = mapping(value, "default");
                    if (m != null) {
                        for (NodeTuple t : m.getValue()) {
                            if ("then".equals(key(t, List.of("then"), "key of default"))) {
                                fallback = then("default", tuple.getKeyNode().getStartMark().getLine() + 1, Set.of(),
                                        Set.of(), Set.of(), t.getValueNode());
                            }
                        }
                    }
                }
                default -> {
                    // answer_confidence and deadlines: accepted as written
                }
            }
        }
        if (!sawDefault) {
            problems.add(new ConfigProblem(file, 1, 1, "the default route is missing",
                    "add at the end: default: { then: { team: support, priority: normal } }"));
        }
    }

    private void cues(Node value) {
        MappingNode m = mapping(value, "cues");
        if (m == null) {
            return;
        }
        for (NodeTuple t : m.getValue()) {
            String cue = key(t, CUES, "cue");
            MappingNode setting = cue == null ? null : mapping(t.getValueNode(), "cue " + cue);
            if (setting == null) {
                continue;
            }
            for (NodeTuple s : setting.getValue()) {
                String k = key(s, List.of("enabled", "sensitivity"), "key of a cue");
                if ("enabled".equals(k) && "false".equals(scalar(s.getValueNode()))) {
                    if (cue.equals("crisis") || cue.equals("human_request") || cue.equals("out_of_scope")) {
                        problem(s.getValueNode(), cue + " cannot be turned off", "make it less sensitive instead: sensitivity: low");
                    } else {
                        disabledCues.add(cue);
                    }
                }
                if ("sensitivity".equals(k)) {
                    oneOf(s.getValueNode(), List.of("low", "normal", "high"), "sensitivity");
                }
            }
        }
    }

    private void channels(Node value) {
        MappingNode m = mapping(value, "channels");
        if (m == null) {
            return;
        }
        for (NodeTuple t : m.getValue()) {
            String name = scalar(t.getKeyNode());
            MappingNode channel = mapping(t.getValueNode(), "channel " + name);
            if (channel == null) {
                continue;
            }
            String id = null;
            boolean mentioned = false;
            for (NodeTuple c : channel.getValue()) {
                String k = key(c, List.of("id", "answer", "cues"), "key of a channel");
                if ("id".equals(k)) {
                    id = scalar(c.getValueNode());
                    if (id == null || !id.matches("\\d{17,20}")) {
                        problem(c.getValueNode(), "a channel id is 17 to 20 digits",
                                "in Discord, right-click the channel > Copy Channel ID, and put it in quotes");
                    }
                } else if ("answer".equals(k)) {
                    mentioned = "when_mentioned".equals(oneOf(c.getValueNode(), List.of("always", "when_mentioned"), "answer"));
                } else if ("cues".equals(k)) {
                    cues(c.getValueNode());
                }
            }
            if (id == null) {
                problem(t.getKeyNode(), "channel " + name + " has no id", "add id: \"<the channel's Discord id>\"");
            } else {
                channels.put(name, new Channel(name, id, mentioned));
            }
        }
    }

    private void routes(Node value) {
        if (!(value instanceof SequenceNode list)) {
            problem(value, "routes must be a list, each item starting with \"- name:\"", "");
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        for (Node item : list.getValue()) {
            MappingNode route = mapping(item, "a route");
            if (route == null) {
                continue;
            }
            String name = null;
            Set<String> cues = Set.of();
            Set<String> channelNames = Set.of();
            Set<String> roles = Set.of();
            Node thenNode = null;
            for (NodeTuple t : route.getValue()) {
                String k = key(t, List.of("name", "when", "then", "deadlines"), "key of a route");
                if ("name".equals(k)) {
                    name = scalar(t.getValueNode());
                    if (name != null && !names.add(name)) {
                        problem(t.getValueNode(), "two routes are named \"" + name + "\"", "give each route its own name");
                    }
                } else if ("then".equals(k)) {
                    thenNode = t.getValueNode();
                } else if ("when".equals(k)) {
                    MappingNode when = mapping(t.getValueNode(), "when");
                    if (when == null) {
                        continue;
                    }
                    for (NodeTuple w : when.getValue()) {
                        String wk = key(w, List.of("cue", "topic", "channel", "role", "time"), "condition");
                        if ("cue".equals(wk)) {
                            cues = names(w.getValueNode(), CUES, "cue");
                        } else if ("channel".equals(wk)) {
                            channelNames = names(w.getValueNode(), List.copyOf(channels.keySet()), "channel");
                        } else if ("role".equals(wk)) {
                            roles = lower(values(w.getValueNode()));
                        }
                    }
                }
            }
            int line = item.getStartMark().getLine() + 1;
            if (name == null) {
                problem(item, "this route has no name", "add name: a few words that say what it is for");
                continue;
            }
            if (thenNode == null) {
                problem(item, "route \"" + name + "\" has no then", "add then: { team: support }");
                continue;
            }
            routes.add(then(name, line, cues, channelNames, roles, thenNode));
        }
    }

    private Route then(String name, int line, Set<String> cues, Set<String> channelNames, Set<String> roles, Node node) {
        MappingNode then = mapping(node, "then");
        String team = null;
        String person = null;
        String priority = "normal";
        boolean privateThread = false;
        if (then != null) {
            for (NodeTuple t : then.getValue()) {
                String k = key(t, List.of("team", "person", "priority", "private_thread"), "key of then");
                String v = scalar(t.getValueNode());
                if ("team".equals(k)) {
                    team = oneOf(t.getValueNode(), staff.stream().map(StaffMember::team).distinct().toList(), "team");
                } else if ("person".equals(k)) {
                    person = oneOf(t.getValueNode(), staff.stream().map(StaffMember::id).toList(), "person");
                } else if ("priority".equals(k)) {
                    priority = Optional.ofNullable(oneOf(t.getValueNode(), PRIORITIES, "priority")).orElse("normal");
                } else if ("private_thread".equals(k)) {
                    privateThread = "true".equals(v);
                }
            }
        }
        return new Route(name, line, cues, channelNames, roles, team, person, priority, privateThread);
    }

    // ---- helpers: every problem names where it is

    private MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode m) {
            return m;
        }
        problem(node, what + " must be a set of \"key: value\" lines", "");
        return null;
    }

    /** The key of a tuple if it is one of {@code allowed}; else a problem with a near miss, and null. */
    private String key(NodeTuple tuple, List<String> allowed, String what) {
        String key = scalar(tuple.getKeyNode());
        if (key != null && allowed.contains(key)) {
            return key;
        }
        problem(tuple.getKeyNode(), "unknown " + what + " \"" + key + "\"", hint(key, allowed));
        return null;
    }

    private String oneOf(Node node, List<String> allowed, String what) {
        String value = scalar(node);
        if (value != null && allowed.contains(value)) {
            return value;
        }
        problem(node, "unknown " + what + " \"" + value + "\"", hint(value, allowed));
        return null;
    }

    private Set<String> names(Node node, List<String> allowed, String what) {
        Set<String> out = new LinkedHashSet<>();
        for (Node item : node instanceof SequenceNode s ? s.getValue() : List.of(node)) {
            String v = oneOf(item, allowed, what);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static List<String> values(Node node) {
        List<String> out = new ArrayList<>();
        for (Node item : node instanceof SequenceNode s ? s.getValue() : List.of(node)) {
            if (scalar(item) != null) {
                out.add(scalar(item));
            }
        }
        return out;
    }

    private static Set<String> lower(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return out;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private void problem(Node node, String message, String hint) {
        Mark mark = node.getStartMark();
        problems.add(new ConfigProblem(file, mark.getLine() + 1, mark.getColumn() + 1, message, hint));
    }

    /** "did you mean …?" for a near miss, else the whole list. */
    static String hint(String value, List<String> allowed) {
        if (allowed.isEmpty()) {
            return "";
        }
        if (value != null) {
            Optional<String> near = allowed.stream()
                    .min(Comparator.comparingInt(a -> distance(a, value)))
                    .filter(a -> distance(a, value) <= 2);
            if (near.isPresent()) {
                return "did you mean " + near.get() + "?";
            }
        }
        return "use one of: " + String.join(", ", allowed);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
