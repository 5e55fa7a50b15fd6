package dev.baton.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops asking a model that keeps failing. After {@code failures} consecutive failures it opens: requests
 * fail at once (Baton decides offline) for {@code openFor}. Then one trial request goes through
 * (half-open): success closes it, failure opens it again for another {@code openFor}.
 *
 * <p>Hand-written on purpose: it is the one state machine Baton needs, on the injected {@link Clock} so
 * tests can open and close it without sleeping; a resilience library would bring several modules for it.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** Told of each change of state, as it happens (under the breaker's lock: keep it short). */
    @FunctionalInterface
    public interface Listener {
        void changed(State from, State to);
    }

    private final int failures;
    private final Duration openFor;
    private final Clock clock;
    private final Listener listener;

    private int consecutive;
    private Instant openUntil;
    private boolean trialInFlight;

    public CircuitBreaker(int failures, Duration openFor, Clock clock) {
        this(failures, openFor, clock, (from, to) -> {
        });
    }

    public CircuitBreaker(int failures, Duration openFor, Clock clock, Listener listener) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        this.failures = failures;
        this.openFor = openFor;
        this.clock = clock;
        this.listener = listener;
    }

    /** Whether a request may go now; a true in the half-open state reserves the one trial. */
    public synchronized boolean allows() {
        if (openUntil == null) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || trialInFlight) {
            return false;
        }
        trialInFlight = true;
        listener.changed(State.OPEN, State.HALF_OPEN);
        return true;
    }

    public synchronized void succeeded() {
        boolean wasOpen = openUntil != null;
        consecutive = 0;
        openUntil = null;
        trialInFlight = false;
        if (wasOpen) {
            listener.changed(State.HALF_OPEN, State.CLOSED);
        }
    }

    public synchronized void failed() {
        consecutive++;
        boolean trial = trialInFlight;
        trialInFlight = false;
        if (trial || consecutive >= failures) {
            boolean wasOpen = openUntil != null;
            openUntil = clock.instant().plus(openFor);
            if (trial || !wasOpen) {
                listener.changed(trial ? State.HALF_OPEN : State.CLOSED, State.OPEN);
            }
        }
    }

    /**
     * A request let through that ended neither way (the caller stopped waiting for its own reasons): it
     * tells nothing of the model, so the count stays as it was and a reserved trial is given back.
     */
    public synchronized void released() {
        trialInFlight = false;
    }

    public synchronized State state() {
        if (openUntil == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openUntil) ? State.OPEN : State.HALF_OPEN;
    }
}
