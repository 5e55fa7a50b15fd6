package dev.baton.console.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's pages and assets, read once from {@code console/} on the classpath. The pages are
 * static: they carry no data (the scripts fetch it as JSON), so nothing a customer wrote ever lands
 * in HTML.
 *
 * <p>Third-party browser libraries come from WebJars (jars on Maven Central) and are served from
 * {@code /assets/vendor/{name}} under a stable name, so pages never name a version and nothing loads
 * from a CDN.
 */
public final class Assets {

    private static final Pattern ASSET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    /** A file inside a WebJar: {@code META-INF/resources/webjars/<artifact>/<version>/<path>}. */
    record Vendor(String group, String artifact, String path) {
    }

    /** Chart.js for the rules health charts: canvas drawing, no inline styles or injected style sheets. */
    static final Map<String, Vendor> VENDOR = Map.of("chart.js", new Vendor("org.webjars", "chartjs", "dist/chart.umd.js"));

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();
    private final Map<String, Optional<VendorFile>> vendorFiles = new ConcurrentHashMap<>();

    private record VendorFile(byte[] body, String etag) {
    }

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

    /**
     * Serves a WebJar file for {@code /assets/vendor/{file}}. Its ETag names the library's version, so
     * a browser revalidates with one cheap 304 and picks up a new version the moment Baton ships one.
     */
    public void vendor(Context ctx) {
        VendorFile file = vendorFile(ctx.pathParam("file")).orElseThrow(() -> ApiError.notFound("no such file"));
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", file.etag());
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(TYPES.get("js")).result(file.body());
    }

    /** The version of a vendored library on the classpath, e.g. {@code 4.4.3} for {@code chart.js}. */
    public static Optional<String> vendorVersion(String name) {
        Vendor vendor = VENDOR.get(name);
        if (vendor == null) {
            return Optional.empty();
        }
        String properties = "META-INF/maven/" + vendor.group() + "/" + vendor.artifact() + "/pom.properties";
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(properties)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties read = new Properties();
            read.load(in);
            return Optional.ofNullable(read.getProperty("version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<VendorFile> vendorFile(String name) {
        return vendorFiles.computeIfAbsent(name, n -> {
            Vendor vendor = VENDOR.get(n);
            Optional<String> version = vendorVersion(n);
            if (vendor == null || version.isEmpty()) {
                return Optional.empty();
            }
            String path = "META-INF/resources/webjars/" + vendor.artifact() + "/" + version.get() + "/" + vendor.path();
            try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    return Optional.empty();
                }
                // The source map is not shipped: drop the comment, or every open devtools asks for it and gets a 404.
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll("\\n?//# sourceMappingURL=\\S+\\s*$", "\n");
                return Optional.of(new VendorFile(text.getBytes(StandardCharsets.UTF_8),
                        "\"" + vendor.artifact() + "-" + version.get() + "\""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
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
