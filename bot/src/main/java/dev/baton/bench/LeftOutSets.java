package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.knowledge.AnswerMatcher;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.learn.AnswerTraining;
import dev.baton.learn.ConversationRows;
import dev.baton.learn.SetScoring;
import dev.baton.rules.RuleBook;
import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;
import dev.baton.triage.CueSettings;
import dev.baton.triage.TriageEngine;
import dev.baton.triage.TriageJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A labelled conversation set decided as {@code bench} decides it (the whole engine, its knowledge base, the
 * built-in cue settings and the default answer threshold), with cue heads that never learned from the set:
 * the number to quote for a set the shipped heads were trained on. A set's knowledge base is
 * {@code NAME-kb.yaml} beside {@code NAME-conversations.jsonl}; the written set's are one per product in
 * {@code kbs.jsonl}.
 */
public final class LeftOutSets implements SetScoring {

    private final Heads answerability;

    /** @param answerability the answerability model the engine matches with (the shipped one) */
    public LeftOutSets(Heads answerability) {
        this.answerability = answerability;
    }

    @Override
    public String score(ConversationRows.Set set, Heads heads, TextEmbedder embedder) {
        try {
            Function<JsonNode, TriageEngine> engineFor = engines(set, heads, embedder);
            if (engineFor == null) {
                return null;
            }
            TriageJson json = new TriageJson();
            ConversationScore score = new ConversationScore();
            for (JsonNode row : Jsonl.rows(set.file())) {
                score.add(row.path("expect"), engineFor.apply(row).decide(json.conversation(row), CueSettings.standard(),
                        RuleBook.DEFAULT_ANSWER_CONFIDENCE));
            }
            return score.summary();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Function<JsonNode, TriageEngine> engines(ConversationRows.Set set, Heads heads, TextEmbedder embedder)
            throws IOException {
        Path dir = set.file().toAbsolutePath().getParent();
        Path yaml = dir.resolve(set.name() + "-kb.yaml");
        if (Files.exists(yaml)) {
            TriageEngine engine = engine(KnowledgeBaseLoader.load(yaml), heads, embedder);
            return row -> engine;
        }
        Path products = dir.resolve("kbs.jsonl");
        if (set.name().equals("written") && Files.exists(products)) {
            Map<String, TriageEngine> engines = new HashMap<>();
            AnswerTraining.writtenKbs(products).forEach((product, kb) -> engines.put(product, engine(kb, heads, embedder)));
            return row -> engines.get(row.path("product").asText());
        }
        return null;
    }

    private TriageEngine engine(KnowledgeBase kb, Heads heads, TextEmbedder embedder) {
        return TriageEngine.over(heads, embedder, new AnswerMatcher(kb, embedder, answerability),
                RuleBook.DEFAULT_ANSWER_CONFIDENCE);
    }
}
