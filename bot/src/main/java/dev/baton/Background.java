package dev.baton;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Start-up work begun now on a thread of its own, whose result is waited for where it is first needed.
 * Start-up has independent slow steps (loading the sentence model, hashing a password) and the machine has
 * more than one core; run one after another, they keep all but one of them idle.
 *
 * <p>The thread is a daemon: work nobody waits for any more (a start that failed on a config error) never
 * holds the JVM up.
 */
final class Background<T> implements Supplier<T> {

    private final FutureTask<T> task;

    private Background(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} on a new daemon thread called {@code threadName}. */
    static <T> Background<T> start(String threadName, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        return new Background<>(task);
    }

    /**
     * The result, once the work has finished. What the work threw is thrown here as it was (a runtime
     * exception or error), so callers handle it as if they had done the work themselves.
     */
    @Override
    public T get() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for start-up work", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    /** Waits for the work to end, whatever its outcome: before closing what it uses. */
    void awaitEnd() {
        try {
            get();
        } catch (RuntimeException e) {
            // Its outcome no longer matters to whoever is cleaning up.
        }
    }
}
