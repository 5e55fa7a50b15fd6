package dev.baton.knowledge;

import dev.baton.knowledge.KnowledgeBaseException.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.ReaderException;

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
        String origin = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw fileProblem(origin, "knowledge base file not found: " + file.toAbsolutePath(), e);
        } catch (AccessDeniedException e) {
            throw fileProblem(origin, "no permission to read knowledge base file " + file.toAbsolutePath(), e);
        } catch (MalformedInputException e) {
            throw fileProblem(origin, "knowledge base file " + file.toAbsolutePath()
                    + " is not valid UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw fileProblem(origin, "cannot read knowledge base file " + file.toAbsolutePath() + ": " + e, e);
        }
        return compose(origin, text);
    }

    /**
     * Parses knowledge-base YAML from {@code reader}.
     *
     * @param origin how to name the source in problems, usually the file path
     */
    public static KnowledgeBase parse(String origin, Reader reader) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reader, "reader");
        // Knowledge bases are small; holding the text lets a bad character be mapped back to a line.
        StringWriter text = new StringWriter();
        try {
            reader.transferTo(text);
        } catch (IOException e) {
            throw fileProblem(origin, "cannot read knowledge base: " + e, e);
        }
        return compose(origin, text.toString());
    }

    private static KnowledgeBase compose(String origin, String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // Past a syntax error the tree is unknown, so this is the one case reported on its own.
            throw new KnowledgeBaseException(List.of(syntaxProblem(origin, e)), e);
        } catch (ReaderException e) {
            throw new KnowledgeBaseException(List.of(characterProblem(origin, text, e)), e);
        } catch (YAMLException e) {
            // Unmarked and not about a character: a SnakeYAML safety limit (size, aliases) was hit.
            throw fileProblem(origin, "cannot load knowledge base: " + e.getMessage(), e);
        }
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

    private static Problem syntaxProblem(String origin, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String message = "YAML syntax error: " + (e.getProblem() != null ? e.getProblem() : e.getContext());
        if (e instanceof ComposerException && String.valueOf(e.getProblem()).contains("another document")) {
            // SnakeYAML's wording ("but found another document") is baffling to non-YAML people.
            message = "YAML syntax error: a second document starts here; the file must hold one document,"
                    + " so remove this `---` line";
        } else if (e.getProblem() != null && e.getContext() != null && e.getContextMark() != null) {
            // The context ("while scanning a quoted scalar") often names where the real mistake began.
            message += " (" + e.getContext() + " at line " + (e.getContextMark().getLine() + 1) + ")";
        }
        return mark == null
                ? new Problem(origin, 0, 0, message)
                : new Problem(origin, mark.getLine() + 1, mark.getColumn() + 1, message);
    }

    /** SnakeYAML rejects control characters (often pasted in with answers) by code-point index only. */
    private static Problem characterProblem(String origin, String text, ReaderException e) {
        int line = 1;
        int column = 1;
        int offset = 0;
        for (int seen = 0; seen < e.getPosition() && offset < text.length(); seen++) {
            int codePoint = text.codePointAt(offset);
            offset += Character.charCount(codePoint);
            if (codePoint == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Problem(origin, line, column, String.format(
                "invisible control character U+%04X is not allowed in YAML; delete it", e.getCodePoint()));
    }

    private static KnowledgeBaseException fileProblem(String origin, String message, Throwable cause) {
        return new KnowledgeBaseException(List.of(new Problem(origin, 0, 0, message)), cause);
    }
}
