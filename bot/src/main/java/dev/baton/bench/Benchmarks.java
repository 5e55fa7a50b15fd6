package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.Wiring;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.learn.AnswerTraining;
import dev.baton.learn.BinaryScore;
import dev.baton.learn.CueTraining;
import dev.baton.learn.Models;
import dev.baton.learn.Training;
import dev.baton.learn.WeightFile;
import dev.baton.llm.Assistant;
import dev.baton.llm.ModelTuning;
import dev.baton.triage.Conversation;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import dev.baton.triage.TriageJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Measures the decision on the development data in {@code shared/data}, read in place (never copied
 * into the project). Each data set is scored on its own labels only.
 */
public final class Benchmarks {

    /**
     * The parts {@code --only} can pick, in the order they run. {@code model} runs last, so that the peak
     * memory {@code speed} reports is the engine's alone.
     */
    public static final List<String> NAMES = List.of("models", "conversations", "tally", "written", "sets", "unseen",
            "scope", "cues", "speed", "holdout", "model");

    /** Conversation sets written for Baton by writers who never saw it, read since to find the engine's misses. */
    static final Path SETS = Path.of("bot", "training", "sets");
    /** Conversation sets by writers who never saw Baton that nothing was trained or tuned on (benchmarks.md). */
    static final Path UNSEEN = Path.of("bot", "training", "unseen");

    private final Path data;
    private final Wiring wiring;
    private final double threshold;
    private final Assistant assistant;
    private final double band;
    private final PrintStream out;
    private final boolean verbose;

    /** Without a language model: the {@code model} part says what would be asked, within the default band. */
    public Benchmarks(Path data, Wiring wiring, double threshold, PrintStream out, boolean verbose) {
        this(data, wiring, threshold, Assistant.off(), ModelTuning.DEFAULTS.band(), out, verbose);
    }

    /**
     * @param assistant the language model the {@code model} part asks ({@link Assistant#off()} for none)
     * @param band      how close to a threshold counts as unsure when no model is configured (a configured
     *                  model's own band counts otherwise)
     */
    public Benchmarks(Path data, Wiring wiring, double threshold, Assistant assistant, double band, PrintStream out,
                      boolean verbose) {
        this.data = data;
        this.wiring = wiring;
        this.threshold = threshold;
        this.assistant = assistant;
        this.band = band;
        this.out = out;
        this.verbose = verbose;
    }

    public void run(String only) throws IOException {
        if (selected(only, "models")) {
            models();
        }
        if (selected(only, "conversations")) {
            conversationSet(data.resolve("conversations"), "emberfall", "lexicons and thresholds tuned on it");
        }
        if (selected(only, "tally")) {
            // Its own part, so that tuning on Emberfall never prints it by accident.
            conversationSet(data.resolve("conversations"), "tally", "never tuned on by hand, read since");
        }
        if (selected(only, "written")) {
            written(Path.of("bot", "training", "written"));
        }
        if (selected(only, "sets")) {
            conversationSets(SETS, "by a writer who never saw Baton, read since");
        }
        if (selected(only, "unseen")) {
            conversationSets(UNSEEN, "unseen: nothing was trained or tuned on it");
        }
        if (selected(only, "scope")) {
            for (ScopeFile scope : ScopeFile.ALL) {
                scope(scope);
            }
        }
        if (selected(only, "cues")) {
            cues();
        }
        if (selected(only, "speed")) {
            speed();
        }
        if (selected(only, "holdout")) {
            holdout(Path.of("config", "knowledge.yaml"));
        }
        if (selected(only, "model")) {
            new ModelBenchmarks(data, wiring, threshold, assistant, band, out, verbose).run();
        }
    }

    /**
     * A knowledge base the engine was never tuned on: each phrasing in turn is taken out of the KB and
     * asked as a question. Answering it with its own entry is right; with another entry, wrong.
     */
    private void holdout(Path kbFile) throws IOException {
        if (!Files.exists(kbFile)) {
            out.println("holdout: " + kbFile + " not found, skipped");
            return;
        }
        KnowledgeBase kb = KnowledgeBaseLoader.load(kbFile);
        int asked = 0;
        int answered = 0;
        int right = 0;
        for (KnowledgeEntry entry : kb.entries()) {
            if (entry.questions().size() < 2) {
                continue;
            }
            for (String question : entry.questions()) {
                KnowledgeBase without = withoutQuestion(kb, entry, question);
                Decision decision = wiring.engine(without, threshold)
                        .decide(Conversation.of(Message.customer(question)));
                asked++;
                if (decision instanceof Decision.Answer a) {
                    answered++;
                    if (a.entry().equals(entry.id())) {
                        right++;
                    } else if (verbose) {
                        out.printf("  wrong: \"%s\" answered with %s instead of %s%n", question, a.entry(), entry.id());
                    }
                }
            }
        }
        out.println("## held-out phrasings of " + kbFile + " (" + kb.size() + " entries, " + asked + " phrasings)");
        out.println("answer precision " + new Ratio(right, answered));
        out.println("answer coverage  " + new Ratio(right, asked));
        out.println();
    }

    private static KnowledgeBase withoutQuestion(KnowledgeBase kb, KnowledgeEntry entry, String question) {
        List<KnowledgeEntry> entries = new ArrayList<>();
        for (KnowledgeEntry e : kb.entries()) {
            if (e == entry) {
                List<String> rest = new ArrayList<>(e.questions());
                rest.remove(question);
                entries.add(new KnowledgeEntry(e.id(), e.topic(), rest, e.answer(), e.source()));
            } else {
                entries.add(e);
            }
        }
        return new KnowledgeBase(kb.origin(), entries);
    }

    private static boolean selected(String only, String name) {
        return only.equals("all") || Arrays.asList(only.split(",")).contains(name);
    }

    // --- conversations ---------------------------------------------------------------------------

    /**
     * Emberfall is the set Baton was tuned on (thresholds, the lexicons' wording); Tally was kept aside and
     * only scored until its misses were read; the sets in {@link #UNSEEN} are the ones to quote now for
     * conversations nobody tuned on.
     */
    private void conversationSet(Path dir, String name, String role) throws IOException {
        conversationSet(dir, name, role, new Pool(threshold));
    }

    private void conversationSet(Path dir, String name, String role, Pool pool) throws IOException {
        Path kbFile = dir.resolve(name + "-kb.yaml");
        Path file = dir.resolve(name + "-conversations.jsonl");
        if (!Files.exists(kbFile) || !Files.exists(file)) {
            out.println("conversations " + name + ": not found, skipped");
            return;
        }
        TriageEngine engine = wiring.engine(KnowledgeBaseLoader.load(kbFile), threshold);
        scoreConversations(file, row -> engine, name + ", " + role, pool);
    }

    /** Several sets' conversations counted together, beside each set's own numbers. */
    private static final class Pool {
        final ConversationScore score = new ConversationScore();
        final WhereAnswersGo where = new WhereAnswersGo(CueSettings.standard());
        final PerfectSecondOpinion model;
        int sets;

        Pool(double threshold) {
            model = new PerfectSecondOpinion(CueSettings.standard(), threshold);
        }
    }

    /** Every set in {@code dir} with its knowledge base: {@code NAME-conversations.jsonl} and {@code NAME-kb.yaml}. */
    private void conversationSets(Path dir, String role) throws IOException {
        List<String> sets = List.of();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                sets = files.map(f -> f.getFileName().toString())
                        .filter(f -> f.endsWith("-conversations.jsonl"))
                        .map(f -> f.substring(0, f.length() - "-conversations.jsonl".length()))
                        .filter(set -> Files.exists(dir.resolve(set + "-kb.yaml")))
                        .sorted()
                        .toList();
            }
        }
        if (sets.isEmpty()) {
            out.println("conversations: no sets in " + dir + ", skipped");
        }
        Pool pool = new Pool(threshold);
        for (String set : sets) {
            conversationSet(dir, set, role, pool);
        }
        if (pool.sets > 1) {
            out.println("## conversations (" + pool.sets + " sets in " + dir + " pooled, " + pool.score.total()
                    + " conversations)");
            pool.score.print(out);
            pool.where.print(out);
            pool.model.print(out);
            out.println();
        }
    }

    /** Decides every conversation of {@code file} with the engine for its row, and prints the metrics. */
    private void scoreConversations(Path file, Function<JsonNode, TriageEngine> engineFor,
                                    String what) throws IOException {
        scoreConversations(file, engineFor, what, new Pool(threshold));
    }

    private void scoreConversations(Path file, Function<JsonNode, TriageEngine> engineFor,
                                    String what, Pool pool) throws IOException {
        TriageJson json = new TriageJson();
        ConversationScore score = new ConversationScore();
        WhereAnswersGo where = new WhereAnswersGo(CueSettings.standard());
        PerfectSecondOpinion model = new PerfectSecondOpinion(CueSettings.standard(), threshold);
        BinaryScore calibration = new BinaryScore();
        for (JsonNode row : Jsonl.rows(file)) {
            Conversation conversation = json.conversation(row);
            TriageEngine.Assessment assessment = engineFor.apply(row)
                    .assess(conversation, CueSettings.standard(), threshold);
            Decision decision = assessment.decision();
            JsonNode expect = row.path("expect");
            calibrate(calibration, expect, assessment.nearest());
            where.add(expect, assessment);
            pool.where.add(expect, assessment);
            model.add(expect, conversation, assessment);
            pool.model.add(expect, conversation, assessment);
            pool.score.add(expect, decision);
            if (!score.add(expect, decision) && verbose) {
                out.printf("  miss %s expected %s got %s%n", row.path("id").asText(), expect,
                        json.decision(decision));
            }
        }
        pool.sets++;
        out.println("## conversations (" + what + ", " + score.total() + " conversations)");
        score.print(out);
        printCalibration(calibration, "cases that are a plain answer or only out of scope");
        where.print(out);
        model.print(out);
        out.println();
    }

    /**
     * Whether the confidence means a probability: over the cases where only the knowledge base decides (a
     * gold answer, or a handoff for out_of_scope alone), the nearest entry's confidence against whether
     * answering with it would have been right. Cases handed off for a feeling are left out: the answerability
     * model does not read feelings, the cues do.
     */
    private static void calibrate(BinaryScore calibration, JsonNode expect, Match nearest) {
        boolean answer = "answer".equals(expect.path("action").asText());
        JsonNode reasons = expect.path("reasons");
        boolean onlyOutOfScope = reasons.size() > 0;
        for (JsonNode reason : reasons) {
            onlyOutOfScope &= "out_of_scope".equals(reason.asText());
        }
        if (answer || onlyOutOfScope) {
            calibration.add(nearest.confidence(), answer && nearest.entry().id().equals(expect.path("entry").asText()));
        }
    }

    private void printCalibration(BinaryScore calibration, String over) {
        out.printf(Locale.ROOT, "answerability ECE %.3f over %d %s (the nearest entry right in %d)%n",
                calibration.expectedCalibrationError(), calibration.size(), over, calibration.positives());
    }

    /**
     * Baton's own written conversations (bot/training/written), one engine per product KB. They are kept out
     * of the answerability model's training, but the cue heads learn from messages written by the same
     * hand, so these numbers stand beside Emberfall as a tuning set, not as a result.
     */
    private void written(Path dir) throws IOException {
        Path kbs = dir.resolve("kbs.jsonl");
        Path file = dir.resolve("conversations.jsonl");
        if (!Files.exists(kbs) || !Files.exists(file)) {
            out.println("written: " + dir + " not found, skipped");
            return;
        }
        Map<String, TriageEngine> engines = new HashMap<>();
        AnswerTraining.writtenKbs(kbs).forEach((product, kb) -> engines.put(product,
                wiring.engine(kb, threshold)));
        scoreConversations(file, row -> engines.get(row.path("product").asText()),
                "written, " + engines.size() + " products");
    }

    /**
     * The shipped models and the numbers `train` measured on data each was not fitted on (cross-validated
     * cue heads, leave-one-family-out answerability), as kept in the weight files.
     */
    private void models() {
        for (String name : List.of(Models.CUES, Models.ANSWERS)) {
            WeightFile file = WeightFile.resource(name);
            out.println("## model " + file.model() + " (" + file.input() + "; " + file.heads().size() + " head"
                    + (file.heads().size() == 1 ? "" : "s") + ")");
            file.provenance().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("cross-validated") || e.getKey().startsWith("left out")
                            || e.getKey().startsWith(Training.OUT_OF_FOLD))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.println(e.getKey() + ": " + e.getValue()));
            out.println();
        }
    }

    // --- scope -------------------------------------------------------------------------------------

    private void scope(ScopeFile scope) throws IOException {
        Path file = scope.questions(data);
        Path kbPath = scope.knowledge(data);
        if (!Files.exists(file) || !Files.exists(kbPath)) {
            out.println(scope.name() + ": not found, skipped");
            return;
        }
        TriageEngine engine = wiring.engine(KnowledgeBaseLoader.load(kbPath), threshold);
        AnswerScore score = new AnswerScore();
        BinaryScore calibration = new BinaryScore();
        int gold = 0;
        int total = 0;
        for (JsonNode row : Jsonl.rows(file)) {
            total++;
            String goldEntry = scope.goldEntry(row);
            if (goldEntry != null) {
                gold++;
            }
            TriageEngine.Assessment assessment = engine.assess(
                    Conversation.of(Message.customer(row.path("text").asText())), CueSettings.standard(), threshold);
            score.add(goldEntry, assessment.decision());
            calibration.add(assessment.nearest().confidence(),
                    goldEntry != null && goldEntry.equals(assessment.nearest().entry().id()));
        }
        out.println("## scope: " + scope.name() + " (" + total + " questions, " + gold + " answerable)");
        out.println("answer precision " + score.precision());
        out.println("answer coverage  " + score.coverage());
        printCalibration(calibration, "questions");
        out.println();
    }

    // --- cues ------------------------------------------------------------------------------------

    private void cues() throws IOException {
        // The engine's cues do not depend on the knowledge base; any will do to build it.
        TriageEngine engine = wiring.engine(KnowledgeBaseLoader.load(data.resolve("conversations/emberfall-kb.yaml")),
                threshold);
        // What the shipped heads learned from, as `models` reads it: the numbers quoted are the shipped heads'.
        Map<String, String> provenance = WeightFile.resource(Models.CUES).provenance();
        out.println("## cues (each file on its own labels)");
        out.println("A file the cue heads were trained on is measured out of fold (`train`: each row read by the"
                + " engine's detectors with heads fitted without its fold); the shipped engine's numbers on it are"
                + " in-sample, shown beside for comparison only.");
        out.println("| file | measured | positive label | cue counted | n | recall | precision | F1 | false alarms"
                + " | right category |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (CueFile cueFile : CueFile.ALL) {
            cueFile(engine, cueFile, provenance);
        }
        out.println();
    }

    /**
     * @param provenance the shipped cue heads': which files they learned from (by SHA-256), and the numbers
     *                   `train` measured on each out of fold
     */
    private void cueFile(TriageEngine engine, CueFile cueFile, Map<String, String> provenance) throws IOException {
        Path file = cueFile.in(data);
        if (!Files.exists(file)) {
            out.println("| " + cueFile.name() + " | not found, skipped |");
            return;
        }
        String trainedOn = provenance.get(Training.TRAINED_ON + cueFile.name());
        boolean thisFile = trainedOn != null && trainedOn.equals(WeightFile.sha256(Files.readAllBytes(file)));
        CueScore score = new CueScore();
        for (JsonNode row : Jsonl.rows(file)) {
            Conversation conversation = Conversation.of(Message.customer(row.path("text").asText()));
            Set<CueKind> fired = cueFile.score(row, engine.cues(conversation), score);
            if (verbose && !fired.isEmpty() && !cueFile.isPositive().test(row)) {
                out.println("  false alarm " + fired + ": " + row.path("text").asText());
            }
        }
        CueScore.Numbers engineNumbers = score.numbers(cueFile.categories());
        if (thisFile) {
            cueRow(cueFile, "out of fold (" + CueTraining.FOLDS + " folds)",
                    CueScore.Numbers.parse(provenance.get(Training.OUT_OF_FOLD + cueFile.name())));
            cueRow(cueFile, "shipped engine, trained on this file (in-sample)", engineNumbers);
        } else if (trainedOn != null) {
            cueRow(cueFile, "the heads learned from another file of this name", engineNumbers);
        } else {
            cueRow(cueFile, "held out (never trained on)", engineNumbers);
        }
    }

    private void cueRow(CueFile cueFile, String measured, CueScore.Numbers numbers) {
        out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %s |%n", cueFile.name(),
                measured, cueFile.positive(), cueFile.counted().stream().map(CueKind::wireName).toList(), numbers.n(),
                numbers.recall(), numbers.precision(), numbers.f1(), numbers.falseAlarms(),
                cueFile.categories() ? String.format(Locale.ROOT, "%.3f", numbers.rightCategory()) : "n/a");
    }

    // --- speed -----------------------------------------------------------------------------------

    private void speed() throws IOException {
        long start = System.nanoTime();
        Wiring fresh = new Wiring();
        TriageEngine engine = fresh.engine(KnowledgeBaseLoader.load(data.resolve("conversations/emberfall-kb.yaml")),
                threshold);
        double startupMs = (System.nanoTime() - start) / 1e6;
        TriageJson json = new TriageJson();
        List<Conversation> conversations = new ArrayList<>();
        for (JsonNode row : Jsonl.rows(data.resolve("conversations/emberfall-conversations.jsonl"))) {
            conversations.add(json.conversation(row));
        }
        for (JsonNode row : Jsonl.rows(data.resolve("bench/scope_clinc150.dev.jsonl"))) {
            conversations.add(Conversation.of(Message.customer(row.path("text").asText())));
        }
        // Warm up the JIT on a first pass, then time a second pass with texts the cache has not seen.
        for (Conversation c : conversations.subList(0, Math.min(200, conversations.size()))) {
            engine.decide(c);
        }
        List<Conversation> timed = conversations.subList(Math.min(200, conversations.size()), conversations.size());
        long[] latencies = new long[timed.size()];
        long all = System.nanoTime();
        for (int i = 0; i < timed.size(); i++) {
            long t = System.nanoTime();
            engine.decide(timed.get(i));
            latencies[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - all) / 1e9;
        Arrays.sort(latencies);
        out.println("## speed and footprint (one thread, texts not seen before)");
        out.printf(Locale.ROOT, "startup (model + KB index) %.0f ms%n", startupMs);
        out.printf(Locale.ROOT, "decisions %d in %.2f s: %.0f decisions/s%n", timed.size(), seconds, timed.size() / seconds);
        out.printf(Locale.ROOT, "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6);
        out.printf(Locale.ROOT, "throughput with %d threads: %.0f decisions/s%n", THREADS, parallelThroughput(fresh));
        out.println("peak RSS " + peakRss());
        out.println();
    }

    private static final int THREADS = 2;

    /** Decisions per second when two threads share one engine, on texts no thread has seen before. */
    private double parallelThroughput(Wiring wiring) throws IOException {
        TriageEngine engine = wiring.engine(KnowledgeBaseLoader.load(data.resolve("kb/banking77.yaml")), threshold);
        List<Conversation> conversations = new ArrayList<>();
        for (JsonNode row : Jsonl.rows(data.resolve("bench/scope_banking77_oos.dev.jsonl"))) {
            conversations.add(Conversation.of(Message.customer(row.path("text").asText())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            List<Future<Decision>> pending = new ArrayList<>();
            for (Conversation c : conversations) {
                pending.add(pool.submit(() -> engine.decide(c)));
            }
            for (var future : pending) {
                future.get();
            }
            return conversations.size() / ((System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }
}
