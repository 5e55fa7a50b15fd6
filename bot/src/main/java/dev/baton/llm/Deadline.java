package dev.baton.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One customer reply's wait on the model: every request made for the reply (the second opinion, then the
 * phrasing, and a retry of either) shares it, each getting only what is left, so the reply never waits
 * longer than the budget in all. Measured on the monotonic clock: it is the real wait that counts.
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(null);

    /** Null for {@link #none()}. */
    private final Duration budget;
    private final long endNanos;
    private final AtomicBoolean entered = new AtomicBoolean();

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = budget == null ? 0 : System.nanoTime() + budget.toNanos();
    }

    /** A wait of {@code budget}, starting now. */
    public static Deadline after(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        return new Deadline(budget.isNegative() ? Duration.ZERO : budget);
    }

    /** No shared wait: each request has the time limit alone (a summary, or a single request). */
    public static Deadline none() {
        return NONE;
    }

    /** Whether this is {@link #none()}. */
    public boolean isNone() {
        return budget == null;
    }

    /**
     * Marks the start of one call under this wait; true if an earlier call already used some of it (so a
     * timeout of this one may be the earlier call's doing, not the model's).
     */
    boolean enter() {
        return !isNone() && entered.getAndSet(true);
    }

    /** The whole wait this reply was given. */
    public Duration budget() {
        if (isNone()) {
            throw new IllegalStateException("no shared wait");
        }
        return budget;
    }

    /** What is left of it; zero once it is spent. */
    public Duration remaining() {
        if (isNone()) {
            throw new IllegalStateException("no shared wait");
        }
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    @Override
    public String toString() {
        return isNone() ? "Deadline[none]" : "Deadline[" + remaining().toMillis() + " of " + budget.toMillis() + " ms left]";
    }
}
