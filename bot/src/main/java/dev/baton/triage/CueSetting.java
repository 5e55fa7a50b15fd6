package dev.baton.triage;

/**
 * How one cue behaves: whether it may hand a conversation off at all, and the combined score at which
 * it does. {@code sensitivity: high} in {@code rules.yaml} fires sooner (lower score), {@code low} later.
 *
 * @param firesAt the combined score (0 to 1) at or above which the cue hands off
 */
public record CueSetting(boolean enabled, double firesAt) {

    /** Baton's built-in threshold, the same as {@code sensitivity: normal}. */
    public static final double NORMAL = 0.5;
    public static final double HIGH = 0.35;
    public static final double LOW = 0.7;

    public static final CueSetting STANDARD = new CueSetting(true, NORMAL);

    public CueSetting {
        if (!(firesAt > 0 && firesAt <= 1)) {
            throw new IllegalArgumentException("firesAt must be in (0, 1], was " + firesAt);
        }
    }

    public boolean fires(double combinedScore) {
        return enabled && combinedScore >= firesAt;
    }
}
