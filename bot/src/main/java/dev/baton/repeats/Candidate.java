package dev.baton.repeats;

/**
 * One pair the detector weighs: a message after pickup ({@code message}) against one earlier customer
 * message ({@code earlier}), the kind of repeat it would be, and its {@link Features}.
 */
record Candidate(int message, int earlier, Kind kind, float[] features) {
}
