package dev.baton.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One hand-written answer the bot may give verbatim.
 *
 * @param id        stable, unique id (other parts of the bot and the handoff log refer to it)
 * @param topic     optional grouping, may be {@code null}
 * @param questions the ways customers phrase the question; never empty when built by the loader
 * @param answer    the answer text
 * @param source    optional absolute http(s) URL shown with the answer, may be {@code null}
 */
public record KnowledgeEntry(String id, String topic, List<String> questions, String answer, String source) {

    public KnowledgeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(answer, "answer");
        // Copy so an entry can be shared across threads without anyone mutating the caller's list.
        questions = List.copyOf(Objects.requireNonNull(questions, "questions"));
    }
}
