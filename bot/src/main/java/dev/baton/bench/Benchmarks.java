package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.Wiring;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.triage.Conversation;
import dev.baton.triage.CueKind;
import dev.baton.triage.Decision;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import dev.baton.triage.TriageJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Measures the decision on the development data in {@code shared/data}, read in place (never copied
 * into the project). Each data set is scored on its own labels only.
 */
public final class Benchmarks {

    private static final Set<CueKind> FEELINGS = EnumSet.of(CueKind.FRUSTRATION, CueKind.ANGER,
            CueKind.SADNESS_GRIEF, CueKind.ANXIETY, CueKind.URGENCY, CueKind.CRISIS);

    /** The parts {@code --only} can pick, in the order they run. */
    public static final List<String> NAMES = List.of("conversations", "scope", "cues", "speed", "holdout");

    private final Path data;
    private final Wiring wiring;
    private final double threshold;
    private final PrintStream out;
    private final boolean verbose;
    private final ObjectMapper mapper = new ObjectMapper();

    public Benchmarks(Path data, Wiring wiring, double threshold, PrintStream out, boolean verbose) {
        this.data = data;
        this.wiring = wiring;
        this.threshold = threshold;
        this.out = out;
        this.verbose = verbose;
    }

    public void run(String only) throws IOException {
        if (selected(only, "conversations")) {
            conversations();
        }
        if (selected(only, "scope")) {
            scope("banking77-oos", "bench/scope_banking77_oos.dev.jsonl", "kb/banking77.yaml",
                    row -> "answer".equals(row.path("label").asText()));
            scope("clinc150", "bench/scope_clinc150.dev.jsonl", "kb/clinc150.yaml",
                    row -> "in_scope".equals(row.path("label").asText()));
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
        out.printf(Locale.ROOT, "answer precision %.3f (%d/%d)%n", ratio(right, answered), right, answered);
        out.printf(Locale.ROOT, "answer coverage  %.3f (%d/%d)%n%n", ratio(right, asked), right, asked);
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

    private void conversations() throws IOException {
        Path kbFile = data.resolve("conversations/emberfall-kb.yaml");
        Path file = data.resolve("conversations/emberfall-conversations.jsonl");
        if (!Files.exists(kbFile) || !Files.exists(file)) {
            out.println("conversations: not found, skipped");
            return;
        }
        TriageEngine engine = wiring.engine(KnowledgeBaseLoader.load(kbFile), threshold);
        TriageJson json = new TriageJson(mapper);
        int answered = 0;
        int answeredRight = 0;
        int goldAnswers = 0;
        int goldHandoffs = 0;
        int handedOff = 0;
        int correct = 0;
        int total = 0;
        Map<CueKind, int[]> perReason = new EnumMap<>(CueKind.class);
        for (JsonNode row : rows(file)) {
            total++;
            Decision decision = engine.decide(json.conversation(row));
            JsonNode expect = row.path("expect");
            boolean goldAnswer = "answer".equals(expect.path("action").asText());
            boolean right;
            if (goldAnswer) {
                goldAnswers++;
                right = decision instanceof Decision.Answer a && a.entry().equals(expect.path("entry").asText());
            } else {
                goldHandoffs++;
                right = decision instanceof Decision.Handoff;
                if (right) {
                    handedOff++;
                }
                for (JsonNode reason : expect.path("reasons")) {
                    int[] counts = perReason.computeIfAbsent(CueKind.fromWire(reason.asText()), k -> new int[2]);
                    counts[1]++;
                    if (right) {
                        counts[0]++;
                    }
                }
            }
            if (decision instanceof Decision.Answer) {
                answered++;
                if (right) {
                    answeredRight++;
                }
            }
            if (right) {
                correct++;
            } else if (verbose) {
                out.printf("  miss %s expected %s got %s%n", row.path("id").asText(), expect,
                        json.decision(decision));
            }
        }
        out.println("## conversations (emberfall, " + total + " conversations)");
        out.printf(Locale.ROOT, "answer precision %.3f (%d/%d)%n", ratio(answeredRight, answered), answeredRight, answered);
        out.printf(Locale.ROOT, "answer coverage  %.3f (%d/%d)%n", ratio(answeredRight, goldAnswers), answeredRight, goldAnswers);
        out.printf(Locale.ROOT, "handoff recall   %.3f (%d/%d)%n", ratio(handedOff, goldHandoffs), handedOff, goldHandoffs);
        perReason.forEach((kind, c) -> out.printf(Locale.ROOT, "  recall %-14s %.3f (%d/%d)%n", kind.wireName(),
                ratio(c[0], c[1]), c[0], c[1]));
        out.printf(Locale.ROOT, "overall accuracy %.3f (%d/%d)%n%n", ratio(correct, total), correct, total);
    }

    // --- scope -------------------------------------------------------------------------------------

    private void scope(String name, String benchFile, String kbFile, Predicate<JsonNode> inScope) throws IOException {
        Path file = data.resolve(benchFile);
        Path kbPath = data.resolve(kbFile);
        if (!Files.exists(file) || !Files.exists(kbPath)) {
            out.println(name + ": not found, skipped");
            return;
        }
        KnowledgeBase kb = KnowledgeBaseLoader.load(kbPath);
        TriageEngine engine = wiring.engine(kb, threshold);
        int answered = 0;
        int right = 0;
        int gold = 0;
        int total = 0;
        for (JsonNode row : rows(file)) {
            total++;
            boolean answerable = inScope.test(row);
            if (answerable) {
                gold++;
            }
            Decision decision = engine.decide(Conversation.of(Message.customer(row.path("text").asText())));
            if (decision instanceof Decision.Answer a) {
                answered++;
                if (answerable && a.entry().equals(row.path("intent").asText())) {
                    right++;
                }
            }
        }
        out.println("## scope: " + name + " (" + total + " questions, " + gold + " answerable)");
        out.printf(Locale.ROOT, "answer precision %.3f (%d/%d)%n", ratio(right, answered), right, answered);
        out.printf(Locale.ROOT, "answer coverage  %.3f (%d/%d)%n%n", ratio(right, gold), right, gold);
    }

    // --- cues ------------------------------------------------------------------------------------

    private void cues() throws IOException {
        // The engine's cues do not depend on the knowledge base; any will do to build it.
        TriageEngine engine = wiring.engine(KnowledgeBaseLoader.load(data.resolve("conversations/emberfall-kb.yaml")),
                threshold);
        out.println("## cues (each file on its own labels)");
        out.println("| file | positive label | cue counted | n | recall | precision | F1 | false alarms | right category |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        cueFile(engine, "emotion_goemotions", "not none", FEELINGS, row -> !"none".equals(row.path("label").asText()), true);
        cueFile(engine, "emotion_empathetic", "not none", FEELINGS, row -> !"none".equals(row.path("label").asText()), true);
        cueFile(engine, "frustration_support_tweets", "frustrated", EnumSet.of(CueKind.FRUSTRATION, CueKind.ANGER),
                row -> "frustrated".equals(row.path("label").asText()), false);
        cueFile(engine, "urgency_mooc", "urgent", EnumSet.of(CueKind.URGENCY),
                row -> "urgent".equals(row.path("label").asText()), false);
        cueFile(engine, "stress_dreaddit", "stress", EnumSet.of(CueKind.ANXIETY, CueKind.SADNESS_GRIEF, CueKind.CRISIS),
                row -> "stress".equals(row.path("label").asText()), false);
        out.println();
    }

    private void cueFile(TriageEngine engine, String name, String positive, Set<CueKind> counted,
                         Predicate<JsonNode> isPositive, boolean categories) throws IOException {
        Path file = data.resolve("bench/" + name + ".dev.jsonl");
        if (!Files.exists(file)) {
            out.println("| " + name + " | not found, skipped |");
            return;
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        int named = 0;
        for (JsonNode row : rows(file)) {
            Conversation conversation = Conversation.of(Message.customer(row.path("text").asText()));
            Map<CueKind, Double> scores = TriageEngine.combine(engine.cues(conversation));
            Set<CueKind> fired = EnumSet.noneOf(CueKind.class);
            scores.forEach((kind, score) -> {
                if (score >= TriageEngine.FIRE && counted.contains(kind)) {
                    fired.add(kind);
                }
            });
            boolean gold = isPositive.test(row);
            if (gold && !fired.isEmpty()) {
                tp++;
                if (categories && fired.contains(CueKind.fromWire(row.path("label").asText()))) {
                    named++;
                }
            } else if (gold) {
                fn++;
            } else if (!fired.isEmpty()) {
                fp++;
                if (verbose) {
                    out.println("  false alarm " + fired + ": " + row.path("text").asText());
                }
            } else {
                tn++;
            }
        }
        double recall = ratio(tp, tp + fn);
        double precision = ratio(tp, tp + fp);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        out.printf(Locale.ROOT, "| %s | %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %s |%n", name, positive,
                counted.stream().map(CueKind::wireName).toList(), tp + fp + fn + tn, recall, precision, f1,
                ratio(fp, fp + tn), categories ? String.format(Locale.ROOT, "%.3f", ratio(named, tp)) : "n/a");
    }

    // --- speed -----------------------------------------------------------------------------------

    private void speed() throws IOException {
        long start = System.nanoTime();
        Wiring fresh = new Wiring();
        TriageEngine engine = fresh.engine(KnowledgeBaseLoader.load(data.resolve("conversations/emberfall-kb.yaml")),
                threshold);
        double startupMs = (System.nanoTime() - start) / 1e6;
        TriageJson json = new TriageJson(mapper);
        List<Conversation> conversations = new ArrayList<>();
        for (JsonNode row : rows(data.resolve("conversations/emberfall-conversations.jsonl"))) {
            conversations.add(json.conversation(row));
        }
        for (JsonNode row : rows(data.resolve("bench/scope_clinc150.dev.jsonl"))) {
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
        for (JsonNode row : rows(data.resolve("bench/scope_banking77_oos.dev.jsonl"))) {
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

    // --- helpers -----------------------------------------------------------------------------------

    private List<JsonNode> rows(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(mapper.readTree(line));
                }
            }
        }
        return rows;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
