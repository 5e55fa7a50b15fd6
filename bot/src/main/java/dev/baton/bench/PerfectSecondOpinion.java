package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.llm.Band;
import dev.baton.llm.Opinion;
import dev.baton.llm.Verdict;
import dev.baton.triage.Conversation;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.TriageEngine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The most a language model's second opinion could do on a conversation set under Baton's own rules for it
 * ({@link Band}: when to ask; {@link Opinion}: what the answer may change): the gold label stands in for the
 * model's verdict. The entry answers when the gold answer is that entry; a need is shown, in the customer's last
 * message, when it is among the gold reasons. No model can do better than this without other rules, so it is the
 * ceiling of the model path, measured offline; a real model's numbers come from {@code bench --only model}.
 */
final class PerfectSecondOpinion {

    /** How far from the answer threshold (and below a cue's) the engine asks; {@code llm.yaml}'s default is 0.1. */
    static final double[] BANDS = {0.1, 0.2, 0.3};

    private final CueSettings settings;
    private final double answerConfidence;
    private final List<ConversationScore> scores = new ArrayList<>();

    PerfectSecondOpinion(CueSettings settings, double answerConfidence) {
        this.settings = settings;
        this.answerConfidence = answerConfidence;
        for (int i = 0; i < BANDS.length; i++) {
            scores.add(new ConversationScore());
        }
    }

    /** One conversation: its gold {@code expect} and the engine's evidence on it. */
    void add(JsonNode expect, Conversation conversation, TriageEngine.Assessment assessment) {
        for (int i = 0; i < BANDS.length; i++) {
            Decision decision = Band.of(conversation, assessment.decision(), assessment.nearest(), settings,
                            answerConfidence, BANDS[i])
                    .map(question -> Opinion.apply(question, verdict(expect, question)).decision())
                    .orElse(assessment.decision());
            scores.get(i).add(expect, decision);
        }
    }

    /** What a model that knew the gold label would say. */
    static Verdict verdict(JsonNode expect, Band.Question question) {
        boolean answers = "answer".equals(expect.path("action").asText())
                && question.nearest().entry().id().equals(expect.path("entry").asText());
        String lastWords = question.conversation().focusMessage().text();
        List<Verdict.Signal> signals = new ArrayList<>();
        for (JsonNode reason : expect.path("reasons")) {
            CueKind kind = CueKind.fromWire(reason.asText());
            if (question.unsureCues().contains(kind)) {
                signals.add(new Verdict.Signal(kind.wireName(), lastWords));
            }
        }
        return new Verdict(answers, signals);
    }

    /** The score at {@code BANDS[i]}. */
    ConversationScore at(int i) {
        return scores.get(i);
    }

    void print(PrintStream out) {
        StringBuilder line = new StringBuilder("a perfect second opinion, band, precision / coverage / handoff recall:");
        for (int i = 0; i < BANDS.length; i++) {
            ConversationScore score = scores.get(i);
            line.append(String.format(Locale.ROOT, "  %.1f: %.3f / %.3f / %.3f", BANDS[i],
                    score.answers().precision().value(), score.answers().coverage().value(),
                    score.handoffRecall().value()));
        }
        out.println(line);
    }
}
