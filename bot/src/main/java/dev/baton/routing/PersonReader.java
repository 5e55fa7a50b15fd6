package dev.baton.routing;

import dev.baton.yaml.Fields;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Problems;
import dev.baton.yaml.Scalars;
import dev.baton.yaml.Snowflakes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Turns one item of {@code people:} into a {@link Person}. Keeps going after a problem so all of a
 * person's mistakes are reported together; the person is only built when none were found.
 */
final class PersonReader {

    static final List<String> KEYS = List.of("id", "name", "discord_user_id", "team", "topics", "hours", "max_open",
            "sensitive", "seniority");

    static final int DEFAULT_MAX_OPEN = 5;

    /**
     * What the roster-wide checks need even from a broken person, so that duplicates are still
     * caught and a typo elsewhere does not also claim nobody is {@code sensitive: true}.
     *
     * @param id             the valid id, or null; {@code idNode} is where it was written
     * @param discordUserId  the valid Discord user ID, or null; {@code discordNode} is where it was written
     * @param person         the finished person, or null when they had problems
     */
    record Result(String id, Node idNode, String discordUserId, Node discordNode, boolean sensitive, Person person) {
    }

    private final Problems problems;

    PersonReader(Problems problems) {
        this.problems = problems;
    }

    Result read(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "each person must be a mapping starting with `- id:`, but found " + Nodes.describe(node));
            return new Result(null, null, null, null, false, null);
        }
        int problemsBefore = problems.count();
        Map<String, Node> fields = Fields.read(mapping, KEYS, problems);

        Node idNode = fields.get("id");
        String id = idNode == null ? missing(mapping, "person", "id", "a short lowercase name such as `alex`") : id(idNode);
        // Naming the person helps when the line points at their first key rather than the missing one.
        String label = id == null ? "person" : "person `" + id + "`";
        Node nameNode = fields.get("name");
        String name = nameNode == null
                ? missing(mapping, label, "name", "the name customers see, such as `Alex`")
                : Scalars.text(nameNode, "name", problems);
        Node discordNode = fields.get("discord_user_id");
        String discordUserId = discordNode == null
                ? missing(mapping, label, "discord_user_id", "their Discord user ID in quotes")
                : discordUserId(discordNode);
        String team = Scalars.optionalText(fields.get("team"), "team", problems);
        Set<String> topics = topics(fields.get("topics"));
        Node hoursNode = fields.get("hours");
        WorkingHours hours = hoursNode == null
                ? missing(mapping, label, "hours", "`zone:` and `shifts:`")
                : HoursReader.read(hoursNode, problems);
        Integer maxOpen = Scalars.wholeNumber(fields.get("max_open"), "max_open", 1, DEFAULT_MAX_OPEN, problems);
        Boolean sensitive = Scalars.flag(fields.get("sensitive"), "sensitive", false, problems);
        Integer seniority = Scalars.wholeNumber(fields.get("seniority"), "seniority", 0, 0, problems);

        Person person = problems.count() == problemsBefore
                ? new Person(id, name, discordUserId, team, topics, hours, maxOpen, sensitive, seniority)
                : null;
        return new Result(id, idNode, discordUserId, discordNode, Boolean.TRUE.equals(sensitive), person);
    }

    private <T> T missing(MappingNode person, String label, String key, String what) {
        problems.at(person, label + " is missing `" + key + ":` (" + what + ")");
        return null;
    }

    private String id(Node node) {
        String id = Scalars.text(node, "id", problems);
        if (id != null && !Person.ID.matcher(id).matches()) {
            problems.at(node, "id `" + id + "` is not valid: use lowercase letters, digits, `-` and `_`, starting"
                    + " with a letter or digit (e.g. `alex` or `sam-k`)");
            return null;
        }
        return id;
    }

    /** Quoted or not: YAML reads a bare snowflake as a number, but the node keeps the digits as written. */
    private String discordUserId(Node node) {
        String text = node instanceof ScalarNode scalar && !Nodes.isNull(node) ? scalar.getValue().strip() : null;
        if (text != null && Snowflakes.isSnowflake(text)) {
            return text;
        }
        problems.at(node, "`discord_user_id` must be a Discord user ID of 17 to 20 digits such as"
                + " \"123456789012345678\", but found " + Nodes.describe(node) + "; in Discord, turn on Settings >"
                + " Advanced > Developer Mode, then right-click the person and choose Copy User ID");
        return null;
    }

    private Set<String> topics(Node node) {
        if (node == null || Nodes.isNull(node)) {
            return Set.of();
        }
        List<String> topics = Scalars.textList(node, "topics", "[billing, account]", problems);
        return topics == null ? Set.of() : new HashSet<>(topics);
    }
}
