package dev.baton.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/**
 * A signed-in HTTP client of the console, as a script would be: form token, login, session cookie,
 * CSRF header. Cookies are handled here because Java's CookieManager keeps Secure cookies off http.
 */
public final class ConsoleClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    private ConsoleClient(String base) {
        this.base = base;
    }

    public static ConsoleClient logIn(String base, String user, String password) {
        ConsoleClient client = new ConsoleClient(base);
        client.csrf = client.send(client.request("/api/csrf").GET()).get("csrfToken").asText();
        client.send(client.request("/api/login").header("X-CSRF-Token", client.csrf)
                .header("Content-Type", "application/json").POST(body(Map.of("username", user, "password", password))));
        client.csrf = client.send(client.request("/api/me").GET()).get("csrfToken").asText();
        return client;
    }

    /** Someone not signed in, holding the form token a login or setup form needs. */
    public static ConsoleClient anonymous(String base) {
        ConsoleClient client = new ConsoleClient(base);
        client.csrf = client.send(client.request("/api/csrf").GET()).get("csrfToken").asText();
        return client;
    }

    /** Sets a password with a setup link's token, as the setup page does, and is then signed in. */
    public void setUp(String token, String password) {
        send(request("/api/setup").header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                .POST(body(Map.of("token", token, "password", password))));
        csrf = send(request("/api/me").GET()).get("csrfToken").asText();
    }

    /** The same login (cookies, CSRF token) sent to another address: another Baton behind the same URL. */
    ConsoleClient on(String otherBase) {
        ConsoleClient other = new ConsoleClient(otherBase);
        other.cookies.putAll(cookies);
        other.csrf = csrf;
        return other;
    }

    /** The status a GET answers, without failing on an error status. */
    int status(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode get(String path) {
        return send(request(path).GET());
    }

    public JsonNode post(String path, Object body) {
        return send(request(path).header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                .POST(body(body)));
    }

    /**
     * Opens the live event stream; every event lands in the returned queue with its handoff id and
     * when its data line was read ({@link System#nanoTime()}).
     */
    BlockingQueue<Arrival> events() {
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request("/api/events").header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/api/events answered " + response.statusCode());
        }
        Thread reader = new Thread(() -> response.body().forEach(line -> {
            if (line.startsWith("data:")) {
                long at = System.nanoTime();
                try {
                    JsonNode data = JSON.readTree(line.substring(5));
                    arrivals.add(new Arrival(data.get("kind").asText(), data.get("handoffId").asLong(), at));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }), "console-events");
        reader.setDaemon(true);
        reader.start();
        return arrivals;
    }

    record Arrival(String kind, long handoffId, long nanos) {
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        return builder;
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.request().uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
