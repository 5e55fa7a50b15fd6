package dev.baton.text;

import java.util.List;
import java.util.function.Supplier;

/**
 * A sentence model that is still loading (about a second: the ONNX runtime and the model file) while
 * start-up does other work. The first embedding waits until it has loaded; a failed load is thrown there.
 */
public final class LoadingEmbedder implements TextEmbedder {

    private final Supplier<? extends TextEmbedder> loading;

    /** @param loading gives the loaded model, waiting for it if need be */
    public LoadingEmbedder(Supplier<? extends TextEmbedder> loading) {
        this.loading = loading;
    }

    @Override
    public float[] embed(String text) {
        return loading.get().embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return loading.get().embedAll(texts);
    }
}
