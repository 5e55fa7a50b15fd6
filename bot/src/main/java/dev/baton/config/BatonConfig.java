package dev.baton.config;

import dev.baton.discord.DiscordSettings;
import dev.baton.discord.DiscordSettingsLoader;
import dev.baton.handoff.HandoffWording;
import dev.baton.handoff.HandoffWordingLoader;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.llm.ModelFile;
import dev.baton.llm.ModelFileLoader;
import dev.baton.routing.Roster;
import dev.baton.routing.RosterLoader;
import dev.baton.routing.RosterNames;
import dev.baton.rules.RuleBook;
import dev.baton.rules.RulesLoader;
import dev.baton.yaml.ConfigException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Everything Baton reads from its configuration directory. Loading checks every file and reports
 * the problems of all of them at once, so a community manager fixes everything in one pass.
 *
 * <p>{@code knowledge.yaml} and {@code team.yaml} are required; {@code messages.yaml},
 * {@code discord.yaml}, {@code rules.yaml} and {@code llm.yaml} are optional and fall back to built-in
 * defaults. {@code rules.yaml} is read after the files it names people and teams from ({@code team.yaml})
 * and topics from ({@code knowledge.yaml}). When {@code team.yaml} has problems, the rules' people and teams
 * are still checked against the ids and teams it writes ({@link RosterNames}); when {@code knowledge.yaml}
 * fails, the rules' topics are left unchecked.
 *
 * @param model what {@code llm.yaml} says ({@link ModelFile#ABSENT} without the file); like
 *              {@code discord.yaml} it takes effect only at startup, so a reloaded configuration carries the
 *              file as it is on disk but only the one loaded at startup should be used
 */
public record BatonConfig(KnowledgeBase knowledge, Roster roster, HandoffWording wording, DiscordSettings discord,
                          RuleBook rules, ModelFile model) {

    public static final String KNOWLEDGE = "knowledge.yaml";
    public static final String TEAM = "team.yaml";
    public static final String MESSAGES = "messages.yaml";
    public static final String DISCORD = "discord.yaml";
    public static final String RULES = "rules.yaml";
    public static final String LLM = "llm.yaml";

    /** Every file Baton reads from the configuration directory, in the order they are loaded. */
    public static final List<String> FILES = List.of(KNOWLEDGE, TEAM, MESSAGES, DISCORD, RULES, LLM);

    public BatonConfig {
        Objects.requireNonNull(knowledge, "knowledge");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(wording, "wording");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(model, "model");
    }

    /** A configuration without an {@code llm.yaml}: no language model unless the environment names one. */
    public BatonConfig(KnowledgeBase knowledge, Roster roster, HandoffWording wording, DiscordSettings discord,
                       RuleBook rules) {
        this(knowledge, roster, wording, discord, rules, ModelFile.ABSENT);
    }

    /** A configuration without a {@code rules.yaml}: Baton's built-in rules. */
    public BatonConfig(KnowledgeBase knowledge, Roster roster, HandoffWording wording, DiscordSettings discord) {
        this(knowledge, roster, wording, discord, RuleBook.defaults());
    }

    /** The files in {@code directory}, as Baton loads them at startup and on every reload. */
    public static BatonConfig load(Path directory) {
        return load(directory, Map.of());
    }

    /**
     * A draft: the files in {@code directory} with some replaced by text that is not on disk, such as a
     * community manager's edit in the console. Nothing is written. Problems name each file as its path in
     * {@code directory} (e.g. {@code config/rules.yaml}), whether its text came from disk or the draft,
     * so a draft's problem reads exactly as it would once saved.
     *
     * @param overrides file name (one of {@link #FILES}) to the whole text that replaces it; a file
     *                  given here counts as present even if it is not on disk
     * @throws ConfigException          listing every problem in every file
     * @throws IllegalArgumentException when {@code overrides} names a file Baton does not read
     */
    public static BatonConfig load(Path directory, Map<String, String> overrides) {
        Objects.requireNonNull(directory, "directory");
        for (String name : Objects.requireNonNull(overrides, "overrides").keySet()) {
            if (!FILES.contains(name)) {
                throw new IllegalArgumentException("`" + name + "` is not a file Baton reads; the files are "
                        + String.join(", ", FILES));
            }
        }
        Sources files = new Sources(directory, overrides);
        List<ConfigException.Problem> problems = new ArrayList<>();
        KnowledgeBase knowledge = files.attempt(KNOWLEDGE, KnowledgeBaseLoader::load, KnowledgeBaseLoader::parse,
                problems);
        Roster roster = files.attempt(TEAM, RosterLoader::load, RosterLoader::parse, problems);
        HandoffWording wording = files.present(MESSAGES)
                ? files.attempt(MESSAGES, HandoffWordingLoader::load, HandoffWordingLoader::parse, problems)
                : HandoffWording.defaults();
        DiscordSettings discord = files.present(DISCORD)
                ? files.attempt(DISCORD, DiscordSettingsLoader::load, DiscordSettingsLoader::parse, problems)
                : DiscordSettings.defaults();
        // When team.yaml has problems, the rules' people and teams are still checked against the ids and
        // teams it writes, so a typo in rules.yaml is not hidden until team.yaml is fixed.
        RosterNames names = roster == null && files.present(TEAM)
                ? files.lenient(TEAM, RosterLoader::names, RosterLoader::names) : null;
        RuleBook rules = files.present(RULES)
                ? files.attempt(RULES, file -> RulesLoader.load(file, roster, names, knowledge),
                        (origin, reader) -> RulesLoader.parse(origin, reader, roster, names, knowledge), problems)
                : RuleBook.defaults();
        ModelFile model = files.present(LLM)
                ? files.attempt(LLM, ModelFileLoader::load, ModelFileLoader::parse, problems)
                : ModelFile.ABSENT;
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new BatonConfig(knowledge, roster, wording, discord, rules, model);
    }

    /** The directory's files, some replaced by a draft's text. */
    private record Sources(Path directory, Map<String, String> overrides) {

        boolean present(String name) {
            return overrides.containsKey(name) || Files.exists(directory.resolve(name));
        }

        /** What {@code read} makes of the file, for a file that already failed; null when nothing could be read. */
        <T> T lenient(String name, Function<Path, T> read, BiFunction<String, Reader, T> parse) {
            Path file = directory.resolve(name);
            String draft = overrides.get(name);
            try {
                return draft == null ? read.apply(file) : parse.apply(file.toString(), new StringReader(draft));
            } catch (ConfigException e) {
                return null;
            }
        }

        <T> T attempt(String name, Function<Path, T> load, BiFunction<String, Reader, T> parse,
                      List<ConfigException.Problem> problems) {
            Path file = directory.resolve(name);
            try {
                String draft = overrides.get(name);
                return draft == null ? load.apply(file) : parse.apply(file.toString(), new StringReader(draft));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
                return null;
            }
        }
    }
}
