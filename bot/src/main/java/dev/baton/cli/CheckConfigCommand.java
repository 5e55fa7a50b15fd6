package dev.baton.cli;

import dev.baton.cluster.ShardRange;
import dev.baton.store.DatabaseLocation;
import dev.baton.config.BatonConfig;
import dev.baton.discord.DiscordSettings;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.llm.ModelSettings;
import dev.baton.llm.ModelTuning;
import dev.baton.llm.Use;
import dev.baton.routing.Person;
import dev.baton.rules.DurationSyntax;
import dev.baton.rules.Priority;
import dev.baton.rules.Route;
import dev.baton.rules.RuleBook;
import dev.baton.rules.Target;
import dev.baton.yaml.ConfigException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code baton check-config [DIR]}: checks every configuration file exactly as Baton does when it starts
 * or reloads, without starting anything. Exit 0 when all is well, 1 when there are problems, 2 when the
 * command line is wrong. Problems name files by {@code DIR} as given plus the file name
 * ({@code config/rules.yaml:12:7}), so they are paths relative to where the command runs and an editor
 * or terminal can jump to them.
 *
 * <p>The language model is checked too, as Baton will resolve it: {@code BATON_LLM_BASE_URL} and
 * {@code BATON_LLM_MODEL} from {@code environment} over {@code llm.yaml}'s {@code base_url} and {@code model}.
 * Half a model (an endpoint without a model, or the other way round) or a bad URL is a problem. The API key
 * is only ever said to be set or not.
 */
final class CheckConfigCommand {

    static final int PROBLEMS = 1;

    private CheckConfigCommand() {
    }

    static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Path directory = directory(args, environment);
        if (!Files.isDirectory(directory)) {
            err.println("baton: check-config: " + directory + " is not a directory (give the configuration"
                    + " directory, e.g. `check-config config`)");
            return 2;
        }
        BatonConfig config;
        try {
            config = BatonConfig.load(directory);
        } catch (ConfigException e) {
            ProblemReport.print(e.problems(), out);
            out.println(ProblemReport.count(e.problems()) + "; Baton would not start with this configuration,"
                    + " and a running Baton keeps its current rules.");
            return PROBLEMS;
        }
        Optional<ModelSettings> model;
        try {
            model = ModelSettings.resolve(environment, config.model());
        } catch (IllegalArgumentException e) {
            List<ConfigException.Problem> problems = List.of(new ConfigException.Problem(
                    directory.resolve(BatonConfig.LLM).toString(), 0, 0, e.getMessage(), "the environment ("
                    + ModelSettings.BASE_URL + ", " + ModelSettings.MODEL + ") wins over base_url and model in "
                    + BatonConfig.LLM + "; together they must name both an endpoint and a model, or neither"));
            ProblemReport.print(problems, out);
            out.println(ProblemReport.count(problems) + " or the environment; Baton would not start with this"
                    + " language model configuration.");
            return PROBLEMS;
        }
        DatabaseLocation database;
        try {
            database = DatabaseLocation.fromEnvironment(environment, Path.of(environment.getOrDefault("BATON_DATA_DIR",
                    "").strip().isEmpty() ? "data" : environment.get("BATON_DATA_DIR").strip()));
        } catch (IllegalArgumentException e) {
            out.println("the environment: " + e.getMessage());
            out.println("1 problem in the environment; Baton would not start with this database setting.");
            return PROBLEMS;
        }
        ShardRange shards;
        try {
            shards = ShardRange.parse(environment.get(ShardRange.VARIABLE));
        } catch (IllegalArgumentException e) {
            out.println("the environment: " + e.getMessage());
            out.println("1 problem in the environment; Baton would not start with this shard setting.");
            return PROBLEMS;
        }
        out.println(directory + ": every file is valid.");
        summary(directory, config, out);
        out.printf("  %-15s %s%n", BatonConfig.LLM, model(Files.exists(directory.resolve(BatonConfig.LLM)), model,
                environment));
        out.printf("  %-15s %s%n", "database", database instanceof DatabaseLocation.Postgres
                ? "PostgreSQL at " + database + " (BATON_DATABASE_URL)" : "SQLite file " + database);
        if (shards.sharded()) {
            out.printf("  %-15s %s%n", "shards", "may hold shards " + shards + " (" + ShardRange.VARIABLE
                    + "); the others are held by the other instances on the same database");
        }
        return 0;
    }

    private static Path directory(List<String> args, Map<String, String> environment) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                throw new UsageException("check-config: unknown option " + arg);
            }
        }
        if (args.size() > 1) {
            throw new UsageException("check-config takes one directory, not " + args.size() + ": "
                    + String.join(" ", args));
        }
        if (args.size() == 1) {
            return Path.of(args.get(0));
        }
        String fromEnvironment = environment.getOrDefault("BATON_CONFIG_DIR", "").strip();
        return Path.of(fromEnvironment.isEmpty() ? "config" : fromEnvironment);
    }

    private static void summary(Path directory, BatonConfig config, PrintStream out) {
        List<KnowledgeEntry> entries = config.knowledge().entries();
        out.printf("  %-15s %d entries; topics: %s%n", BatonConfig.KNOWLEDGE, entries.size(),
                joined(entries.stream().map(KnowledgeEntry::topic).filter(Objects::nonNull).toList()));
        List<Person> people = config.roster().people();
        out.printf("  %-15s %d people; teams: %s; %d take sensitive conversations%n", BatonConfig.TEAM, people.size(),
                joined(people.stream().map(Person::team).filter(Objects::nonNull).toList()),
                people.stream().filter(Person::takesSensitive).count());
        out.printf("  %-15s %s%n", BatonConfig.MESSAGES, Files.exists(directory.resolve(BatonConfig.MESSAGES))
                ? "customer notices as written there" : "absent: Baton's built-in wording");
        DiscordSettings discord = config.discord();
        out.printf("  %-15s %s%n", BatonConfig.DISCORD, Files.exists(directory.resolve(BatonConfig.DISCORD))
                ? discord.supportChannels().size() + " support channels" : "absent: DMs and mentions only");
        out.printf("  %-15s %s%n", BatonConfig.RULES, Files.exists(directory.resolve(BatonConfig.RULES))
                ? rules(config.rules()) : "absent: built-in rules (anyone on the roster, normal priority, no deadlines)");
    }

    /** Whether a language model is configured, where, and for what; never the API key itself. */
    private static String model(boolean present, Optional<ModelSettings> resolved, Map<String, String> environment) {
        String absent = present ? "" : "absent: ";
        if (resolved.isEmpty()) {
            return absent + "no language model (no " + ModelSettings.BASE_URL + " or base_url), so Baton decides"
                    + " everything offline";
        }
        ModelSettings model = resolved.get();
        ModelTuning tuning = model.tuning();
        List<String> named = List.of(ModelSettings.BASE_URL, ModelSettings.MODEL).stream()
                .filter(name -> !environment.getOrDefault(name, "").isBlank()).toList();
        String from = named.isEmpty() ? "" : " (from " + String.join(" and ", named) + ")";
        String uses = tuning.uses().isEmpty() ? "used for nothing (use: [])"
                : "for " + tuning.uses().stream().sorted().map(Use::wireName).collect(Collectors.joining(", "));
        return absent + "language model " + model.model() + " at " + ModelSettings.shown(model.baseUrl()) + from + ", "
                + (model.apiKey().isPresent() ? "API key set" : "no API key") + "; " + uses + "; timeout "
                + DurationSyntax.format(tuning.timeout());
    }


    private static String rules(RuleBook rules) {
        Route fallback = rules.fallback();
        return rules.routes().size() + " routes, then the default (" + describe(fallback.target()) + ", "
                + fallback.priority().wireName() + "); " + rules.channels().size() + " channels; deadlines for "
                + (rules.deadlines().isEmpty() ? "no priority" : rules.deadlines().keySet().stream()
                        .map(Priority::wireName).collect(Collectors.joining(", ")));
    }

    private static String describe(Target target) {
        if (target instanceof Target.Team team) {
            return "team " + team.name();
        }
        if (target instanceof Target.Named named) {
            return named.personId();
        }
        return "anyone";
    }

    private static String joined(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names));
    }
}
