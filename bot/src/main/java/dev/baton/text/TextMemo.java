package dev.baton.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What was read in one message's text (its vector, a detector's reading), remembered for the next
 * decisions. A conversation is decided again at every new customer message, and without this every
 * earlier message would be read again each time: a decision should cost the new message, not the history.
 *
 * <p>Keyed by the text alone, so a reading must depend on nothing else (a message's place and weight in
 * the conversation are applied afterwards, by the caller). Bounded: the least recently used readings go
 * first. Thread-safe.
 */
public final class TextMemo<V> {

    /** As many texts as the embedding cache keeps vectors for. */
    public static final int CAPACITY = 10_000;

    private final Map<String, V> readings;
    private long computed;

    public TextMemo() {
        this(CAPACITY);
    }

    public TextMemo(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a memo needs room for at least one text, was " + capacity);
        }
        this.readings = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The reading of {@code text}, from memory or {@code read} (which must not return null). */
    public V get(String text, Function<String, V> read) {
        synchronized (readings) {
            V known = readings.get(text);
            if (known != null) {
                return known;
            }
        }
        // Read outside the lock: two threads may read the same text once each, which is harmless.
        V reading = read.apply(text);
        synchronized (readings) {
            readings.put(text, reading);
            computed++;
        }
        return reading;
    }

    /** How many readings were made rather than remembered (for tests). */
    public long computed() {
        synchronized (readings) {
            return computed;
        }
    }

    public int size() {
        synchronized (readings) {
            return readings.size();
        }
    }
}
