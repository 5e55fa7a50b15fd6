package dev.baton.handoff;

import dev.baton.yaml.ConfigException;
import dev.baton.yaml.Fields;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Problems;
import dev.baton.yaml.YamlDocument;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads {@code config/messages.yaml}, where community managers reword what customers are told at a
 * handoff, when a missed pickup deadline re-routes or escalates it, when a person transfers it to a colleague,
 * and after a person resolved it. Anything the file leaves out keeps Baton's built-in wording, so an empty
 * file is fine.
 * Every problem is reported at once as {@code file:line:column: message}.
 */
public final class HandoffWordingLoader {

    static final String HANDOFF = "handoff";
    static final String REROUTED = "rerouted";
    static final String TRANSFERRED = "transferred";
    static final String ESCALATED = "escalated";
    static final String CRISIS_RESOURCES = "crisis_resources";
    static final String SMALL_TALK = "small_talk";
    static final String AFTERCARE = "aftercare";

    private HandoffWordingLoader() {
    }

    /** Reads {@code file} as UTF-8; any problem, including a missing file, is a {@link ConfigException}. */
    public static HandoffWording load(Path file) {
        Objects.requireNonNull(file, "file");
        Node root = YamlDocument.read(file, "messages file");
        return fromRoot(file.toString(), root, sourceOf(file));
    }

    /**
     * Parses messages YAML from {@code reader}.
     *
     * @param origin how to name the source in problems, usually the file path
     */
    public static HandoffWording parse(String origin, Reader reader) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reader, "reader");
        StringWriter text = new StringWriter();
        try {
            reader.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin, e);
        }
        return fromRoot(origin, YamlDocument.parse(origin, new StringReader(text.toString()), "messages file"),
                text.toString());
    }

    /**
     * The text again, to point at the column of a mistake inside a template; YamlDocument already
     * read it and reported any problem, so a failure now only costs that precision.
     */
    private static String sourceOf(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static HandoffWording fromRoot(String origin, Node root, String source) {
        Problems problems = new Problems(origin);
        WordingReader reader = new WordingReader(problems, source);
        Map<String, Map<ShiftStatus, String>> overrides = Map.of();
        Map<String, Map<ShiftStatus, String>> rerouted = Map.of();
        Map<String, Map<ShiftStatus, String>> transferred = Map.of();
        Map<String, String> escalated = Map.of();
        String crisisResources = null;
        String smallTalk = null;
        Map<String, String> afterCare = Map.of();
        if (root != null && !Nodes.isNull(root)) {
            if (root instanceof MappingNode mapping) {
                Map<String, Node> fields = Fields.read(mapping, List.of(HANDOFF, REROUTED, TRANSFERRED, ESCALATED,
                        CRISIS_RESOURCES, SMALL_TALK, AFTERCARE), problems);
                overrides = reader.handoff(fields.get(HANDOFF));
                rerouted = reader.rerouted(fields.get(REROUTED));
                transferred = reader.transferred(fields.get(TRANSFERRED));
                escalated = reader.escalated(fields.get(ESCALATED));
                crisisResources = reader.verbatim(CRISIS_RESOURCES, fields.get(CRISIS_RESOURCES));
                smallTalk = reader.verbatim(SMALL_TALK, fields.get(SMALL_TALK));
                afterCare = reader.afterCare(fields.get(AFTERCARE));
            } else {
                problems.at(root, "the top level must be a mapping with `handoff:`, `rerouted:`, `transferred:`,"
                        + " `escalated:`, `crisis_resources:`, `small_talk:` and/or `aftercare:`, but found " + Nodes.describe(root));
            }
        }
        if (problems.count() > 0) {
            throw new ConfigException(problems.inFileOrder());
        }
        return HandoffWording.overriding(overrides, rerouted, transferred, escalated, crisisResources, smallTalk,
                AfterCareWording.overriding(afterCare));
    }
}
