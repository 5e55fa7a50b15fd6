package dev.baton.llm;

import com.fasterxml.jackson.core.JacksonException;
import dev.baton.metrics.BatonMetrics;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.service.output.OutputParsingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request to the model goes through here, so none can keep Baton waiting: a hard time limit per
 * request (less when a customer reply's {@link Deadline} has less left), at most one retry (only after a
 * failure that may pass: a rate limit, a server error, a refused connection), a limit on requests in
 * flight, and the {@link CircuitBreaker}. It never throws: the caller gets an {@link Attempt} and falls
 * back offline on any failure. The operator learns of failures through
 * {@link ModelAlarms} (at WARN, rate-limited); each one's detail stays at debug.
 */
final class ModelGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ModelGuard.class);
    private static final Duration BACKOFF = Duration.ofMillis(250);
    private static final int DETAIL_MAX = 200;

    private final ModelTuning tuning;
    private final CircuitBreaker breaker;
    private final ExecutorService requests;
    private final Semaphore inFlight;
    private final BatonMetrics metrics;
    private final ModelAlarms alarms;

    ModelGuard(ModelTuning tuning, CircuitBreaker breaker, ExecutorService requests, BatonMetrics metrics,
               ModelAlarms alarms) {
        this.tuning = tuning;
        this.breaker = breaker;
        this.requests = requests;
        this.inFlight = new Semaphore(tuning.concurrent());
        this.metrics = metrics;
        this.alarms = alarms;
    }

    CircuitBreaker.State breaker() {
        return breaker.state();
    }

    /** Asks once (twice at most), within the time limit each time. */
    <T> Attempt<T> call(Use use, Supplier<T> request) {
        return call(use, Deadline.none(), request);
    }

    /** Asks once (twice at most), each time within the time limit and what is left of {@code deadline}. */
    <T> Attempt<T> call(Use use, Deadline deadline, Supplier<T> request) {
        long started = System.nanoTime();
        if (!inFlight.tryAcquire()) {
            return record(use, new Attempt.Failed<>(Failure.BUSY, tuning.concurrent() + " requests already in flight",
                    0, since(started)));
        }
        try {
            Attempt<T> attempt = tries(request, deadline, started);
            return record(use, attempt);
        } finally {
            inFlight.release();
        }
    }

    private <T> Attempt<T> tries(Supplier<T> request, Deadline deadline, long started) {
        boolean shared = deadline.enter();
        int tries = 0;
        Attempt.Failed<T> last = null;
        while (true) {
            Duration limit = limit(deadline);
            if (limit.isZero()) {
                // The reply has waited all it may: Baton acts offline rather than keep the customer longer.
                return last != null ? new Attempt.Failed<>(last.failure(), last.detail(), tries, since(started))
                        : new Attempt.Failed<>(Failure.TIMEOUT, "not asked: no time left of this reply's "
                        + deadline.budget().toMillis() + " ms wait", tries, since(started));
            }
            if (!breaker.allows()) {
                return new Attempt.Failed<>(Failure.BREAKER_OPEN, "the model failed repeatedly; not asked until the"
                        + " breaker lets a trial through", tries, since(started));
            }
            tries++;
            Outcome<T> outcome = once(request, limit);
            if (outcome.value() != null) {
                alarms.succeeded();
                breaker.succeeded();
                return new Attempt.Got<>(outcome.value(), tries, since(started));
            }
            if (outcome.failure() == Failure.TIMEOUT && shared && limit.compareTo(tuning.timeout()) < 0) {
                // Cut short because an earlier request of the same reply used part of its wait: it tells
                // nothing of the model, so neither the breaker nor the operator counts it.
                breaker.released();
                return new Attempt.Failed<>(Failure.TIMEOUT, outcome.detail() + " (what was left of this reply's "
                        + deadline.budget().toMillis() + " ms wait)", tries, since(started));
            }
            // Reported before the breaker's change it may cause, so the log reads in order.
            alarms.failed(outcome.failure(), outcome.detail());
            breaker.failed();
            if (!outcome.failure().isTransient() || tries > tuning.retries()) {
                return new Attempt.Failed<>(outcome.failure(), outcome.detail(), tries, since(started));
            }
            last = new Attempt.Failed<>(outcome.failure(), outcome.detail(), tries, since(started));
            if (!deadline.isNone() && deadline.remaining().compareTo(BACKOFF) <= 0) {
                return last; // no time for a pause and another try
            }
            if (!pause(BACKOFF)) {
                return last;
            }
        }
    }

    /** How long the next try may wait: the time limit, or less when the reply's deadline has less left. */
    private Duration limit(Deadline deadline) {
        if (deadline.isNone()) {
            return tuning.timeout();
        }
        Duration left = deadline.remaining();
        // Under a millisecond is nothing: a request cannot be answered in it.
        return left.toMillis() < 1 ? Duration.ZERO : left.compareTo(tuning.timeout()) < 0 ? left : tuning.timeout();
    }

    private record Outcome<T>(T value, Failure failure, String detail) {
    }

    private <T> Outcome<T> once(Supplier<T> request, Duration limit) {
        Future<T> future = requests.submit(request::get);
        try {
            T value = future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (value == null) {
                return new Outcome<>(null, Failure.MALFORMED, "the model returned nothing");
            }
            return new Outcome<>(value, null, null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome<>(null, Failure.TIMEOUT, "no reply within " + limit.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome<>(null, Failure.TIMEOUT, "interrupted while waiting for the model");
        } catch (ExecutionException e) {
            Failure failure = classify(e.getCause());
            String detail = detail(e.getCause());
            LOG.debug("language model request failed ({}): {}", failure.wireName(), detail);
            return new Outcome<>(null, failure, detail);
        }
    }

    /** What went wrong, from the exception langchain4j (or the HTTP client under it) threw. */
    static Failure classify(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RateLimitException) {
                return Failure.RATE_LIMITED;
            }
            if (t instanceof InternalServerException) {
                return Failure.SERVER_ERROR;
            }
            if (t instanceof AuthenticationException) {
                return Failure.NOT_AUTHORISED;
            }
            if (t instanceof ModelNotFoundException || t instanceof InvalidRequestException) {
                return Failure.BAD_REQUEST;
            }
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException) {
                return Failure.TIMEOUT;
            }
            if (t instanceof OutputParsingException || t instanceof JacksonException) {
                return Failure.MALFORMED;
            }
            if (t instanceof HttpException http) {
                return http.statusCode() >= 500 ? Failure.SERVER_ERROR : http.statusCode() == 429
                        ? Failure.RATE_LIMITED : Failure.BAD_REQUEST;
            }
            if (t instanceof ConnectException || t instanceof UnresolvedModelServerException
                    || t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return Failure.UNREACHABLE;
            }
            if (t instanceof IOException) {
                return Failure.UNREACHABLE;
            }
        }
        // Anything else (a body that is not a chat completion, an empty choice list) is a reply Baton cannot use.
        return Failure.MALFORMED;
    }

    private static String detail(Throwable thrown) {
        String text = thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        text = text.replaceAll("\\s+", " ");
        return text.length() <= DETAIL_MAX ? text : text.substring(0, DETAIL_MAX) + "…";
    }

    private <T> Attempt<T> record(Use use, Attempt<T> attempt) {
        String outcome = attempt instanceof Attempt.Failed<T> failed ? failed.failure().wireName() : "ok";
        metrics.askedModel(use.wireName(), outcome, attempt.took());
        return attempt;
    }

    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
