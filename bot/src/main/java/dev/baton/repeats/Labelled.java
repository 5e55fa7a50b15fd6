package dev.baton.repeats;

/**
 * A transcript with the finding a person wrote down for it. The label is a finding that is certain: its score
 * is 1 for a repeat and 0 for none.
 */
public record Labelled(String id, Transcript transcript, RepeatFinding expected) {
}
