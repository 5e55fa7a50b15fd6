package dev.baton.learn;

import dev.baton.text.Heads;
import java.util.Objects;

/**
 * The learned parts of Baton's decision: the cue heads (feelings, deadlines, requests for a person,
 * small talk) and the answerability model. {@link #shipped()} reads the files in the jar; tests pass
 * their own so that what they check does not move whenever the shipped weights are retrained.
 */
public record Models(Heads cues, Heads answers) {

    public static final String CUES = "/dev/baton/learn/" + Training.CUES;
    public static final String ANSWERS = "/dev/baton/learn/" + Training.ANSWERS;

    public Models {
        Objects.requireNonNull(cues, "cues");
        Objects.requireNonNull(answers, "answers");
    }

    public static Models shipped() {
        return new Models(WeightFile.resource(CUES).heads(), WeightFile.resource(ANSWERS).heads());
    }
}
