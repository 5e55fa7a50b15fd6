package dev.baton.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers recent vectors. A conversation is decided again at every new customer message, and its
 * earlier messages would otherwise be embedded again each time.
 */
public final class CachingEmbedder implements TextEmbedder {

    private final TextEmbedder delegate;
    private final Map<String, float[]> cache;

    public CachingEmbedder(TextEmbedder delegate, int capacity) {
        this.delegate = delegate;
        this.cache = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public float[] embed(String text) {
        synchronized (cache) {
            float[] known = cache.get(text);
            if (known != null) {
                return known;
            }
        }
        // Embed outside the lock: two threads may embed the same text once each, which is harmless.
        float[] vector = delegate.embed(text);
        synchronized (cache) {
            cache.put(text, vector);
        }
        return vector;
    }
}
