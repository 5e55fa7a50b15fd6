package dev.baton.llm;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How Baton treats a configured language model: what it is used for and how little Baton waits on it.
 * The defaults keep a slow or failing model from ever being felt for more than a few seconds.
 *
 * @param timeout         how long one customer reply waits on the model, across all its requests (see
 *                        {@link Deadline}), and one summary request's limit; a request that takes longer is
 *                        abandoned and counts as a failure
 * @param retries         0 or 1: one more try after a rate limit, a server error or a refused connection (never
 *                        after a timeout, which would only double the wait)
 * @param uses            where the model is used
 * @param band            how far from its threshold a score may be and still count as unsure: the answer
 *                        confidence within ±band of {@code answer_confidence}, a cue below its threshold by
 *                        less than band
 * @param breakerFailures consecutive failures after which the model is not asked at all for {@code breakerOpenFor}
 * @param breakerOpenFor  how long the breaker stays open before one trial request
 * @param jsonSchema      ask for structured output with a JSON schema ({@code response_format}); off for
 *                        endpoints that do not support it (the schema is then described in the prompt)
 * @param concurrent      requests in flight at most; beyond that Baton decides offline at once
 */
public record ModelTuning(Duration timeout, int retries, Set<Use> uses, double band, int breakerFailures,
                          Duration breakerOpenFor, boolean jsonSchema, int concurrent) {

    public static final ModelTuning DEFAULTS = new ModelTuning(Duration.ofSeconds(4), 1, EnumSet.allOf(Use.class),
            0.1, 3, Duration.ofSeconds(60), true, 4);

    public ModelTuning {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
        uses = uses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(uses));
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (retries < 0 || retries > 1) {
            throw new IllegalArgumentException("retries must be 0 or 1, was " + retries);
        }
        if (band < 0 || band > 0.5) {
            throw new IllegalArgumentException("band must be within [0, 0.5], was " + band);
        }
        if (breakerFailures < 1) {
            throw new IllegalArgumentException("breakerFailures must be at least 1, was " + breakerFailures);
        }
        if (breakerOpenFor.isNegative() || breakerOpenFor.isZero()) {
            throw new IllegalArgumentException("breakerOpenFor must be positive, was " + breakerOpenFor);
        }
        if (concurrent < 1) {
            throw new IllegalArgumentException("concurrent must be at least 1, was " + concurrent);
        }
    }

    public boolean uses(Use use) {
        return uses.contains(use);
    }

    public ModelTuning withTimeout(Duration other) {
        return new ModelTuning(other, retries, uses, band, breakerFailures, breakerOpenFor, jsonSchema, concurrent);
    }

    public ModelTuning withUses(Set<Use> other) {
        return new ModelTuning(timeout, retries, other, band, breakerFailures, breakerOpenFor, jsonSchema, concurrent);
    }

    public ModelTuning withBreaker(int failures, Duration openFor) {
        return new ModelTuning(timeout, retries, uses, band, failures, openFor, jsonSchema, concurrent);
    }

    public ModelTuning withBand(double other) {
        return new ModelTuning(timeout, retries, uses, other, breakerFailures, breakerOpenFor, jsonSchema, concurrent);
    }

    public ModelTuning withJsonSchema(boolean other) {
        return new ModelTuning(timeout, retries, uses, band, breakerFailures, breakerOpenFor, other, concurrent);
    }
}
