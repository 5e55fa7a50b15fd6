package dev.baton.llm;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the operator must learn when the model misbehaves, told to {@link ModelWarnings} (the log, at WARN):
 * the first failure of a run of them (a success ends the run), and each change of the
 * {@link CircuitBreaker}. Each kind of warning is given at most once per {@link #QUIET} on the injected
 * clock; the next one says how many were held back meanwhile. The endpoint is named by its host and port
 * only: never a key, a user name or a path.
 */
final class ModelAlarms {

    /** The least time between two warnings of the same kind. */
    static final Duration QUIET = Duration.ofMinutes(10);

    private enum Kind { FAILING, OPENED, TRIAL, CLOSED }

    private final String endpoint;
    private final URI baseUrl;
    private final ModelTuning tuning;
    private final ModelWarnings warnings;
    private final Clock clock;
    private final Map<Kind, Instant> lastWarned = new HashMap<>();
    private final Map<Kind, Integer> heldBack = new HashMap<>();
    private boolean failing;

    ModelAlarms(URI baseUrl, ModelTuning tuning, ModelWarnings warnings, Clock clock) {
        this.endpoint = host(baseUrl);
        this.baseUrl = baseUrl;
        this.tuning = tuning;
        this.warnings = warnings;
        this.clock = clock;
    }

    /** How the endpoint is named in a warning: {@code host} or {@code host:port}. */
    static String host(URI baseUrl) {
        String host = baseUrl.getHost() == null ? "?" : baseUrl.getHost();
        return baseUrl.getPort() < 0 ? host : host + ":" + baseUrl.getPort();
    }

    /** A request failed (the model's fault, or the way to it): the first of a run is reported. */
    synchronized void failed(Failure failure, String detail) {
        if (failing) {
            return;
        }
        failing = true;
        warn(Kind.FAILING, "language model at " + endpoint + " failed (" + failure.wireName() + ": " + masked(detail)
                + "); Baton decides and words this offline");
    }

    /** A request succeeded: the run of failures, if any, is over. */
    synchronized void succeeded() {
        failing = false;
    }

    /** The breaker changed state. */
    synchronized void changed(CircuitBreaker.State from, CircuitBreaker.State to) {
        long seconds = tuning.breakerOpenFor().toSeconds();
        switch (to) {
            case OPEN -> warn(Kind.OPENED, "language model at " + endpoint + ": circuit breaker open ("
                    + (from == CircuitBreaker.State.HALF_OPEN ? "the trial request failed"
                    : tuning.breakerFailures() + " failures in a row") + "); not asked for " + seconds
                    + " s, Baton works offline meanwhile");
            case HALF_OPEN -> warn(Kind.TRIAL, "language model at " + endpoint + ": circuit breaker half-open after "
                    + seconds + " s; one trial request goes through");
            case CLOSED -> warn(Kind.CLOSED, "language model at " + endpoint + " answered again: circuit breaker"
                    + " closed; asked as usual");
        }
    }

    /** An exception's message may quote the URL: only its host is shown, never a user name or password in it. */
    private String masked(String detail) {
        String masked = detail.replace(baseUrl.toString(), endpoint);
        String userInfo = baseUrl.getRawUserInfo();
        return userInfo == null ? masked : masked.replace(userInfo, "****");
    }

    private void warn(Kind kind, String message) {
        Instant now = clock.instant();
        Instant last = lastWarned.get(kind);
        if (last != null && now.isBefore(last.plus(QUIET))) {
            heldBack.merge(kind, 1, Integer::sum);
            return;
        }
        lastWarned.put(kind, now);
        Integer held = heldBack.remove(kind);
        warnings.warn(held == null ? message : message + " (and " + held + " more like this in the "
                + Duration.between(last, now).toMinutes() + " min since the last such warning)");
    }
}
