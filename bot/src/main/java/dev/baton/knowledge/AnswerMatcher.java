package dev.baton.knowledge;

import dev.baton.text.TextEmbedder;
import dev.baton.text.Words;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the entry that answers a question, and says how likely that is.
 *
 * <p>A single similarity threshold cannot tell a covered question from a near neighbour, so the
 * confidence combines several views of the same match: the best phrasing, the entry's centroid (all
 * its phrasings at once), the entry's answer text, the margin over the runner-up entry and how much of
 * the softmax mass the winner takes. The weights are a logistic calibration fitted once on three
 * unrelated knowledge bases (a bank, a general assistant, a game community); they are not per-KB.
 */
public final class AnswerMatcher {

    /** Sharpness of the softmax over entries: similarities of a few hundredths matter. */
    private static final double SOFTMAX_SCALE = 30;
    /** How much lexical overlap adds to the ranking, on top of the embedding similarity. */
    private static final double LEXICAL_WEIGHT = 0.15;

    /** How much an answer sentence that fits better than any phrasing lifts the entry's rank. */
    private static final double SENTENCE_WEIGHT = 0.5;

    private static final double W_BEST = 0.971;
    private static final double W_CENTROID = 4.168;
    private static final double W_MARGIN = 2.787;
    private static final double W_SHARE = 3.515;
    private static final double W_ANSWER = 0.451;
    private static final double W_SENTENCE = 0.956;
    private static final double BIAS = -7.071;

    private final KnowledgeIndex index;
    private final TextEmbedder embedder;

    public AnswerMatcher(KnowledgeBase base, TextEmbedder embedder) {
        this.index = new KnowledgeIndex(base, embedder);
        this.embedder = embedder;
    }

    public Match match(String question) {
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
        int top = 0;
        for (int e = 0; e < entries; e++) {
            double centroid = TextEmbedder.cosine(v, index.centroids[e]);
            rank[e] = (best[e] + centroid) / 2 + LEXICAL_WEIGHT * coverage(stems, total, e)
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
        double logit = BIAS + W_BEST * best[top] + W_CENTROID * centroid + W_MARGIN * margin + W_SHARE * share
                + W_ANSWER * answer + W_SENTENCE * sentence[top];
        double confidence = 1 / (1 + Math.exp(-logit));
        KnowledgeEntry entry = index.base.entries().get(top);
        String phrasing = entry.questions().get(bestQuestion[top] - firstQuestionOf(top));
        return new Match(entry, confidence, phrasing);
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
