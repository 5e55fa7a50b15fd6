package dev.baton.knowledge;

import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;
import dev.baton.text.Words;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the entry that answers a question, and says how likely that is.
 *
 * <p>Each entry is first scored by what it shares with the question: its best phrasing, its centroid
 * (all its phrasings at once), its answer and best answer sentence, and how many of the question's rare
 * words it uses; a fixed blend of these ranks the entries. (A ranker
 * learned across KBs did no better than the blend, left-one-family-out: docs/models.md.)
 *
 * <p>A single similarity threshold cannot tell a covered question from a near neighbour, so the
 * confidence then combines several views of the winning match ({@link #FEATURES}): its own similarities,
 * the margin over the runner-up, how much of the softmax mass it takes, and the KB's size. That model
 * is trained across many knowledge bases built from public training splits and Baton's written ones
 * (docs/models.md), never per KB, so the confidence is a probability on a community's own KB too.
 */
public final class AnswerMatcher {

    /** The views of the winning match the answerability model reads, in its input order. */
    public static final List<String> FEATURES = List.of("best_phrasing", "centroid", "margin", "share",
            "answer", "answer_sentence", "word_coverage", "log_entries", "log_phrasings");

    /** Sharpness of the softmax over entries: similarities of a few hundredths matter. */
    private static final double SOFTMAX_SCALE = 30;
    /** How much lexical overlap adds to the blend, on top of the embedding similarity. */
    private static final double LEXICAL_WEIGHT = 0.15;
    /** How much an answer sentence that fits better than any phrasing lifts the entry in the blend. */
    private static final double SENTENCE_WEIGHT = 0.5;

    private final KnowledgeIndex index;
    private final TextEmbedder embedder;
    private final Heads model;

    public AnswerMatcher(KnowledgeBase base, TextEmbedder embedder, Heads model) {
        if (model.inputs() != FEATURES.size()) {
            throw new IllegalArgumentException("the answerability model reads " + model.inputs()
                    + " values, the matcher gives " + FEATURES.size());
        }
        this.index = new KnowledgeIndex(base, embedder);
        this.embedder = embedder;
        this.model = model;
    }

    /** The best entry for a question and the views of that match, before any model weighs them. */
    public record Candidate(KnowledgeEntry entry, String matchedQuestion, float[] features) {
    }

    /**
     * Every entry's views for one question (rows in KB order: best phrasing, centroid, best answer sentence,
     * whole answer, word coverage), and each entry's best phrasing.
     */
    record Views(float[][] perEntry, int[] bestQuestion) {
    }

    /**
     * The best entry for a message and how sure the match is. A question wrapped in small talk or a story
     * is also read on its own ({@link QuestionClauses}), and so is the message with its chat shorthand written
     * out ({@link ChatShorthand}); when the whole message and such a reading pick the same entry, the surer
     * reading counts: the wrapping and the spelling say nothing about which entry answers. A reading never
     * brings in another entry: "do you have an API so we can create labels…" alone may look like the label
     * entry, but the message as a whole has the last word on what it is about. The one exception is what the
     * customer rules out ({@link RuledOut}): when those words are what picked the whole message's entry and the
     * rest of the message picks another, the rest is the message.
     */
    public Match match(String message) {
        return match(message, List.of());
    }

    /**
     * As {@link #match(String)}, with the customer's message this one follows: the question may be split over
     * two messages in a row ("can i pay with paypal" · "or amex?"), or a follow-up may take its subject from the
     * question Baton just answered ("can i upload photos from my camera" · "ok and how large can one be?"). The
     * two read as one are another reading, held to the same rule: it may make Baton surer of the entry the last
     * message picks, never pick another.
     *
     * @param readWith the customer's message(s) to read this one with, oldest first; empty for none
     */
    public Match match(String message, List<String> readWith) {
        Candidate whole = candidate(message);
        String asked = message;
        Optional<RuledOut.Split> split = RuledOut.in(message);
        if (split.isPresent()) {
            Candidate kept = candidate(split.get().kept());
            if (picksWhatIsRuledOut(whole, kept, split.get())) {
                whole = kept;
                asked = split.get().kept();
            }
        }
        double confidence = model.probability(0, whole.features());
        String matchedQuestion = whole.matchedQuestion();
        Set<String> readings = readings(asked);
        if (!readWith.isEmpty()) {
            readings.add(String.join(" ", readWith) + " " + message);
        }
        for (String reading : readings) {
            Candidate alone = candidate(reading);
            double sure = model.probability(0, alone.features());
            if (alone.entry().id().equals(whole.entry().id()) && sure > confidence) {
                confidence = sure;
                matchedQuestion = alone.matchedQuestion();
            }
        }
        return new Match(whole.entry(), confidence, matchedQuestion);
    }

    /**
     * Whether the words a customer rules out are what picked the whole message's entry, while the rest of the
     * message picks another: then the rest is the question ("on hold instead of cancelling" asks about pausing).
     */
    private boolean picksWhatIsRuledOut(Candidate whole, Candidate kept, RuledOut.Split split) {
        String wholeEntry = whole.entry().id();
        return !kept.entry().id().equals(wholeEntry) && candidate(split.ruledOut()).entry().id().equals(wholeEntry);
    }

    /** The other readings of a message: its asking clauses, and the same with its shorthand written out. */
    private static Set<String> readings(String message) {
        Set<String> readings = new LinkedHashSet<>(QuestionClauses.in(message));
        String expanded = ChatShorthand.expand(message);
        if (!expanded.equals(message)) {
            readings.add(expanded);
            readings.addAll(QuestionClauses.in(expanded));
        }
        return readings;
    }

    Views views(String question) {
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
        float[][] perEntry = new float[entries][];
        for (int e = 0; e < entries; e++) {
            perEntry[e] = new float[] {(float) best[e], (float) TextEmbedder.cosine(v, index.centroids[e]),
                    (float) sentence[e], (float) TextEmbedder.cosine(v, index.answerVectors[e]),
                    (float) coverage(stems, total, e)};
        }
        return new Views(perEntry, bestQuestion);
    }

    /** How each entry ranks for the question: best phrasing and centroid, lifted by shared words and sentences. */
    static double[] ranks(float[][] perEntry) {
        double[] rank = new double[perEntry.length];
        for (int e = 0; e < perEntry.length; e++) {
            float[] f = perEntry[e];
            rank[e] = (f[0] + f[1]) / 2 + LEXICAL_WEIGHT * f[4] + SENTENCE_WEIGHT * Math.max(0, f[2] - f[0]);
        }
        return rank;
    }

    public Candidate candidate(String question) {
        Views views = views(question);
        float[][] perEntry = views.perEntry();
        int entries = perEntry.length;
        double[] rank = ranks(perEntry);
        int top = 0;
        for (int e = 1; e < entries; e++) {
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
        float[] t = perEntry[top];
        // The KB's size tells the model how much a margin or a softmax share means: one entry in eight
        // winning clearly is less telling than one in two hundred.
        // How many phrasings the entry has says how much its best one can be trusted: a community's entry
        // has two or three, so a paraphrase is often far from all of them; ten cover most wordings.
        float[] features = {t[0], t[1], (float) margin, (float) share, t[3], t[2], t[4], (float) Math.log(entries),
                (float) Math.log(index.phrasings[top])};
        KnowledgeEntry entry = index.base.entries().get(top);
        String phrasing = entry.questions().get(views.bestQuestion()[top] - firstQuestionOf(top));
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
