package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.triage.CueKind;
import dev.baton.triage.Decision;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Emberfall conversations' metrics (see the data's README): answer precision and coverage, handoff
 * recall, recall per gold reason (a two-reason case counts under both; "named" when the handoff also lists
 * that reason, which decides whom it goes to and how the customer is greeted) and overall decision accuracy.
 */
final class ConversationScore {

    private final AnswerScore answers = new AnswerScore();
    private final Map<CueKind, int[]> perReason = new EnumMap<>(CueKind.class);
    private final int[] smallTalk = new int[2];
    private int goldHandoffs;
    private int handedOff;
    private int correct;
    private int total;

    /**
     * @param expect the row's {@code expect}: {@code {action: answer, entry}} or {@code {action: handoff, reasons}}
     * @return whether the decision was right: the gold entry on an answer case, any handoff on a handoff case
     */
    boolean add(JsonNode expect, Decision decision) {
        total++;
        boolean right;
        if ("answer".equals(expect.path("action").asText())) {
            right = answers.add(expect.path("entry").asText(), decision);
        } else if ("smalltalk".equals(expect.path("action").asText())) {
            answers.add(null, decision);
            right = decision instanceof Decision.SmallTalk;
            smallTalk[1]++;
            if (right) {
                smallTalk[0]++;
            }
        } else {
            answers.add(null, decision);
            goldHandoffs++;
            right = decision instanceof Decision.Handoff;
            if (right) {
                handedOff++;
            }
            for (JsonNode reason : expect.path("reasons")) {
                CueKind kind = CueKind.fromWire(reason.asText());
                int[] counts = perReason.computeIfAbsent(kind, k -> new int[3]);
                counts[1]++;
                if (right) {
                    counts[0]++;
                    if (((Decision.Handoff) decision).reasons().contains(kind)) {
                        counts[2]++;
                    }
                }
            }
        }
        if (right) {
            correct++;
        }
        return right;
    }

    AnswerScore answers() {
        return answers;
    }

    Ratio handoffRecall() {
        return new Ratio(handedOff, goldHandoffs);
    }

    Ratio accuracy() {
        return new Ratio(correct, total);
    }

    int total() {
        return total;
    }

    /** Every metric, one a line. */
    void print(PrintStream out) {
        out.println("answer precision " + answers.precision());
        out.println("answer coverage  " + answers.coverage());
        out.println("handoff recall   " + handoffRecall());
        perReason.forEach((kind, c) -> out.printf(Locale.ROOT, "  recall %-14s %s   named as a reason %s%n",
                kind.wireName(), new Ratio(c[0], c[1]), new Ratio(c[2], c[1])));
        if (smallTalk[1] > 0) {
            out.println("small talk replied " + new Ratio(smallTalk[0], smallTalk[1]));
        }
        out.println("overall accuracy " + accuracy());
    }
}
