package dev.baton.repeats;

/**
 * The outcome of one repeat check: whether the customer had to repeat themselves, and if so which message
 * after pickup repeated ({@code message}) which earlier customer message ({@code earlier}), as indices into
 * the transcript. {@code score} is the detector's probability for its strongest candidate pair, also when
 * it stayed below the line (then it says how close the transcript came).
 */
public record RepeatFinding(boolean repeat, Kind kind, Integer message, Integer earlier, double score) {

    public RepeatFinding {
        if (repeat != (kind != null) || repeat != (message != null) || repeat != (earlier != null)) {
            throw new IllegalArgumentException("a repeat has a kind, a message and an earlier message; no repeat has"
                    + " none of them (was " + kind + ", " + message + ", " + earlier + ")");
        }
    }

    public static RepeatFinding none(double score) {
        return new RepeatFinding(false, null, null, null, score);
    }

    public static RepeatFinding found(Kind kind, int message, int earlier, double score) {
        return new RepeatFinding(true, kind, message, earlier, score);
    }
}
