package dev.baton.text;

/**
 * Remembers recent vectors. A conversation is decided again at every new customer message, and its
 * earlier messages would otherwise be embedded again each time.
 */
public final class CachingEmbedder implements TextEmbedder {

    private final TextEmbedder delegate;
    private final TextMemo<float[]> cache;

    public CachingEmbedder(TextEmbedder delegate, int capacity) {
        this.delegate = delegate;
        this.cache = new TextMemo<>(capacity);
    }

    @Override
    public float[] embed(String text) {
        return cache.get(text, delegate::embed);
    }
}
