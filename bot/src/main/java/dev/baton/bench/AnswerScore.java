package dev.baton.bench;

import dev.baton.triage.Decision;

/**
 * Answer precision (answered with the gold entry / answered, whatever the gold label) and coverage
 * (answered with the gold entry / questions some entry answers), counted one decision at a time.
 */
final class AnswerScore {

    private int answered;
    private int right;
    private int answerable;

    /**
     * @param goldEntry the entry that answers the question, or null when no entry does
     * @return whether the decision answered with the gold entry
     */
    boolean add(String goldEntry, Decision decision) {
        if (goldEntry != null) {
            answerable++;
        }
        if (decision instanceof Decision.Answer answer) {
            answered++;
            if (answer.entry().equals(goldEntry)) {
                right++;
                return true;
            }
        }
        return false;
    }

    Ratio precision() {
        return new Ratio(right, answered);
    }

    Ratio coverage() {
        return new Ratio(right, answerable);
    }
}
