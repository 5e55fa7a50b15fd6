package dev.baton.config;

import dev.baton.discord.DiscordSettings;
import dev.baton.discord.DiscordSettingsLoader;
import dev.baton.handoff.HandoffWording;
import dev.baton.handoff.HandoffWordingLoader;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.routing.Roster;
import dev.baton.routing.RosterLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Everything Baton reads from its configuration directory. Loading checks every file and reports
 * the problems of all of them at once, so a community manager fixes everything in one pass.
 *
 * <p>{@code knowledge.yaml} and {@code team.yaml} are required; {@code messages.yaml} and
 * {@code discord.yaml} are optional and fall back to built-in defaults.
 */
public record BatonConfig(KnowledgeBase knowledge, Roster roster, HandoffWording wording, DiscordSettings discord) {

    public static final String KNOWLEDGE = "knowledge.yaml";
    public static final String TEAM = "team.yaml";
    public static final String MESSAGES = "messages.yaml";
    public static final String DISCORD = "discord.yaml";

    public static BatonConfig load(Path directory) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        KnowledgeBase knowledge = attempt(directory.resolve(KNOWLEDGE), KnowledgeBaseLoader::load, problems);
        Roster roster = attempt(directory.resolve(TEAM), RosterLoader::load, problems);
        Path messages = directory.resolve(MESSAGES);
        HandoffWording wording = Files.exists(messages)
                ? attempt(messages, HandoffWordingLoader::load, problems) : HandoffWording.defaults();
        Path discordFile = directory.resolve(DISCORD);
        DiscordSettings discord = Files.exists(discordFile)
                ? attempt(discordFile, DiscordSettingsLoader::load, problems) : DiscordSettings.defaults();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new BatonConfig(knowledge, roster, wording, discord);
    }

    private static <T> T attempt(Path file, Function<Path, T> loader, List<ConfigException.Problem> problems) {
        try {
            return loader.apply(file);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
