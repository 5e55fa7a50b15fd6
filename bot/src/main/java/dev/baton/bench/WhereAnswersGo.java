package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.triage.CueSettings;
import dev.baton.triage.TriageEngine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a conversation set's answer cases go, and what another answer threshold would buy: the limit of the
 * evidence rather than of one setting. An answer case is lost to a cue that hands off whatever the match
 * (no threshold brings it back), to a wrong entry on top (no threshold makes it right), or to a right entry the
 * answerability model is not sure enough of (the only part a threshold moves). The curve replays the same
 * evidence at several thresholds, so it costs no detector run.
 */
final class WhereAnswersGo {

    /** The answer thresholds the curve is printed at; 0.7 is the default. */
    static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8, 0.9};

    private final CueSettings settings;
    private final List<AnswerScore> curve = new ArrayList<>();
    private int answerCases;
    private int cueHandsOff;
    private int rightOnTop;

    WhereAnswersGo(CueSettings settings) {
        this.settings = settings;
        for (int i = 0; i < THRESHOLDS.length; i++) {
            curve.add(new AnswerScore());
        }
    }

    /** One conversation: its gold {@code expect} and the engine's evidence on it. */
    void add(JsonNode expect, TriageEngine.Assessment assessment) {
        String gold = "answer".equals(expect.path("action").asText()) ? expect.path("entry").asText() : null;
        for (int i = 0; i < THRESHOLDS.length; i++) {
            curve.get(i).add(gold, assessment.verdictAt(settings, THRESHOLDS[i]));
        }
        if (gold == null) {
            return;
        }
        answerCases++;
        if (!assessment.answerableIfSure(settings)) {
            cueHandsOff++;
        } else if (assessment.nearest().entry().id().equals(gold)) {
            rightOnTop++;
        }
    }

    int answerCases() {
        return answerCases;
    }

    /** A cue hands the case off whatever the match. */
    int cueHandsOff() {
        return cueHandsOff;
    }

    /** No cue hands the case off and the gold entry is the nearest: answered at a low enough threshold. */
    int rightOnTop() {
        return rightOnTop;
    }

    /** Precision and coverage at {@code THRESHOLDS[i]}. */
    AnswerScore at(int i) {
        return curve.get(i);
    }

    void print(PrintStream out) {
        int left = answerCases - cueHandsOff;
        out.printf(Locale.ROOT, "answer cases: %d handed off by a cue whatever the match; of the %d left, the right"
                        + " entry on top in %d, so no threshold answers more than %s%n",
                cueHandsOff, left, rightOnTop, new Ratio(rightOnTop, answerCases));
        StringBuilder line = new StringBuilder("answer threshold, precision / coverage:");
        for (int i = 0; i < THRESHOLDS.length; i++) {
            line.append(String.format(Locale.ROOT, "  %.1f: %.3f / %.3f", THRESHOLDS[i],
                    at(i).precision().value(), at(i).coverage().value()));
        }
        out.println(line);
    }
}
