package dev.baton.routing;

import dev.baton.yaml.Fields;
import dev.baton.yaml.NearMiss;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Problems;
import dev.baton.yaml.Scalars;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a person's {@code hours:} mapping: {@code zone:} and {@code shifts:}, both required. */
public final class HoursReader {

    static final List<String> KEYS = List.of("zone", "shifts");

    private static final String SHIFTS_EXAMPLE = "[\"mon-fri 09:00-17:30\", \"sat 10:00-14:00\"]";

    private HoursReader() {
    }

    /** @return the hours, or null after reporting why they could not be read */
    static WorkingHours read(Node node, Problems problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "`hours` must be a mapping with `zone:` and `shifts:`, but found " + Nodes.describe(node));
            return null;
        }
        Map<String, Node> fields = Fields.read(mapping, KEYS, problems);
        ZoneId zone = zone(fields.get("zone"), mapping, problems);
        List<Shift> shifts = shifts(fields.get("shifts"), mapping, problems);
        return zone == null || shifts == null ? null : new WorkingHours(zone, shifts);
    }

    private static ZoneId zone(Node node, MappingNode hours, Problems problems) {
        if (node == null) {
            problems.at(hours, "`hours` is missing `zone:` (a time zone such as Europe/London or America/New_York)");
            return null;
        }
        String name = Scalars.text(node, "zone", problems);
        if (name == null) {
            return null;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            String hint = suggestZone(name).map(s -> " (did you mean `" + s + "`?)")
                    .orElse(name.matches("[A-Z]{2,5}") ? " (an abbreviation is not a place)" : "");
            problems.at(node, "unknown time zone `" + name + "`" + hint + "; use a tz database name such as"
                    + " Europe/London or America/New_York, which also knows when daylight saving applies");
            return null;
        }
    }

    private static List<Shift> shifts(Node node, MappingNode hours, Problems problems) {
        if (node == null) {
            problems.at(hours, "`hours` is missing `shifts:` (a list such as " + SHIFTS_EXAMPLE + ")");
            return null;
        }
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problems.at(node, Nodes.isNull(node) || node instanceof SequenceNode
                    ? "`shifts` is empty; add at least one, such as " + SHIFTS_EXAMPLE
                    : "`shifts` must be a list such as " + SHIFTS_EXAMPLE + ", but found " + Nodes.describe(node));
            return null;
        }
        List<Shift> shifts = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String text = item instanceof ScalarNode scalar && !Nodes.isNull(item) ? scalar.getValue() : "";
            try {
                shifts.add(ShiftSyntax.parse(text));
            } catch (IllegalArgumentException e) {
                problems.at(item, item instanceof ScalarNode
                        ? e.getMessage()
                        : "each shift must be one line of text: " + ShiftSyntax.FORM + "; found " + Nodes.describe(item));
            }
        }
        return shifts.size() == sequence.getValue().size() ? shifts : null;
    }

    /**
     * Case slips ("europe/london"), a bare city ("London", "New York") or a small typo in a full name.
     * Abbreviations get no guess: "EST" is one letter from "EET", which is the wrong side of the Atlantic.
     */
    public static Optional<String> suggestZone(String typed) {
        String city = typed.strip().replace(' ', '_');
        boolean fullName = city.contains("/");
        String bestTypo = null;
        int bestDistance = 3;
        // Sorted so that the same typo always gets the same suggestion.
        for (String zone : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            if (zone.equalsIgnoreCase(city) || zone.substring(zone.lastIndexOf('/') + 1).equalsIgnoreCase(city)) {
                return Optional.of(zone);
            }
            // NearMiss's shared-stem rule would match any "America/..." name; zones need a real typo.
            int distance = NearMiss.distance(city.toLowerCase(Locale.ROOT), zone.toLowerCase(Locale.ROOT));
            if (fullName && distance < bestDistance) {
                bestTypo = zone;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(bestTypo);
    }
}
