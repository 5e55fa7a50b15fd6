package dev.baton.learn;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.knowledge.AnswerMatcher;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trains the answerability model: whether the entry the matcher found really answers the question.
 * Its rows come from many knowledge bases: ones built from the intents of public training splits
 * (a fifth of each set's intents left out of its KB, so their questions are near neighbours nothing
 * answers) and Baton's written product KBs (each phrasing asked with it left out, and each entry's
 * phrasings asked with the whole entry left out; the written
 * conversations are kept out, so that they can check the whole decision). It is scored leave-one-family-out: the model that scores a family's
 * questions never saw a KB of that family.
 */
public record AnswerTraining(LogisticTrainer.Settings settings, PrintStream log) {

    /** One question asked of a KB, with the entry that answers it, or null when none does. */
    public record Query(String text, String gold) {
    }

    /** A knowledge base and the questions asked of it; {@code family} names its source for leave-one-out. */
    public record Bank(String family, KnowledgeBase kb, List<Query> queries) {
    }

    /** One scored question: the matcher's views, and whether its best entry was right. */
    record Row(String family, float[] x, boolean right) {
    }

    /**
     * Phrasings per entry in the intent KBs: a community writes two to four (the written KBs have three),
     * the public scope KBs have ten, and the views of a match mean different things with few or many.
     */
    static final int[] KB_QUESTIONS = {3, 10};
    static final int QUERIES_PER_INTENT = 15;
    static final double LEFT_OUT_INTENTS = 0.2;
    static final int OUT_OF_DOMAIN = 400;
    /** KB sizes drawn from each intent set; the largest takes every intent. */
    static final int[] KB_SIZES = {8, 20, 1000};
    static final int SMALL_KB_DRAWS = 4;
    static final int SMALL_KB_QUERIES = 6;

    /** Every bank the data present allows: intent sets from {@code data}, written products from {@code written}. */
    public List<Bank> banks(Path data, Path written) throws IOException {
        List<Bank> banks = new ArrayList<>();
        for (String family : List.of("banking77", "clinc150", "hwu64")) {
            Path file = data.resolve(family + ".jsonl");
            if (Files.exists(file)) {
                Map<String, List<String>> byIntent = new TreeMap<>();
                List<String> outOfDomain = new ArrayList<>();
                read(file, byIntent, outOfDomain);
                // Communities' KBs run from a handful of entries to hundreds; the views of a match (margin,
                // softmax share) mean different things at each size, so the model sees several.
                for (int size : KB_SIZES) {
                    for (int draw = 0; draw < (size < byIntent.size() ? SMALL_KB_DRAWS : 1); draw++) {
                        for (int phrasings : KB_QUESTIONS) {
                            Bank bank = intentBank(family, byIntent, outOfDomain, size, draw, phrasings);
                            if (bank.kb().size() >= 2) {
                                banks.add(bank);
                            }
                        }
                    }
                }
            }
        }
        banks.addAll(writtenBanks(written));
        return banks;
    }

    private void read(Path file, Map<String, List<String>> byIntent, List<String> outOfDomain) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            String text = row.path("text").asText().strip();
            if (row.path("intent").isNull() || row.path("intent").asText().isEmpty()) {
                outOfDomain.add(text);
            } else {
                byIntent.computeIfAbsent(row.path("intent").asText(), k -> new ArrayList<>()).add(text);
            }
        }
    }

    /**
     * A KB of at most {@code size} intents of one data set (plus a fifth as many left out, whose questions
     * nothing answers), and questions from both.
     */
    private Bank intentBank(String family, Map<String, List<String>> byIntent, List<String> outOfDomain, int size,
                            int draw, int phrasings) {
        Random random = new Random(settings.seed() + family.hashCode() + 31L * size + draw + 1009L * phrasings);
        List<String> intents = new ArrayList<>(byIntent.keySet());
        Collections.shuffle(intents, random);
        int kept = Math.min(intents.size(), (int) Math.round(size * (1 + LEFT_OUT_INTENTS)));
        intents = intents.subList(0, kept);
        int leftOut = (int) Math.round(intents.size() * LEFT_OUT_INTENTS);
        int perIntent = size < byIntent.size() ? SMALL_KB_QUERIES : QUERIES_PER_INTENT;
        List<KnowledgeEntry> entries = new ArrayList<>();
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < intents.size(); i++) {
            String intent = intents.get(i);
            List<String> texts = new ArrayList<>(new LinkedHashSet<>(byIntent.get(intent)));
            Collections.shuffle(texts, random);
            if (i < leftOut) {
                texts.stream().limit(perIntent).forEach(t -> queries.add(new Query(t, null)));
                continue;
            }
            if (texts.size() <= phrasings) {
                continue;
            }
            entries.add(new KnowledgeEntry(intent, null, texts.subList(0, phrasings),
                    "Answer for " + intent.replace('_', ' ') + ".", null));
            texts.subList(phrasings, texts.size()).stream().limit(perIntent)
                    .forEach(t -> queries.add(new Query(t, intent)));
        }
        List<String> unrelated = new ArrayList<>(outOfDomain);
        Collections.shuffle(unrelated, random);
        unrelated.stream().limit(size < byIntent.size() ? OUT_OF_DOMAIN / 8 : OUT_OF_DOMAIN)
                .forEach(t -> queries.add(new Query(t, null)));
        return new Bank(family, new KnowledgeBase(family + " (" + entries.size() + " entries)", entries), queries);
    }

    private List<Bank> writtenBanks(Path written) throws IOException {
        Path kbs = written.resolve("kbs.jsonl");
        if (!Files.exists(kbs)) {
            return List.of();
        }
        Map<String, KnowledgeBase> products = writtenKbs(kbs);
        List<Bank> banks = new ArrayList<>();
        // Each phrasing asked with itself taken out of the KB: how a customer's own wording fares.
        for (KnowledgeBase kb : products.values()) {
            for (int turn = 0; turn < 3; turn++) {
                List<KnowledgeEntry> entries = new ArrayList<>();
                List<Query> queries = new ArrayList<>();
                for (KnowledgeEntry e : kb.entries()) {
                    if (e.questions().size() > turn && e.questions().size() >= 2) {
                        List<String> rest = new ArrayList<>(e.questions());
                        queries.add(new Query(rest.remove(turn), e.id()));
                        entries.add(new KnowledgeEntry(e.id(), e.topic(), rest, e.answer(), null));
                    } else {
                        entries.add(e);
                    }
                }
                banks.add(new Bank("written", new KnowledgeBase(kb.origin(), entries), queries));
            }
            // Each entry taken out whole and its phrasings asked: its neighbours are close, and none answers.
            // Real answers teach what placeholder ones cannot: a close neighbour whose answer lacks the detail.
            for (int out = 0; out < kb.size(); out++) {
                List<KnowledgeEntry> rest = new ArrayList<>(kb.entries());
                KnowledgeEntry removed = rest.remove(out);
                banks.add(new Bank("written", new KnowledgeBase(kb.origin(), rest),
                        removed.questions().stream().map(q -> new Query(q, null)).toList()));
            }
        }
        return banks;
    }

    /** Baton's written product KBs ({@code kbs.jsonl}: one product a line), by product id. */
    public static Map<String, KnowledgeBase> writtenKbs(Path kbs) throws IOException {
        Map<String, KnowledgeBase> products = new LinkedHashMap<>();
        for (String line : Files.readAllLines(kbs)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode product = JSON.readTree(line);
            List<KnowledgeEntry> entries = new ArrayList<>();
            for (JsonNode e : product.path("entries")) {
                List<String> questions = new ArrayList<>();
                e.path("questions").forEach(q -> questions.add(q.asText()));
                entries.add(new KnowledgeEntry(e.path("id").asText(), e.path("topic").asText(null), questions,
                        e.path("answer").asText(), null));
            }
            products.put(product.path("product").asText(), new KnowledgeBase(product.path("product").asText(), entries));
        }
        return products;
    }

    /** Every text a bank embeds: phrasings, answers, answer sentences and questions. */
    public static Set<String> texts(List<Bank> banks) {
        Set<String> texts = new LinkedHashSet<>();
        for (Bank bank : banks) {
            for (KnowledgeEntry e : bank.kb().entries()) {
                texts.addAll(e.questions());
                texts.add(e.answer());
                for (String sentence : e.answer().split("(?<=[.!?;:])\\s+")) {
                    if (!sentence.isBlank()) {
                        texts.add(sentence.strip());
                    }
                }
            }
            bank.queries().forEach(q -> texts.add(q.text()));
        }
        return texts;
    }

    public record Result(Heads heads, Map<String, BinaryScore> leftOut) {
    }

    public Result train(List<Bank> banks, TextEmbedder embedder, PrintStream out) {
        Heads blank = blank();
        List<Row> rows = new ArrayList<>();
        for (Bank bank : banks) {
            AnswerMatcher matcher = new AnswerMatcher(bank.kb(), embedder, blank);
            for (Query q : bank.queries()) {
                AnswerMatcher.Candidate c = matcher.candidate(q.text());
                rows.add(new Row(bank.family(), c.features(), q.gold() != null && q.gold().equals(c.entry().id())));
            }
        }
        Map<String, Integer> perFamily = new TreeMap<>();
        rows.forEach(r -> perFamily.merge(r.family(), 1, Integer::sum));
        log.println("answerability rows per family: " + perFamily);
        Map<String, BinaryScore> leftOut = new LinkedHashMap<>();
        log.println("  leave-one-family-out (the model scoring a family never saw a KB of it):");
        log.println("  | family | questions | right entry on top | precision@0.5 | coverage@0.5 | ECE |");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no questions to train the answerability model on: the training data"
                    + " has no knowledge base with two or more entries");
        }
        for (String family : perFamily.keySet()) {
            List<Row> others = rows.stream().filter(r -> !r.family().equals(family)).toList();
            if (others.isEmpty()) {
                log.println("  | " + family + " | (the only family: nothing to leave it out against) |");
                continue;
            }
            Heads model = fit(others);
            BinaryScore score = new BinaryScore();
            rows.stream().filter(r -> r.family().equals(family)).forEach(r -> score.add(model.probability(0, r.x()), r.right()));
            leftOut.put(family, score);
            BinaryScore.At at = score.at(0.5);
            log.printf(Locale.ROOT, "  | %s | %d | %d | %.3f | %.3f | %.3f |%n", family, score.size(), score.positives(),
                    at.precision(), at.recall(), score.expectedCalibrationError());
        }
        return new Result(fit(rows), leftOut);
    }

    /** Fits on standardised views, then folds the scaling into the weights so the file reads raw views. */
    private Heads fit(List<Row> rows) {
        int d = AnswerMatcher.FEATURES.size();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (Row r : rows) {
            for (int i = 0; i < d; i++) {
                mean[i] += r.x()[i] / rows.size();
            }
        }
        for (Row r : rows) {
            for (int i = 0; i < d; i++) {
                sd[i] += Math.pow(r.x()[i] - mean[i], 2) / rows.size();
            }
        }
        for (int i = 0; i < d; i++) {
            sd[i] = Math.max(1e-6, Math.sqrt(sd[i]));
        }
        List<LogisticTrainer.Example> examples = new ArrayList<>();
        for (Row r : rows) {
            float[] z = new float[d];
            for (int i = 0; i < d; i++) {
                z[i] = (float) ((r.x()[i] - mean[i]) / sd[i]);
            }
            examples.add(new LogisticTrainer.Example(z, new boolean[] {r.right()}, new boolean[] {true}));
        }
        Heads standard = LogisticTrainer.train(List.of("answers"), examples, settings.withEpochs(Math.max(settings.epochs(), 30)));
        float[] w = new float[d];
        double b = standard.biases()[0];
        for (int i = 0; i < d; i++) {
            w[i] = (float) (standard.weights()[0][i] / sd[i]);
            b -= standard.weights()[0][i] * mean[i] / sd[i];
        }
        return new Heads(List.of("answers"), new float[][] {w}, new double[] {b}, new double[] {0.5});
    }

    private static Heads blank() {
        return new Heads(List.of("answers"), new float[1][AnswerMatcher.FEATURES.size()], new double[] {0},
                new double[] {0.5});
    }
}
