package dev.baton.reload;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the configuration directory every couple of seconds and reloads when a file changed.
 * Polling rather than a file-system watch service: it works the same on bind mounts, network shares
 * and editors that save by renaming, where change notifications are unreliable or missing.
 */
public final class ConfigWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    private final ScheduledExecutorService scheduler;

    private ConfigWatcher(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    public static ConfigWatcher start(LiveConfig config, Duration every) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "baton-config-watcher");
            thread.setDaemon(true);
            return thread;
        });
        Stable stable = new Stable();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                // A file caught mid-save would be refused; wait until two looks agree before loading it.
                if (stable.settled(ConfigSnapshot.read(config.directory()).version())) {
                    config.reloadFromDisk();
                }
            } catch (RuntimeException e) {
                LOG.error("could not check the configuration directory {} for changes", config.directory(), e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new ConfigWatcher(scheduler);
    }

    /** Whether a version was seen on two consecutive looks. */
    static final class Stable {
        private String previous;

        boolean settled(String version) {
            boolean same = version.equals(previous);
            previous = version;
            return same;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
