package dev.baton.llm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Baton tells the operator that the language model misbehaves: the first failure of a run of them,
 * and each change of the circuit breaker. Running Baton writes them to the log at WARN ({@link #log()});
 * a test collects them.
 */
@FunctionalInterface
public interface ModelWarnings {

    void warn(String message);

    /** At WARN, under the logger {@code dev.baton.llm.ModelGuard}. */
    static ModelWarnings log() {
        Logger log = LoggerFactory.getLogger(ModelGuard.class);
        return log::warn;
    }
}
