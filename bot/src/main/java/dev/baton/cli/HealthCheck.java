package dev.baton.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The container's {@code HEALTHCHECK}: GETs the console's {@code /healthz} on loopback and exits 0 when it
 * answers 200, 1 otherwise. The JRE image has no curl or wget, so it runs with the JRE itself:
 * {@code java -cp /app/baton.jar dev.baton.cli.HealthCheck}. It reads {@code BATON_CONSOLE_PORT} as Baton does
 * (default 8080); with the console {@code off} there is nothing to ask, and it exits 0.
 */
public final class HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HealthCheck() {
    }

    public static void main(String[] args) {
        System.exit(check(System.getenv(), System.out));
    }

    static int check(Map<String, String> environment, PrintStream out) {
        String port = environment.getOrDefault("BATON_CONSOLE_PORT", "").strip();
        if (port.toLowerCase(Locale.ROOT).equals("off")) {
            out.println("healthcheck: BATON_CONSOLE_PORT is off, nothing to check");
            return 0;
        }
        URI uri = URI.create("http://127.0.0.1:" + (port.isEmpty() ? "8080" : port) + "/healthz");
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            out.println("healthcheck: " + uri + " " + response.statusCode() + " " + response.body());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (java.io.IOException | IllegalArgumentException e) {
            out.println("healthcheck: " + uri + " " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
