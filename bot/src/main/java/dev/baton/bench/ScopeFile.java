package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * A public scope benchmark: questions that some entry of its knowledge base answers (the row's
 * {@code intent}) or none does, which Baton should decline.
 *
 * @param file JSON Lines with {@code text}, {@code label} and, when answerable, {@code intent}
 * @param kb   its knowledge base, in Baton's format
 */
record ScopeFile(String name, String file, String kb, Predicate<JsonNode> answerable) {

    static final List<ScopeFile> ALL = List.of(
            new ScopeFile("banking77-oos", "bench/scope_banking77_oos.dev.jsonl", "kb/banking77.yaml",
                    row -> "answer".equals(row.path("label").asText())),
            new ScopeFile("clinc150", "bench/scope_clinc150.dev.jsonl", "kb/clinc150.yaml",
                    row -> "in_scope".equals(row.path("label").asText())));

    /** The entry that answers the row's question, or null when none does. */
    String goldEntry(JsonNode row) {
        return answerable.test(row) ? row.path("intent").asText() : null;
    }

    Path questions(Path data) {
        return data.resolve(file);
    }

    Path knowledge(Path data) {
        return data.resolve(kb);
    }
}
