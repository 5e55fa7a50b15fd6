package dev.baton.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A tiny browser for tests: keeps cookies itself (Java's CookieManager will not send Secure cookies
 * over plain http), sends the session's CSRF token on state changes, reads JSON.
 */
public final class WebClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    public WebClient(String base) {
        this.base = base;
    }

    /** Fetches the form token and logs in; on success also fetches the session's CSRF token. */
    public WebClient login(String username, String password) {
        HttpResponse<String> response = tryLogin(username, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login as " + username + " failed: " + response.statusCode() + " " + response.body());
        }
        return this;
    }

    public HttpResponse<String> tryLogin(String username, String password) {
        String formToken = formToken();
        HttpResponse<String> response = send(request("/api/login")
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", formToken)
                .POST(json(Map.of("username", username, "password", password))));
        if (response.statusCode() == 200) {
            csrf = json(response).get("csrfToken").asText();
        }
        return response;
    }

    public String formToken() {
        return json(get("/api/csrf")).get("csrfToken").asText();
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** POST with JSON and the session's CSRF token. */
    public HttpResponse<String> post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf == null ? "" : csrf).POST(json(body)));
    }

    public HttpResponse<String> put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf == null ? "" : csrf).PUT(json(body)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).header("X-CSRF-Token", csrf == null ? "" : csrf).DELETE());
    }

    /** A request to {@code path} carrying this client's cookies; add headers and a method, then {@link #send}. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            remember(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void remember(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || header.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    public HttpClient http() {
        return http;
    }

    public String csrf() {
        return csrf;
    }

    public void csrf(String token) {
        csrf = token;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void cookie(String name, String value) {
        cookies.put(name, value);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
