package dev.baton;

import dev.baton.knowledge.AnswerMatcher;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.text.CachingEmbedder;
import dev.baton.text.MiniLmEmbedder;
import dev.baton.text.TextEmbedder;
import dev.baton.triage.TriageEngine;

/** The one place where Baton's parts are built and connected, with plain constructors. */
public final class Wiring {

    /** Answer only when the calibrated chance that the entry really answers is at least this. */
    public static final double DEFAULT_ANSWER_THRESHOLD = 0.5;

    private static final int EMBEDDING_CACHE = 10_000;

    private final TextEmbedder embedder;

    public Wiring() {
        this(new CachingEmbedder(new MiniLmEmbedder(), EMBEDDING_CACHE));
    }

    public Wiring(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    public TextEmbedder embedder() {
        return embedder;
    }

    public TriageEngine engine(KnowledgeBase knowledgeBase) {
        return engine(knowledgeBase, DEFAULT_ANSWER_THRESHOLD);
    }

    public TriageEngine engine(KnowledgeBase knowledgeBase, double answerThreshold) {
        return new TriageEngine(TriageEngine.standardDetectors(embedder),
                new AnswerMatcher(knowledgeBase, embedder), answerThreshold);
    }
}
