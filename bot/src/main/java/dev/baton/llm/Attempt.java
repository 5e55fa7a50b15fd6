package dev.baton.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/** What asking the model gave: a usable value, or why not. Either way, how long Baton waited. */
public sealed interface Attempt<T> permits Attempt.Got, Attempt.Failed {

    Duration took();

    record Got<T>(T value, int tries, Duration took) implements Attempt<T> {
        public Got {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(took, "took");
        }
    }

    /** @param detail for the log and the decision's record; never contains the API key */
    record Failed<T>(Failure failure, String detail, int tries, Duration took) implements Attempt<T> {
        public Failed {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(took, "took");
        }
    }

    static <T> Attempt<T> off() {
        return new Failed<>(Failure.OFF, "no language model configured for this", 0, Duration.ZERO);
    }

    /** The value turned into something else, or rejected by {@code check} (a non-null reason rejects). */
    default <R> Attempt<R> then(Function<T, Attempt<R>> next) {
        if (this instanceof Got<T> got) {
            Attempt<R> result = next.apply(got.value());
            return result instanceof Failed<R> failed
                    ? new Failed<>(failed.failure(), failed.detail(), got.tries(), got.took())
                    : new Got<>(((Got<R>) result).value(), got.tries(), got.took());
        }
        Failed<T> failed = (Failed<T>) this;
        return new Failed<>(failed.failure(), failed.detail(), failed.tries(), failed.took());
    }
}
