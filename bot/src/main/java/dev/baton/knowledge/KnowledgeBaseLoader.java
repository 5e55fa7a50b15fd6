package dev.baton.knowledge;

import dev.baton.yaml.ConfigException;
import dev.baton.yaml.Fields;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Problems;
import dev.baton.yaml.YamlDocument;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads the hand-written knowledge-base YAML file.
 *
 * <p>Uses SnakeYAML's node tree rather than Jackson's {@code JsonNode}: every node keeps the line
 * and column it was written on, which is what lets problems point at the exact line to fix.
 */
public final class KnowledgeBaseLoader {

    private static final String ENTRIES = "entries";

    private KnowledgeBaseLoader() {
    }

    /** Reads {@code file} as UTF-8; any problem, including a missing file, is a {@link KnowledgeBaseException}. */
    public static KnowledgeBase load(Path file) {
        Objects.requireNonNull(file, "file");
        return fromRoot(file.toString(), rethrown(() -> YamlDocument.read(file, "knowledge base file")));
    }

    /**
     * Parses knowledge-base YAML from {@code reader}.
     *
     * @param origin how to name the source in problems, usually the file path
     */
    public static KnowledgeBase parse(String origin, Reader reader) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reader, "reader");
        return fromRoot(origin, rethrown(() -> YamlDocument.parse(origin, reader, "knowledge base")));
    }

    /** Callers catch {@link KnowledgeBaseException}; keep the file-level problems under that name. */
    private static Node rethrown(Supplier<Node> reading) {
        try {
            return reading.get();
        } catch (KnowledgeBaseException e) {
            throw e;
        } catch (ConfigException e) {
            throw new KnowledgeBaseException(e.problems(), e.getCause());
        }
    }

    private static KnowledgeBase fromRoot(String origin, Node root) {
        Problems problems = new Problems(origin);
        List<KnowledgeEntry> entries = readEntries(root, problems);
        if (problems.count() > 0) {
            throw new KnowledgeBaseException(problems.inFileOrder());
        }
        return new KnowledgeBase(origin, entries);
    }

    private static List<KnowledgeEntry> readEntries(Node root, Problems problems) {
        if (root == null || Nodes.isNull(root)) {
            problems.at(1, 1, "the file is empty; it needs a top-level `entries:` list");
            return List.of();
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.at(root, "the top level must be `entries:` followed by a list, but found " + Nodes.describe(root));
            return List.of();
        }
        Node list = Fields.read(mapping, List.of(ENTRIES), problems).get(ENTRIES);
        if (list == null) {
            problems.at(root, "missing top-level `entries:` list");
            return List.of();
        }
        if (!(list instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problems.at(list, Nodes.isNull(list) || list instanceof SequenceNode
                    ? "`entries` is empty; add at least one entry"
                    : "`entries` must be a list of entries (each starting with `- id:`), but found " + Nodes.describe(list));
            return List.of();
        }
        return readEach(sequence, problems);
    }

    private static List<KnowledgeEntry> readEach(SequenceNode sequence, Problems problems) {
        EntryReader reader = new EntryReader(problems);
        Map<String, Node> firstIdNodes = new HashMap<>();
        List<KnowledgeEntry> entries = new ArrayList<>();
        for (Node node : sequence.getValue()) {
            EntryReader.Result result = reader.read(node);
            if (result.id() != null) {
                Node first = firstIdNodes.putIfAbsent(result.id(), result.idNode());
                if (first != null) {
                    problems.at(result.idNode(), "duplicate id `" + result.id() + "`: already used on line "
                            + Nodes.line(first));
                    continue;
                }
            }
            if (result.entry() != null) {
                entries.add(result.entry());
            }
        }
        return entries;
    }
}
