package dev.baton.aftercare;

import dev.baton.handoff.HandoffRecord;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After-care's part of every resolve: {@link #resolved} chooses and stores at once, then posts on a thread of
 * its own, so the person resolving (or Discord waiting for {@code /resolve}'s acknowledgement) never waits for
 * Discord. Wired once at start-up; closed before Discord.
 */
public final class Asking implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Asking.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final AfterCare aftercare;
    private final AfterCareNotices notices;
    private final ExecutorService poster = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "baton-aftercare");
        thread.setDaemon(true);
        return thread;
    });

    Asking(AfterCare aftercare, AfterCareNotices notices) {
        this.aftercare = aftercare;
        this.notices = notices;
    }

    /** @param actorId roster id of whoever resolved it */
    public void resolved(HandoffRecord resolved, String actorId) {
        aftercare.ask(resolved, actorId).ifPresent(prompt -> {
            try {
                poster.execute(() -> {
                    try {
                        aftercare.post(prompt, notices);
                    } catch (RuntimeException e) {
                        LOG.error("after-care for handoff {} failed", resolved.id(), e);
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.warn("after-care for handoff {} not posted: Baton is stopping", resolved.id());
                aftercare.notPosted(resolved.id(), "not posted: Baton was stopping");
            }
        });
    }

    @Override
    public void close() {
        poster.shutdown();
        try {
            if (!poster.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                poster.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            poster.shutdownNow();
        }
    }
}
