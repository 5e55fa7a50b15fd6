package dev.baton.knowledge;

import dev.baton.learn.Heads;
import dev.baton.text.TextEmbedder;
import dev.baton.text.Words;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the entry that answers a question, and says how likely that is.
 *
 * <p>A single similarity threshold cannot tell a covered question from a near neighbour, so the
 * confidence combines several views of the same match ({@link #FEATURES}): the best phrasing, the
 * entry's centroid (all its phrasings at once), the entry's answer text and its best sentence, the
 * margin over the runner-up entry, how much of the softmax mass the winner takes, and how many of the
 * question's rare words the entry uses. The weights are a logistic regression trained across many
 * knowledge bases built from public training splits and Baton's written ones (docs/models.md), never
 * per KB, so the confidence is a probability on a community's own KB too.
 */
public final class AnswerMatcher {

    /** The views of a match the answerability model reads, in its input order. */
    public static final List<String> FEATURES = List.of("best_phrasing", "centroid", "margin", "share",
            "answer", "answer_sentence", "word_coverage");

    /** Sharpness of the softmax over entries: similarities of a few hundredths matter. */
    private static final double SOFTMAX_SCALE = 30;
    /** How much lexical overlap adds to the ranking, on top of the embedding similarity. */
    private static final double LEXICAL_WEIGHT = 0.15;
    /** How much an answer sentence that fits better than any phrasing lifts the entry's rank. */
    private static final double SENTENCE_WEIGHT = 0.5;

    private final KnowledgeIndex index;
    private final TextEmbedder embedder;
    private final Heads model;

    public AnswerMatcher(KnowledgeBase base, TextEmbedder embedder, Heads model) {
        if (model.inputs() != FEATURES.size()) {
            throw new IllegalArgumentException("the answerability model reads " + model.inputs() + " values, the matcher gives "
                    + FEATURES.size());
        }
        this.index = new KnowledgeIndex(base, embedder);
        this.embedder = embedder;
        this.model = model;
    }

    /** The best entry for a question and the views of that match, before any model weighs them. */
    public record Candidate(KnowledgeEntry entry, String matchedQuestion, float[] features) {
    }

    public Match match(String question) {
        Candidate candidate = candidate(question);
        return new Match(candidate.entry(), model.probability(0, candidate.features()), candidate.matchedQuestion());
    }

    public Candidate candidate(String question) {
        float[] v = embedder.embed(question);
        int entries = index.centroids.length;
        double[] best = new double[entries];
        int[] bestQuestion = new int[entries];
        Arrays.fill(best, -1);
        for (int q = 0; q < index.questionVectors.length; q++) {
            double s = TextEmbedder.cosine(v, index.questionVectors[q]);
            int e = index.questionEntry[q];
            if (s > best[e]) {
                best[e] = s;
                bestQuestion[e] = q;
            }
        }
        double[] sentence = new double[entries];
        Arrays.fill(sentence, -1);
        for (int s = 0; s < index.sentenceVectors.length; s++) {
            int e = index.sentenceEntry[s];
            sentence[e] = Math.max(sentence[e], TextEmbedder.cosine(v, index.sentenceVectors[s]));
        }
        List<String> stems = Words.contentStems(question);
        double total = 0;
        for (String stem : stems) {
            total += index.idf(stem);
        }
        double[] rank = new double[entries];
        double[] coverage = new double[entries];
        int top = 0;
        for (int e = 0; e < entries; e++) {
            double centroid = TextEmbedder.cosine(v, index.centroids[e]);
            coverage[e] = coverage(stems, total, e);
            rank[e] = (best[e] + centroid) / 2 + LEXICAL_WEIGHT * coverage[e]
                    + SENTENCE_WEIGHT * Math.max(0, sentence[e] - best[e]);
            if (rank[e] > rank[top]) {
                top = e;
            }
        }
        double runnerUp = Double.NEGATIVE_INFINITY;
        double partition = 0;
        for (int e = 0; e < entries; e++) {
            partition += Math.exp(SOFTMAX_SCALE * (rank[e] - rank[top]));
            if (e != top) {
                runnerUp = Math.max(runnerUp, rank[e]);
            }
        }
        double margin = entries > 1 ? rank[top] - runnerUp : rank[top];
        double share = 1 / partition;
        double centroid = TextEmbedder.cosine(v, index.centroids[top]);
        double answer = TextEmbedder.cosine(v, index.answerVectors[top]);
        float[] features = {(float) best[top], (float) centroid, (float) margin, (float) share, (float) answer,
                (float) sentence[top], (float) coverage[top]};
        KnowledgeEntry entry = index.base.entries().get(top);
        String phrasing = entry.questions().get(bestQuestion[top] - firstQuestionOf(top));
        return new Candidate(entry, phrasing, features);
    }

    private int firstQuestionOf(int entry) {
        for (int q = 0; q < index.questionEntry.length; q++) {
            if (index.questionEntry[q] == entry) {
                return q;
            }
        }
        throw new IllegalStateException("entry " + entry + " has no questions");
    }

    private double coverage(List<String> stems, double total, int entry) {
        if (total == 0) {
            return 0;
        }
        double matched = 0;
        for (String stem : stems) {
            if (index.entryStems.get(entry).contains(stem)) {
                matched += index.idf(stem);
            }
        }
        return matched / total;
    }
}
