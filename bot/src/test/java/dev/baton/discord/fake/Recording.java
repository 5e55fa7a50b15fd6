package dev.baton.discord.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An append-only list that Jetty threads write and the test thread reads or waits on. Waiting uses
 * the list's monitor, so a test wakes the moment a matching item is added instead of polling.
 */
final class Recording<T> {

    private final String what;
    private final List<T> items = new ArrayList<>();
    private final List<Consumer<? super T>> subscribers = new CopyOnWriteArrayList<>();

    Recording(String what) {
        this.what = what;
    }

    synchronized void add(T item) {
        items.add(item);
        notifyAll();
        subscribers.forEach(s -> s.accept(item));
    }

    /** Hands every item added from now on to {@code subscriber}, on the adding thread, in order. */
    void subscribe(Consumer<? super T> subscriber) {
        subscribers.add(subscriber);
    }

    synchronized List<T> snapshot() {
        return List.copyOf(items);
    }

    synchronized void replaceAll(List<T> replacement) {
        items.clear();
        items.addAll(replacement);
        notifyAll();
    }

    /** The first item ever recorded that matches, waiting up to the timeout; earlier items count too. */
    synchronized T await(Predicate<? super T> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < items.size(); checked++) {
                if (match.test(items.get(checked))) {
                    return items.get(checked);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching " + what + " within " + timeout + "; seen " + items.size()
                        + ":\n" + describe());
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a " + what, e);
            }
        }
    }

    private String describe() {
        StringBuilder text = new StringBuilder();
        for (T item : items) {
            text.append("  ").append(item).append('\n');
        }
        return text.toString();
    }
}
