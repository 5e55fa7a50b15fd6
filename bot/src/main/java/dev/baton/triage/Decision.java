package dev.baton.triage;

import java.util.List;

/** The engine's verdict on the last customer message: answer from the knowledge base, or hand off. */
public sealed interface Decision permits Decision.Answer, Decision.Handoff, Decision.SmallTalk {

    double confidence();

    /** Every cue the detectors scored, fired or not, strongest first: the evidence behind the verdict. */
    List<Cue> cues();

    /** Answer with one knowledge-base entry; {@code matchedQuestion} is the phrasing that matched best. */
    record Answer(String entry, double confidence, String matchedQuestion, List<Cue> cues) implements Decision {
        public Answer {
            cues = List.copyOf(cues);
        }
    }

    /**
     * Only small talk (a greeting, an introduction, chit-chat): nothing to answer and no reason to call a
     * person. Baton replies briefly, saying what it can do and how to reach a person. {@code confidence} is
     * the small-talk score, on the scale where 0.5 is its firing line.
     */
    record SmallTalk(double confidence, List<Cue> cues) implements Decision {
        public SmallTalk {
            cues = List.copyOf(cues);
        }
    }

    /** Hand off to a person, for these reasons, most important first. */
    record Handoff(List<CueKind> reasons, double confidence, List<Cue> cues) implements Decision {
        public Handoff {
            reasons = List.copyOf(reasons);
            cues = List.copyOf(cues);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a handoff needs at least one reason");
            }
        }
    }
}
