package dev.baton.llm;

import static dev.baton.llm.FakeModelServer.completion;
import static dev.baton.llm.FakeModelServer.slow;
import static dev.baton.llm.FakeModelServer.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.Wiring;
import dev.baton.health.Percentiles;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.metrics.BatonMetrics;
import dev.baton.triage.Conversation;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import dev.baton.triage.TriageJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long Baton waits on a language model per decision, added to the offline decision, on the
 * development conversations (emberfall, 120) and questions (clinc150, 1,016): with a stand-in endpoint that
 * answers at once (Baton's own cost: HTTP, JSON, checks), one that takes 400 ms (a small local model), one
 * that is down, one that fails with 500s and one that hangs. Decisions the engine is sure of add nothing;
 * the rest wait as the desk would (second opinion, then phrasing of an answer).
 *
 * <pre>mvn -B -o -pl bot -am test -Dtest=ModelLatencyBenchmark -Dbaton.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class ModelLatencyBenchmark {

    private static final Path DATA = Path.of("..", "..", "shared", "data");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERDICT = "{\"entryAnswers\":true,\"signals\":[]}";

    private record Case(Conversation conversation, KnowledgeBase kb, TriageEngine engine) {
    }

    @Test
    void addedLatencyPerDecision() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DATA), "no evaluation data at " + DATA.toAbsolutePath());
        List<Case> cases = cases();
        System.out.printf(Locale.ROOT, "%d decisions (emberfall conversations + clinc150 questions)%n", cases.size());
        System.out.println("| endpoint | asked | waited on | p50 all | p99 all | p50 waited | p99 waited | max |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        try (FakeModelServer server = new FakeModelServer()) {
            run("answers at once", cases, server.settings(ModelTuning.DEFAULTS), server,
                    s -> stub(s, Duration.ZERO));
            run("answers in 400 ms", cases, server.settings(ModelTuning.DEFAULTS), server,
                    s -> stub(s, Duration.ofMillis(400)));
            run("500 on every request", cases, server.settings(ModelTuning.DEFAULTS), server,
                    s -> s.replies(status(500)));
            run("hangs (timeout 4s)", cases, server.settings(ModelTuning.DEFAULTS), server,
                    s -> s.replies(slow(completion(VERDICT), Duration.ofSeconds(30))));
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            run("down (connection refused)", cases, new ModelSettings(URI.create("http://127.0.0.1:" + closed + "/v1"),
                    "m", Optional.empty(), ModelTuning.DEFAULTS), server, s -> { });
        }
    }

    private static void stub(FakeModelServer server, Duration delay) {
        server.reset();
        server.repliesWhenBodyContains("unsure_about", slow(completion(VERDICT), delay));
        server.repliesWhenBodyContains("customer_asked", slow(completion("Happy to help with that."), delay));
    }

    private static void run(String name, List<Case> cases, ModelSettings settings, FakeModelServer server,
                            Consumer<FakeModelServer> script) {
        script.accept(server);
        List<Long> all = new ArrayList<>();
        List<Long> waited = new ArrayList<>();
        int asked = 0;
        try (LanguageModelAssistant assistant = LanguageModelAssistant.of(settings, BatonMetrics.standalone(),
                Clock.systemUTC())) {
            for (Case c : cases) {
                TriageEngine.Assessment assessment = c.engine().assess(c.conversation(), CueSettings.standard(), 0.5);
                long started = System.nanoTime();
                boolean waitedHere = false;
                Decision decision = assessment.decision();
                Optional<Band.Question> question = Band.of(c.conversation(), decision, assessment.nearest(),
                        CueSettings.standard(), 0.5, assistant.band());
                if (question.isPresent()) {
                    asked++;
                    waitedHere = true;
                    if (assistant.secondOpinion(question.get()) instanceof Attempt.Got<Opinion.Applied> got) {
                        decision = got.value().decision();
                    }
                }
                if (decision instanceof Decision.Answer answer) {
                    waitedHere = true;
                    assistant.phrase(c.kb().find(answer.entry()).orElseThrow(),
                            c.conversation().focusMessage().text());
                }
                long micros = (System.nanoTime() - started) / 1_000;
                all.add(micros);
                if (waitedHere) {
                    waited.add(micros);
                }
            }
        }
        Percentiles p = Percentiles.of(all);
        Percentiles w = Percentiles.of(waited);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s |%n", name, asked, waited.size(),
                ms(p.at(50)), ms(p.at(99)), ms(w.at(50)), ms(w.at(99)), ms(p.at(100)));
    }

    private static String ms(Long micros) {
        return micros == null ? "–" : String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    private static List<Case> cases() throws IOException {
        Wiring wiring = new Wiring();
        List<Case> cases = new ArrayList<>();
        KnowledgeBase emberfall = KnowledgeBaseLoader.load(DATA.resolve("conversations/emberfall-kb.yaml"));
        TriageEngine emberfallEngine = wiring.engine(emberfall);
        TriageJson triage = new TriageJson();
        for (String line : Files.readAllLines(DATA.resolve("conversations/emberfall-conversations.jsonl"))) {
            if (!line.isBlank()) {
                cases.add(new Case(triage.conversation(JSON.readTree(line)), emberfall, emberfallEngine));
            }
        }
        KnowledgeBase clinc = KnowledgeBaseLoader.load(DATA.resolve("kb/clinc150.yaml"));
        TriageEngine clincEngine = wiring.engine(clinc);
        for (String line : Files.readAllLines(DATA.resolve("bench/scope_clinc150.dev.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode row = JSON.readTree(line);
                cases.add(new Case(Conversation.of(Message.customer(row.path("text").asText())), clinc, clincEngine));
            }
        }
        return cases;
    }
}
