package dev.baton.console.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's pages and assets, read once from {@code console/} on the classpath. The pages are
 * static: they carry no data (the scripts fetch it as JSON), so nothing a customer wrote ever lands
 * in HTML.
 */
public final class Assets {

    private static final Pattern ASSET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    /** Serves {@code console/<name>.html}. */
    public void page(Context ctx, String name) {
        byte[] body = load(name + ".html").orElseThrow(() -> new IllegalStateException("missing page " + name));
        ctx.contentType(TYPES.get("html")).result(body);
    }

    /** Serves {@code console/assets/<file>} for the route {@code /assets/{file}}. */
    public void asset(Context ctx) {
        String file = ctx.pathParam("file");
        if (!ASSET_NAME.matcher(file).matches()) {
            throw ApiError.notFound("no such file");
        }
        byte[] body = load("assets/" + file).orElseThrow(() -> ApiError.notFound("no such file"));
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(TYPES.get(extension)).result(body);
    }

    private Optional<byte[]> load(String name) {
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("console/" + n)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
