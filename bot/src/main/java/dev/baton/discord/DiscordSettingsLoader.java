package dev.baton.discord;

import dev.baton.yaml.ConfigException;
import dev.baton.yaml.Fields;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Problems;
import dev.baton.yaml.YamlDocument;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code config/discord.yaml}; every problem is reported with its file:line:column. */
public final class DiscordSettingsLoader {

    static final List<String> KEYS = List.of("guild_id", "support_channels", "staff_channel", "private_threads",
            "quiet_gap_minutes", "acknowledge_after_seconds");
    /** Discord ids are snowflakes: 17 to 20 digits. */
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");

    private DiscordSettingsLoader() {
    }

    public static DiscordSettings load(Path file) {
        return fromRoot(file.toString(), YamlDocument.read(file, "Discord settings file"));
    }

    /** Like {@link #load} for text from elsewhere (a draft); {@code origin} names the source in problems. */
    public static DiscordSettings parse(String origin, Reader reader) {
        return fromRoot(origin, YamlDocument.parse(origin, reader, "Discord settings file"));
    }

    private static DiscordSettings fromRoot(String origin, Node root) {
        Problems problems = new Problems(origin);
        DiscordSettings settings = read(root, problems);
        if (problems.count() > 0) {
            throw new ConfigException(problems.inFileOrder());
        }
        return settings;
    }

    private static DiscordSettings read(Node root, Problems problems) {
        if (root == null || Nodes.isNull(root)) {
            return DiscordSettings.defaults();
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.at(root, "the file must be a mapping of settings (" + String.join(", ", KEYS)
                    + "), but found " + Nodes.describe(root));
            return DiscordSettings.defaults();
        }
        Map<String, Node> fields = Fields.read(mapping, KEYS, problems);
        String guild = optionalId(fields.get("guild_id"), "guild_id", problems);
        Set<String> channels = ids(fields.get("support_channels"), problems);
        String staff = optionalId(fields.get("staff_channel"), "staff_channel", problems);
        boolean privateThreads = bool(fields.get("private_threads"), problems);
        Duration gap = minutes(fields.get("quiet_gap_minutes"), problems);
        Duration acknowledgeAfter = seconds(fields.get("acknowledge_after_seconds"), problems);
        return new DiscordSettings(guild, channels, staff, privateThreads, gap, acknowledgeAfter);
    }

    private static String optionalId(Node node, String key, Problems problems) {
        if (node == null || Nodes.isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problems.at(node, "`" + key + "` must be a Discord id, but found " + Nodes.describe(node));
            return null;
        }
        String value = scalar.getValue().strip();
        if (value.isEmpty()) {
            return null;
        }
        if (!SNOWFLAKE.matcher(value).matches()) {
            problems.at(node, "`" + key + "` must be a Discord id (17 to 20 digits; in Discord turn on Developer Mode,"
                    + " then right-click > Copy ID), but found \"" + value + "\"");
            return null;
        }
        return value;
    }

    private static Set<String> ids(Node node, Problems problems) {
        Set<String> ids = new LinkedHashSet<>();
        if (node == null || Nodes.isNull(node)) {
            return ids;
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems.at(node, "`support_channels` must be a list of channel ids, e.g. [\"112233445566778899\"],"
                    + " but found " + Nodes.describe(node));
            return ids;
        }
        for (Node item : sequence.getValue()) {
            String id = optionalId(item, "support_channels", problems);
            if (id != null && !ids.add(id)) {
                problems.at(item, "channel " + id + " is listed twice in `support_channels`");
            }
        }
        return ids;
    }

    private static boolean bool(Node node, Problems problems) {
        if (node == null || Nodes.isNull(node)) {
            return false;
        }
        String value = node instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        problems.at(node, "`private_threads` must be true or false, but found " + Nodes.describe(node));
        return false;
    }

    private static Duration minutes(Node node, Problems problems) {
        if (node == null || Nodes.isNull(node)) {
            return DiscordSettings.DEFAULT_QUIET_GAP;
        }
        String value = node instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
        try {
            int minutes = Integer.parseInt(value);
            if (minutes >= 1 && minutes <= 7 * 24 * 60) {
                return Duration.ofMinutes(minutes);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.at(node, "`quiet_gap_minutes` must be a whole number of minutes from 1 to 10080 (a week),"
                + " but found " + Nodes.describe(node));
        return DiscordSettings.DEFAULT_QUIET_GAP;
    }

    private static Duration seconds(Node node, Problems problems) {
        if (node == null || Nodes.isNull(node)) {
            return DiscordSettings.DEFAULT_ACKNOWLEDGE_AFTER;
        }
        String value = node instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 1 && seconds <= 60) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.at(node, "`acknowledge_after_seconds` must be a whole number of seconds from 1 to 60,"
                + " but found " + Nodes.describe(node));
        return DiscordSettings.DEFAULT_ACKNOWLEDGE_AFTER;
    }
}
