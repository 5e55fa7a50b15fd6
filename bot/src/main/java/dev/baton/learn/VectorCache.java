package dev.baton.learn;

import dev.baton.text.TextEmbedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Sentence vectors of training texts, kept in a file beside the training data so that a second
 * training run (another seed, another regularisation) does not embed 100,000 texts again. The model
 * is deterministic, so a cached vector is the vector the model would give.
 */
public final class VectorCache implements TextEmbedder {

    private final TextEmbedder embedder;
    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();

    public VectorCache(TextEmbedder embedder, Path file) {
        this.embedder = embedder;
        this.file = file;
        if (file != null && Files.exists(file)) {
            load();
        }
    }

    public float[] get(String text) {
        float[] v = vectors.get(text);
        if (v == null) {
            throw new IllegalStateException("not embedded yet: \"" + text + "\"");
        }
        return v;
    }

    /** The cached vector, or the model's (kept in memory only; {@link #embedAll} writes the file). */
    @Override
    public synchronized float[] embed(String text) {
        return vectors.computeIfAbsent(text, embedder::embed);
    }

    /** Embeds every text not seen before, on {@code threads} threads, and appends them to the file. */
    public void embedAll(Collection<String> texts, int threads, Consumer<String> progress) {
        List<String> missing = new ArrayList<>();
        for (String text : new LinkedHashSet<>(texts)) {
            if (!vectors.containsKey(text)) {
                missing.add(text);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        progress.accept("embedding " + missing.size() + " texts not in the cache (" + vectors.size() + " cached)");
        int chunk = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int start = 0; start < missing.size(); start += chunk) {
                List<String> part = missing.subList(start, Math.min(missing.size(), start + chunk));
                List<Future<float[]>> futures = new ArrayList<>();
                for (String text : part) {
                    futures.add(pool.submit(() -> embedder.embed(text)));
                }
                Map<String, float[]> done = new HashMap<>();
                for (int i = 0; i < part.size(); i++) {
                    done.put(part.get(i), futures.get(i).get());
                }
                vectors.putAll(done);
                append(part, done);
                progress.accept("  " + Math.min(missing.size(), start + chunk) + " / " + missing.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void append(List<String> texts, Map<String, float[]> done) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                for (String text : texts) {
                    float[] v = done.get(text);
                    byte[] utf = text.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf.length);
                    out.write(utf);
                    out.writeShort(v.length);
                    for (float f : v) {
                        out.writeFloat(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the vector cache " + file, e);
        }
    }

    private void load() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return;
                }
                byte[] utf = new byte[length];
                in.readFully(utf);
                float[] v = new float[in.readShort()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readFloat();
                }
                vectors.put(new String(utf, StandardCharsets.UTF_8), v);
            }
        } catch (EOFException truncated) {
            // A run stopped mid-write leaves a partial last record; what came before it is whole.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vector cache " + file, e);
        }
    }
}
