package dev.baton.desk;

import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.llm.Assistant;
import dev.baton.llm.Attempt;
import dev.baton.llm.Band;
import dev.baton.llm.Deadline;
import dev.baton.llm.Failure;
import dev.baton.llm.Opinion;
import dev.baton.llm.SecondOpinions;
import dev.baton.llm.Use;
import dev.baton.triage.Decision;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What asking the language model gave one decision: a second opinion if the engine was unsure, then the
 * answer's wording, both within the reply's one wait. Saves nothing; the desk acts on it. Any failure, of the model or of Baton's checks,
 * leaves the offline decision and the entry's own words.
 *
 * @param decision the decision to act on
 * @param note     what the model added, for the decision row ({@code second_opinion}, see V5)
 * @param words    the answer in the model's checked words, or null for the entry's own
 */
record Consultation(Decision decision, Map<String, Object> note, String words) {

    /**
     * @param deadline the reply's one wait on the model: the second opinion and the phrasing share it, and
     *                 with nothing left the phrasing is not asked (the entry's own words are sent)
     */
    static Consultation ask(Assistant assistant, Decision offline, Optional<Band.Question> question,
                            KnowledgeBase knowledge, String customerAsked, Deadline deadline) {
        Decision decision = offline;
        Map<String, Object> note = new LinkedHashMap<>();
        if (question.isPresent()) {
            SecondOpinions.Outcome outcome = SecondOpinions.ask(assistant, question.get(), deadline);
            decision = outcome.decision();
            Attempt<Opinion.Applied> opinion = outcome.attempt().orElseThrow();
            if (opinion instanceof Attempt.Got<Opinion.Applied> got) {
                note.putAll(note(got.value().outcome(), got.value().detail(), got.took().toMillis()));
            } else {
                Attempt.Failed<Opinion.Applied> failed = (Attempt.Failed<Opinion.Applied>) opinion;
                note.putAll(note(failed.failure() == Failure.REJECTED ? "rejected" : "failed",
                        failed.failure().wireName() + ": " + failed.detail(), failed.took().toMillis()));
            }
        }
        String words = null;
        if (decision instanceof Decision.Answer answer && assistant.uses(Use.PHRASING)) {
            KnowledgeEntry entry = knowledge.find(answer.entry()).orElseThrow();
            Attempt<String> phrased = assistant.phrase(entry, customerAsked, deadline);
            if (phrased instanceof Attempt.Got<String> got) {
                words = got.value();
                note.put("phrasing", "reworded in " + got.took().toMillis() + " ms");
            } else {
                Attempt.Failed<String> failed = (Attempt.Failed<String>) phrased;
                note.put("phrasing", "entry's own words (" + failed.failure().wireName() + ": " + failed.detail() + ")");
            }
        }
        return new Consultation(decision, note, words);
    }

    /** The offline decision, with why the model's part was skipped. */
    static Consultation failed(Decision offline, String why) {
        return new Consultation(offline, note("failed", why, 0), null);
    }

    private static Map<String, Object> note(String outcome, String detail, long millis) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("outcome", outcome);
        note.put("detail", detail);
        note.put("millis", millis);
        return note;
    }
}
