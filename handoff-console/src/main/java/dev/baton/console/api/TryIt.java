package dev.baton.console.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A conversation under the live rules and under a draft. {@code draft} is null when the draft has problems. */
public record TryIt(Outcome live, Outcome draft, List<ConfigProblem> draftProblems) {

    public TryIt {
        draftProblems = List.copyOf(draftProblems);
    }

    /**
     * One side.
     *
     * @param decision      the same JSON object the {@code triage} command prints (decision, cues with evidence…)
     * @param rule          the routing rule that matched, null for an answer
     * @param ruleLine      its line in {@code rules.yaml} (0 for built-in defaults)
     * @param priority      urgent, high, normal or low; null for an answer
     * @param assignee      who would get it (their name); null for an answer
     * @param assigneeWhy   why them, in the words the timeline uses
     * @param privateThread whether Baton would move it to a private thread
     * @param notice        what the customer would be told; for an answer, the answer text
     */
    public record Outcome(ObjectNode decision, String rule, int ruleLine, String priority, String assignee,
                          String assigneeWhy, boolean privateThread, String notice) {
    }
}
