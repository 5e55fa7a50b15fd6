package dev.baton.llm;

import dev.baton.rules.DurationSyntax;
import dev.baton.yaml.ConfigException;
import dev.baton.yaml.Fields;
import dev.baton.yaml.NearMiss;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Problems;
import dev.baton.yaml.Scalars;
import dev.baton.yaml.YamlDocument;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code config/llm.yaml} into a {@link ModelFile}; every problem is reported at once with its
 * file:line:column and a hint. Every key is optional, and an empty file (or one of comments only, as shipped)
 * is {@link ModelFile#ABSENT}. An API key is refused wherever it is written: it only ever comes from
 * {@code BATON_LLM_API_KEY}.
 */
public final class ModelFileLoader {

    static final List<String> KEYS = List.of("base_url", "model", "timeout", "retries", "use", "band", "breaker",
            "json_schema", "concurrent");
    static final List<String> BREAKER_KEYS = List.of("failures", "open_for");

    /** The one hint for a secret in the file, wherever it is written. */
    static final String SECRET_HINT = "put the key in the " + ModelSettings.API_KEY + " environment variable;"
            + " config files get shared and committed";

    static final Duration SHORTEST_TIMEOUT = Duration.ofSeconds(1);
    static final Duration LONGEST_TIMEOUT = Duration.ofSeconds(30);
    static final double WIDEST_BAND = 0.5;
    /** More consecutive failures than this before pausing is not a breaker any more. */
    static final int MOST_FAILURES = 100;
    static final Duration SHORTEST_OPEN = Duration.ofSeconds(1);
    /** A model to be left alone for longer than this is better taken out of {@code use:}. */
    static final Duration LONGEST_OPEN = Duration.ofHours(1);
    static final int MOST_CONCURRENT = 64;

    private static final String WHAT = "language model file";
    /** Key names, lowercased without {@code _} and {@code -}, that can only mean a secret. */
    private static final Set<String> SECRET_NAMES = Set.of("apikey", "key", "token", "secret", "password");
    /** The grammar of {@link DurationSyntax}: a text it refuses although it matches this is zero or too long. */
    private static final Pattern DURATION_SHAPE = Pattern.compile("(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?");
    private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/?#]*@");
    private static final String BREAKER_EXAMPLE = "`breaker: {failures: 3, open_for: 60s}`";

    private final Problems problems;

    private ModelFileLoader(Problems problems) {
        this.problems = problems;
    }

    /** Reads {@code file} as UTF-8; any problem, including a missing file, is a {@link ConfigException}. */
    public static ModelFile load(Path file) {
        Objects.requireNonNull(file, "file");
        return fromRoot(file.toString(), YamlDocument.read(file, WHAT));
    }

    /** Like {@link #load} for text from elsewhere (a draft); {@code origin} names the source in problems. */
    public static ModelFile parse(String origin, Reader reader) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reader, "reader");
        return fromRoot(origin, YamlDocument.parse(origin, reader, WHAT));
    }

    private static ModelFile fromRoot(String origin, Node root) {
        Problems problems = new Problems(origin);
        ModelFile file = new ModelFileLoader(problems).read(root);
        if (problems.count() > 0) {
            throw new ConfigException(problems.inFileOrder());
        }
        return file;
    }

    private ModelFile read(Node root) {
        if (root == null || Nodes.isNull(root)) {
            return ModelFile.ABSENT;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.at(root, "the file must be a mapping of settings (" + String.join(", ", KEYS) + "), but found "
                    + Nodes.describe(root), "write one setting per line, such as `model: llama3.2`; the comments in"
                    + " the shipped llm.yaml describe each");
            return null;
        }
        Map<String, Node> fields = Fields.read(withoutSecrets(mapping), KEYS, problems);
        ModelTuning defaults = ModelTuning.DEFAULTS;
        Optional<URI> baseUrl = baseUrl(fields.get("base_url"));
        Optional<String> model = Optional.ofNullable(Scalars.optionalText(fields.get("model"), "model", problems));
        Duration timeout = duration(fields.get("timeout"), "timeout", SHORTEST_TIMEOUT, LONGEST_TIMEOUT,
                defaults.timeout(), "how long Baton waits for one answer before it decides without the model");
        int retries = wholeNumber(fields.get("retries"), "retries", 0, 1, defaults.retries(),
                "`retries: 1` tries once more after a rate limit, a server error or a refused connection; `0` never");
        Set<Use> uses = uses(fields.get("use"), defaults.uses());
        double band = band(fields.get("band"), defaults.band());
        Breaker breaker = breaker(fields.get("breaker"), new Breaker(defaults.breakerFailures(),
                defaults.breakerOpenFor()));
        Boolean jsonSchema = Scalars.flag(fields.get("json_schema"), "json_schema", defaults.jsonSchema(), problems);
        int concurrent = wholeNumber(fields.get("concurrent"), "concurrent", 1, MOST_CONCURRENT,
                defaults.concurrent(), "requests in flight at once; beyond that Baton decides without the model");
        if (problems.count() > 0) {
            return null;
        }
        return new ModelFile(baseUrl, model, new ModelTuning(timeout, retries, uses, band, breaker.failures(),
                breaker.openFor(), jsonSchema, concurrent));
    }

    /** The mapping without the keys that hold a secret, each reported once rather than also as unknown. */
    private MappingNode withoutSecrets(MappingNode mapping) {
        List<NodeTuple> kept = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && isSecret(key.getValue())) {
                // The value is never repeated: the message may end up in a log or a screenshot.
                problems.at(key, "`" + key.getValue().strip() + "` does not belong in llm.yaml: Baton never reads an"
                        + " API key from a file", SECRET_HINT);
            } else {
                kept.add(tuple);
            }
        }
        return new MappingNode(mapping.getTag(), kept, mapping.getFlowStyle());
    }

    private static boolean isSecret(String key) {
        String name = key.strip().toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
        return SECRET_NAMES.contains(name) || name.endsWith("apikey") || name.endsWith("token");
    }

    private Optional<URI> baseUrl(Node node) {
        String text = Scalars.optionalText(node, "base_url", problems);
        if (text == null) {
            return Optional.empty();
        }
        URI url;
        try {
            url = ModelSettings.url(text);
        } catch (IllegalArgumentException e) {
            problems.at(node, "`base_url` must be an absolute http or https URL such as http://localhost:11434/v1,"
                    + " but found \"" + USER_INFO.matcher(text).replaceFirst("****@") + "\"", "the address of an"
                    + " OpenAI-compatible API, up to and including its /v1, starting with http:// or https://");
            return Optional.empty();
        }
        if (url.getRawUserInfo() != null) {
            problems.at(node, "`base_url` has a user name or password in it (before the `@`); Baton never reads a"
                    + " secret from a file", SECRET_HINT);
            return Optional.empty();
        }
        return Optional.of(url);
    }

    /** The text of a single value, or null after reporting what was there instead. */
    private String single(Node node, String key, String example, String fallback) {
        if (node instanceof ScalarNode scalar && !Nodes.isNull(node) && !scalar.getValue().isBlank()) {
            return scalar.getValue().strip();
        }
        problems.at(node, "`" + key + "` must be " + (Nodes.isNull(node) ? "given a value" : "a single value")
                + ", but found " + Nodes.describe(node), "write e.g. `" + example + "` on one line, or remove the key"
                + " for the default (" + fallback + ")");
        return null;
    }

    private Duration duration(Node node, String key, Duration least, Duration most, Duration fallback,
                              String meaning) {
        if (node == null) {
            return fallback;
        }
        String text = single(node, key, key + ": " + DurationSyntax.format(fallback), DurationSyntax.format(fallback));
        if (text == null) {
            return fallback;
        }
        Duration duration;
        try {
            duration = DurationSyntax.parse(text);
        } catch (IllegalArgumentException e) {
            String compact = text.toLowerCase(Locale.ROOT).replace(" ", "");
            if (!DURATION_SHAPE.matcher(compact).matches()) {
                problems.at(node, "`" + key + "`: " + e.getMessage(), "e.g. `" + key + ": "
                        + DurationSyntax.format(fallback) + "`; " + DurationSyntax.FORM);
                return fallback;
            }
            duration = null; // no time at all, or weeks: out of range either way
        }
        if (duration == null || duration.compareTo(least) < 0 || duration.compareTo(most) > 0) {
            problems.at(node, "`" + key + "` must be from " + DurationSyntax.format(least) + " to "
                    + DurationSyntax.format(most) + ", but found `" + text + "`", meaning + "; default "
                    + DurationSyntax.format(fallback));
            return fallback;
        }
        return duration;
    }

    private int wholeNumber(Node node, String key, int least, int most, int fallback, String meaning) {
        if (node == null) {
            return fallback;
        }
        String text = single(node, key, key + ": " + fallback, String.valueOf(fallback));
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below with the out-of-range case.
        }
        String range = most == least + 1 ? least + " or " + most : "a whole number from " + least + " to " + most;
        problems.at(node, "`" + key + "` must be " + range + ", but found `" + text + "`", meaning + "; default "
                + fallback);
        return fallback;
    }

    private double band(Node node, double fallback) {
        if (node == null) {
            return fallback;
        }
        String text = single(node, "band", "band: " + fallback, String.valueOf(fallback));
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text);
            // Written so that NaN fails it too.
            if (value >= 0 && value <= WIDEST_BAND) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below with the out-of-range case.
        }
        problems.at(node, "`band` must be a number from 0 to " + WIDEST_BAND + ", but found `" + text + "`",
                "how close to its threshold a score may be for Baton to ask the model, e.g. `band: 0.1`"
                + " (a dot, not a comma); 0 asks only exactly at the threshold; default " + fallback);
        return fallback;
    }

    private Set<Use> uses(Node node, Set<Use> fallback) {
        if (node == null) {
            return fallback;
        }
        if (!(node instanceof SequenceNode sequence)) {
            String hint = Nodes.isNull(node)
                    ? "write `use: []` to use the model for nothing, or remove the key to use it for everything"
                    : node instanceof ScalarNode scalar
                    ? "write the uses in brackets, even just one: `use: [" + scalar.getValue().strip() + "]`"
                    : "write the uses in brackets, e.g. `use: [summary, phrasing]`";
            problems.at(node, "`use` must be a list of uses (" + Use.wireNames() + "), but found "
                    + Nodes.describe(node), hint);
            return fallback;
        }
        List<String> names = Arrays.stream(Use.values()).map(Use::wireName).toList();
        Set<Use> uses = EnumSet.noneOf(Use.class);
        for (Node item : sequence.getValue()) {
            String text = item instanceof ScalarNode scalar && !Nodes.isNull(item) ? scalar.getValue().strip() : "";
            if (text.isEmpty()) {
                problems.at(item, "each item of `use` must be one use (" + Use.wireNames() + "), but found "
                        + Nodes.describe(item), "e.g. `use: [summary, phrasing]`");
                continue;
            }
            if (!names.contains(text)) {
                Optional<String> near = NearMiss.suggest(text, names);
                problems.at(item, "unknown use `" + text + "`" + near.map(s -> " (did you mean `" + s + "`?)")
                        .orElse("") + "; the uses are " + Use.wireNames(), near.map(s -> "write `" + s + "`")
                        .orElse("list any of them, or write `use: []` to use the model for nothing"));
                continue;
            }
            if (!uses.add(Use.fromWire(text))) {
                problems.at(item, "`" + text + "` is listed twice in `use`", "list each use once");
            }
        }
        return uses;
    }

    private Breaker breaker(Node node, Breaker fallback) {
        if (node == null) {
            return fallback;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "`breaker` must be a mapping of `failures` and `open_for`, but found "
                    + Nodes.describe(node), "e.g. " + BREAKER_EXAMPLE + "; leave out either for its default");
            return fallback;
        }
        Map<String, Node> fields = Fields.read(mapping, BREAKER_KEYS, problems);
        int failures = wholeNumber(fields.get("failures"), "failures", 1, MOST_FAILURES, fallback.failures(),
                "failed requests in a row after which Baton stops asking the model for `open_for`");
        Duration openFor = duration(fields.get("open_for"), "open_for", SHORTEST_OPEN, LONGEST_OPEN,
                fallback.openFor(), "how long Baton leaves the model alone after `failures` failed requests in a row");
        return new Breaker(failures, openFor);
    }

    private record Breaker(int failures, Duration openFor) {
    }
}
