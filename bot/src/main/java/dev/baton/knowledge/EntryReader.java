package dev.baton.knowledge;

import dev.baton.yaml.Fields;
import dev.baton.yaml.Nodes;
import dev.baton.yaml.Problems;
import dev.baton.yaml.Scalars;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns one item of {@code entries:} into a {@link KnowledgeEntry}. Keeps going after a problem so
 * that all of an entry's mistakes are reported together; the entry itself is only built when none were found.
 */
final class EntryReader {

    static final List<String> KEYS = List.of("id", "topic", "questions", "answer", "source");

    /**
     * Printable ASCII without spaces, slashes, quotes or backslashes: ids end up in URLs, logs and
     * JSON. Real knowledge bases use more than [a-z0-9-] (e.g. {@code reverted_card_payment?}).
     */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][\\x21-\\x7E&&[^/\\\\\"'`]]*");

    /**
     * @param id      the entry's valid id, or null; reported even when the entry is otherwise broken
     *                so duplicate ids are still caught
     * @param idNode  where that id was written
     * @param entry   the finished entry, or null when the entry had problems
     */
    record Result(String id, Node idNode, KnowledgeEntry entry) {
    }

    private final Problems problems;

    EntryReader(Problems problems) {
        this.problems = problems;
    }

    Result read(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "each entry must be a mapping with `id:`, `questions:` and `answer:`, but found "
                    + Nodes.describe(node));
            return new Result(null, null, null);
        }
        int problemsBefore = problems.count();
        Map<String, Node> fields = Fields.read(mapping, KEYS, problems);

        Node idNode = fields.get("id");
        String id = idNode == null ? null : readId(idNode);
        if (idNode == null) {
            problems.at(mapping, "entry is missing `id:` (a stable name such as `refund-policy`)");
        }
        // Naming the entry helps when the line points at its first key rather than the missing one.
        String label = id == null ? "entry" : "entry `" + id + "`";
        String topic = Scalars.optionalText(fields.get("topic"), "topic", problems);
        List<String> questions = readQuestions(fields.get("questions"), mapping, label);
        String answer = readAnswer(fields.get("answer"), mapping, label);
        String source = readSource(fields.get("source"));

        KnowledgeEntry entry = problems.count() == problemsBefore
                ? new KnowledgeEntry(id, topic, questions, answer, source)
                : null;
        return new Result(id, idNode, entry);
    }

    private String readId(Node node) {
        String id = Scalars.text(node, "id", problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.at(node, "id `" + id + "` is not valid: use ASCII letters, digits and punctuation without"
                    + " spaces, slashes or quotes, starting with a letter or digit (e.g. `refund-policy`)");
            return null;
        }
        return id;
    }

    private List<String> readQuestions(Node node, MappingNode entry, String label) {
        if (node == null) {
            problems.at(entry, label + " is missing `questions:` (a list of how customers ask it)");
            return null;
        }
        if (Nodes.isNull(node)) {
            problems.at(node, "`questions` is empty; list at least one way customers ask this");
            return null;
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems.at(node, "`questions` must be a list (one `- \"question\"` per line), but found "
                    + Nodes.describe(node));
            return null;
        }
        if (sequence.getValue().isEmpty()) {
            problems.at(node, "`questions` is empty; list at least one way customers ask this");
            return null;
        }
        List<String> questions = new ArrayList<>();
        int number = 0;
        for (Node item : sequence.getValue()) {
            number++;
            if (!(item instanceof ScalarNode scalar)) {
                problems.at(item, "question " + number + " must be text, but found " + Nodes.describe(item));
            } else if (Nodes.isNull(item) || scalar.getValue().isBlank()) {
                problems.at(item, "question " + number + " is blank");
            } else {
                questions.add(scalar.getValue().strip());
            }
        }
        return questions;
    }

    private String readAnswer(Node node, MappingNode entry, String label) {
        if (node == null) {
            problems.at(entry, label + " is missing `answer:`");
            return null;
        }
        return Scalars.text(node, "answer", problems);
    }

    private String readSource(Node node) {
        String source = Scalars.optionalText(node, "source", problems);
        if (source != null && !isWebUrl(source)) {
            problems.at(node, "`source` must be an absolute http(s) URL such as https://example.org/help,"
                    + " but was `" + source + "`");
            return null;
        }
        return source;
    }

    // Shown to customers as a link, so relative paths, mailto: and the like would render broken.
    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
