package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.Wiring;
import dev.baton.health.Percentiles;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.llm.Assistant;
import dev.baton.llm.Attempt;
import dev.baton.llm.Band;
import dev.baton.llm.Opinion;
import dev.baton.llm.SecondOpinions;
import dev.baton.llm.Use;
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
import java.util.List;
import java.util.Locale;

/**
 * The {@code model} part of the bench: the data of {@code conversations}, {@code scope} and {@code cues},
 * each decided offline and as the desk decides with the language model ({@link SecondOpinions}), side by
 * side; how many decisions were in the band (asked), how many the model changed and how many asks failed,
 * by kind; and the wait the model added. Without a model: the offline numbers and how many decisions a model
 * would be asked about.
 */
final class ModelBenchmarks {

    /** As the other parts decide: Baton's built-in cue settings. */
    private static final CueSettings SETTINGS = CueSettings.standard();

    private final Path data;
    private final Wiring wiring;
    private final double threshold;
    private final Assistant assistant;
    private final boolean withModel;
    private final double band;
    private final PrintStream out;
    private final boolean verbose;
    private final TriageJson json = new TriageJson();

    /** @param band how close to a threshold counts as unsure without a model; a model's own band counts otherwise */
    ModelBenchmarks(Path data, Wiring wiring, double threshold, Assistant assistant, double band, PrintStream out,
                    boolean verbose) {
        this.data = data;
        this.wiring = wiring;
        this.threshold = threshold;
        this.assistant = assistant;
        this.withModel = assistant.uses(Use.SECOND_OPINION);
        this.band = withModel ? assistant.band() : band;
        this.out = out;
        this.verbose = verbose;
    }

    void run() throws IOException {
        out.printf(Locale.ROOT, "## model: a second opinion where the engine is unsure (band %.2f: answer confidence"
                + " within %.2f of %.2f, or a cue that close below its threshold)%n", band, band, threshold);
        if (withModel) {
            out.println("asking " + assistant.describe());
        } else {
            out.println((assistant instanceof Assistant.Off ? "no language model is configured"
                    : "the language model is not used for second opinions")
                    + ", so nothing is asked: the numbers are offline, and \"in band\" counts the decisions a model"
                    + " would be asked about. To measure one, set BATON_LLM_BASE_URL and BATON_LLM_MODEL (and"
                    + " BATON_LLM_API_KEY if the endpoint needs a key), or pass --llm-base-url URL --llm-model NAME;"
                    + " --band changes the band.");
        }
        List<Measured> answers = new ArrayList<>();
        Conversations conversations = conversations();
        if (conversations != null) {
            answers.add(conversations.measured());
        }
        for (ScopeFile scope : ScopeFile.ALL) {
            Measured measured = scope(scope);
            if (measured != null) {
                answers.add(measured);
            }
        }
        List<CueMeasured> cues = cues();
        printAnswers(answers, conversations);
        printCues(cues);
        printWaits(answers, cues);
        out.println();
    }

    // --- measuring ---------------------------------------------------------------------------------

    /** One data set's answer scores, offline and with the model, and what asking the model did. */
    private record Measured(String name, AnswerScore offline, AnswerScore withModel, Asking asking) {
    }

    private record Conversations(Measured measured, ConversationScore offline, ConversationScore withModel) {
    }

    private record CueMeasured(CueFile file, CueScore offline, CueScore withModel, Asking asking) {
    }

    /** The offline decision, and the decision the desk acts on with the model. */
    private record Judged(Decision offline, Decision withModel) {
    }

    private Judged judge(TriageEngine engine, Conversation conversation, Asking asking, String what) {
        TriageEngine.Assessment assessment = engine.assess(conversation, SETTINGS, threshold);
        Decision offline = assessment.decision();
        boolean inBand = Band.of(conversation, offline, assessment.nearest(), SETTINGS, threshold, band).isPresent();
        SecondOpinions.Outcome outcome = SecondOpinions.decide(assistant, assessment, conversation, SETTINGS,
                threshold);
        asking.add(inBand, outcome);
        if (verbose) {
            outcome.attempt().ifPresent(attempt -> explain(what, offline, outcome.decision(), attempt));
        }
        return new Judged(offline, outcome.decision());
    }

    private void explain(String what, Decision offline, Decision withModel, Attempt<Opinion.Applied> attempt) {
        if (attempt instanceof Attempt.Failed<Opinion.Applied> failed) {
            out.println("  " + failed.failure().wireName() + " " + what + ": " + failed.detail());
        } else if (attempt instanceof Attempt.Got<Opinion.Applied> got && got.value().outcome().equals("changed")) {
            out.println("  changed " + what + ": " + brief(offline) + " -> " + brief(withModel) + " ("
                    + got.value().detail() + ")");
        }
    }

    private static String brief(Decision decision) {
        return decision instanceof Decision.Answer answer ? "answer " + answer.entry()
                : decision instanceof Decision.Handoff handoff
                ? "handoff " + handoff.reasons().stream().map(CueKind::wireName).toList() : "small talk";
    }

    private Conversations conversations() throws IOException {
        Path kbFile = data.resolve("conversations/emberfall-kb.yaml");
        Path file = data.resolve("conversations/emberfall-conversations.jsonl");
        if (!Files.exists(kbFile) || !Files.exists(file)) {
            out.println("conversations: not found, skipped");
            return null;
        }
        TriageEngine engine = wiring.engine(KnowledgeBaseLoader.load(kbFile), threshold);
        ConversationScore offline = new ConversationScore();
        ConversationScore withModel = new ConversationScore();
        Asking asking = new Asking();
        for (JsonNode row : Jsonl.rows(file)) {
            Judged judged = judge(engine, json.conversation(row), asking, "conversation " + row.path("id").asText());
            offline.add(row.path("expect"), judged.offline());
            withModel.add(row.path("expect"), judged.withModel());
        }
        return new Conversations(new Measured("conversations (emberfall)", offline.answers(), withModel.answers(),
                asking), offline, withModel);
    }

    private Measured scope(ScopeFile scope) throws IOException {
        Path file = scope.questions(data);
        Path kbPath = scope.knowledge(data);
        if (!Files.exists(file) || !Files.exists(kbPath)) {
            out.println(scope.name() + ": not found, skipped");
            return null;
        }
        TriageEngine engine = wiring.engine(KnowledgeBaseLoader.load(kbPath), threshold);
        AnswerScore offline = new AnswerScore();
        AnswerScore withModel = new AnswerScore();
        Asking asking = new Asking();
        int line = 0;
        for (JsonNode row : Jsonl.rows(file)) {
            line++;
            Conversation conversation = Conversation.of(Message.customer(row.path("text").asText()));
            Judged judged = judge(engine, conversation, asking, scope.name() + " question " + line);
            offline.add(scope.goldEntry(row), judged.offline());
            withModel.add(scope.goldEntry(row), judged.withModel());
        }
        return new Measured("scope: " + scope.name(), offline, withModel, asking);
    }

    private List<CueMeasured> cues() throws IOException {
        Path kbFile = data.resolve("conversations/emberfall-kb.yaml");
        if (!Files.exists(kbFile)) {
            out.println("cues: " + kbFile + " not found, skipped");
            return List.of();
        }
        // As in the cues part: the cues do not depend on the knowledge base, but whether the model is asked
        // does, and the desk of a community has its own; the Emberfall one stands in for it.
        TriageEngine engine = wiring.engine(KnowledgeBaseLoader.load(kbFile), threshold);
        List<CueMeasured> measured = new ArrayList<>();
        for (CueFile cueFile : CueFile.ALL) {
            Path file = cueFile.in(data);
            if (!Files.exists(file)) {
                out.println(cueFile.name() + ": not found, skipped");
                continue;
            }
            CueScore offline = new CueScore();
            CueScore withModel = new CueScore();
            Asking asking = new Asking();
            int line = 0;
            for (JsonNode row : Jsonl.rows(file)) {
                line++;
                Conversation conversation = Conversation.of(Message.customer(row.path("text").asText()));
                Judged judged = judge(engine, conversation, asking, cueFile.name() + " message " + line);
                cueFile.score(row, judged.offline().cues(), offline);
                cueFile.score(row, judged.withModel().cues(), withModel);
            }
            measured.add(new CueMeasured(cueFile, offline, withModel, asking));
        }
        return measured;
    }

    // --- printing ----------------------------------------------------------------------------------

    private void printAnswers(List<Measured> answers, Conversations conversations) {
        if (answers.isEmpty()) {
            return;
        }
        if (withModel) {
            out.println("| data | decisions | in band | asked | agreed | changed | failed or rejected"
                    + " | answer precision offline | with the model | answer coverage offline | with the model |");
            out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (Measured m : answers) {
                out.println("| " + m.name() + " | " + m.asking().decisions() + " | " + m.asking().counts() + " | "
                        + m.offline().precision() + " | " + m.withModel().precision() + " | "
                        + m.offline().coverage() + " | " + m.withModel().coverage() + " |");
            }
        } else {
            out.println("| data | decisions | in band (would be asked) | answer precision offline"
                    + " | answer coverage offline |");
            out.println("|---|---|---|---|---|");
            for (Measured m : answers) {
                out.println("| " + m.name() + " | " + m.asking().decisions() + " | " + m.asking().inBand() + " | "
                        + m.offline().precision() + " | " + m.offline().coverage() + " |");
            }
        }
        if (conversations != null) {
            out.println("conversations: handoff recall " + conversations.offline().handoffRecall()
                    + (withModel ? " offline, " + conversations.withModel().handoffRecall() + " with the model" : "")
                    + "; overall accuracy " + conversations.offline().accuracy()
                    + (withModel ? " offline, " + conversations.withModel().accuracy() + " with the model" : ""));
        }
        out.println();
    }

    private void printCues(List<CueMeasured> cues) {
        if (cues.isEmpty()) {
            return;
        }
        CueScore pooledOffline = new CueScore();
        CueScore pooledWithModel = new CueScore();
        Asking pooledAsking = new Asking();
        if (withModel) {
            out.println("| cue file | cue counted | n | in band | asked | agreed | changed | failed or rejected"
                    + " | F1 offline | with the model |");
            out.println("|---|---|---|---|---|---|---|---|---|---|");
        } else {
            out.println("| cue file | cue counted | n | in band (would be asked) | F1 offline |");
            out.println("|---|---|---|---|---|");
        }
        for (CueMeasured m : cues) {
            pooledOffline.add(m.offline());
            pooledWithModel.add(m.withModel());
            pooledAsking.add(m.asking());
            cueRow(m.file().name(), m.file().counted().stream().map(CueKind::wireName).toList().toString(),
                    m.offline(), m.withModel(), m.asking());
        }
        cueRow("all " + cues.size() + " pooled (micro)", "", pooledOffline, pooledWithModel, pooledAsking);
        out.println();
    }

    private void cueRow(String name, String counted, CueScore offline, CueScore model, Asking asking) {
        if (withModel) {
            out.printf(Locale.ROOT, "| %s | %s | %d | %s | %.3f | %.3f |%n", name, counted, offline.n(),
                    asking.counts(), offline.f1(), model.f1());
        } else {
            out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.3f |%n", name, counted, offline.n(), asking.inBand(),
                    offline.f1());
        }
    }

    private void printWaits(List<Measured> answers, List<CueMeasured> cues) {
        Asking all = new Asking();
        answers.forEach(m -> all.add(m.asking()));
        cues.forEach(m -> all.add(m.asking()));
        out.printf(Locale.ROOT, "in band: %d of %d decisions (%.1f%%)%s%n", all.inBand(), all.decisions(),
                100 * new Ratio(all.inBand(), all.decisions()).value(), withModel ? "; asked " + all.asked() + ", agreed "
                        + all.agreed() + ", changed " + all.changed() + ", failed or rejected " + all.failed() : "");
        if (!withModel) {
            out.println("added wait: none (nothing is asked without a model)");
            return;
        }
        out.println("| added wait on the model (ms) | decisions | median (p50) | p90 | p99 | asked | median (p50)"
                + " | p90 | p99 |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (Measured m : answers) {
            waitRow(m.name(), m.asking());
        }
        if (!cues.isEmpty()) {
            Asking pooled = new Asking();
            cues.forEach(m -> pooled.add(m.asking()));
            waitRow("cues (" + cues.size() + " files)", pooled);
        }
        waitRow("all", all);
    }

    private void waitRow(String name, Asking asking) {
        Percentiles every = Percentiles.of(asking.waits());
        Percentiles asked = Percentiles.of(asking.askedWaits());
        out.println("| " + name + " | " + every.count() + " | " + ms(every.p50()) + " | " + ms(every.p90()) + " | "
                + ms(every.at(99)) + " | " + asked.count() + " | " + ms(asked.p50()) + " | " + ms(asked.p90()) + " | "
                + ms(asked.at(99)) + " |");
    }

    private static String ms(Long millis) {
        return millis == null ? "-" : millis.toString();
    }
}
