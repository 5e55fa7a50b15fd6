package dev.baton.knowledge;

import dev.baton.text.TextEmbedder;
import dev.baton.text.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A knowledge base made ready for matching: every phrasing and every answer embedded once, each
 * entry's centroid, and which meaningful words each entry uses (with how rare they are in the KB).
 */
final class KnowledgeIndex {

    final KnowledgeBase base;
    final float[][] questionVectors;
    final int[] questionEntry;
    /** How many phrasings each entry has. */
    final int[] phrasings;
    final float[][] centroids;
    final float[][] answerVectors;
    /** Each sentence of each answer on its own: a question may be about one detail of a long answer. */
    final float[][] sentenceVectors;
    final int[] sentenceEntry;
    final List<Set<String>> entryStems;
    final Map<String, Double> idf;
    final double unseenIdf;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+");

    KnowledgeIndex(KnowledgeBase base, TextEmbedder embedder) {
        this.base = base;
        List<KnowledgeEntry> entries = base.entries();
        List<String> questions = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            for (String question : entries.get(e).questions()) {
                questions.add(question);
                owners.add(e);
            }
        }
        questionVectors = embedder.embedAll(questions).toArray(float[][]::new);
        questionEntry = owners.stream().mapToInt(Integer::intValue).toArray();
        phrasings = entries.stream().mapToInt(e -> e.questions().size()).toArray();
        answerVectors = embedder.embedAll(entries.stream().map(KnowledgeEntry::answer).toList()).toArray(float[][]::new);
        List<String> sentences = new ArrayList<>();
        List<Integer> sentenceOwners = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            for (String sentence : SENTENCE_END.split(entries.get(e).answer())) {
                if (!sentence.isBlank()) {
                    sentences.add(sentence.strip());
                    sentenceOwners.add(e);
                }
            }
        }
        sentenceVectors = embedder.embedAll(sentences).toArray(float[][]::new);
        sentenceEntry = sentenceOwners.stream().mapToInt(Integer::intValue).toArray();
        centroids = new float[entries.size()][];
        for (int e = 0; e < entries.size(); e++) {
            centroids[e] = centroid(e);
        }
        entryStems = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (KnowledgeEntry entry : entries) {
            Set<String> stems = new HashSet<>();
            entry.questions().forEach(q -> stems.addAll(Words.contentStems(q)));
            stems.addAll(Words.contentStems(entry.answer()));
            entryStems.add(stems);
            stems.forEach(s -> documentFrequency.merge(s, 1, Integer::sum));
        }
        int n = entries.size();
        idf = new HashMap<>();
        documentFrequency.forEach((stem, df) -> idf.put(stem, Math.log((n + 1.0) / (df + 0.5))));
        unseenIdf = Math.log((n + 1.0) / 0.5);
    }

    private float[] centroid(int entry) {
        float[] sum = new float[questionVectors[0].length];
        for (int q = 0; q < questionVectors.length; q++) {
            if (questionEntry[q] == entry) {
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += questionVectors[q][d];
                }
            }
        }
        double norm = 0;
        for (float v : sum) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= (float) norm;
        }
        return sum;
    }

    double idf(String stem) {
        return idf.getOrDefault(stem, unseenIdf);
    }
}
