package dev.baton.fanout;

import java.time.Duration;

/**
 * How long to wait before the next attempt to reach PostgreSQL again: {@code first}, doubling after each
 * failure up to {@code most}. A restart of the server takes seconds, so the first retries come quickly;
 * a long outage is not hammered.
 */
public record Backoff(Duration first, Duration most) {

    /** From a quarter of a second up to five seconds. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    /** The pause after {@code failures} failed attempts in a row (1 for the first failure). */
    public Duration after(int failures) {
        Duration pause = first;
        for (int i = 1; i < failures && pause.compareTo(most) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(most) > 0 ? most : pause;
    }
}
