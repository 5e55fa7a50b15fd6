package dev.baton.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.ConsoleFixture;
import dev.baton.console.MutableClock;
import dev.baton.console.RawHttp;
import dev.baton.console.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The smaller findings of issue 14, each over a real server. */
class HardeningTest {

    @Test
    void trailingBytesAfterTheJsonBodyAreRefused() {
        try (ConsoleFixture console = ConsoleFixture.builder().start()) {
            WebClient browser = console.client();
            String form = browser.formToken();
            HttpResponse<String> response = browser.send(browser.request("/api/login")
                    .header("Content-Type", "application/json").header("X-CSRF-Token", form)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"alice\",\"password\":\"correct horse battery\"} {\"more\":1}")));
            assertEquals(400, response.statusCode(), response.body());
        }
    }

    @Test
    void aMethodOverrideHeaderDoesNotTurnAPostIntoADelete() {
        try (ConsoleFixture console = ConsoleFixture.builder().start()) {
            WebClient manager = console.client().login(ConsoleFixture.MANAGER, ConsoleFixture.PASSWORD);
            HttpResponse<String> response = manager.send(manager.request("/api/accounts/alice")
                    .header("X-CSRF-Token", manager.csrf()).header("X-HTTP-Method-Override", "DELETE")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertTrue(response.statusCode() >= 400, response.statusCode() + " " + response.body());
            assertTrue(console.accounts.find("alice").isPresent(), "alice's account is still there");
        }
    }

    @Test
    void aSessionEndsTwelveHoursAfterLoginHoweverMuchItIsUsed() {
        MutableClock clock = new MutableClock(Instant.now());
        try (ConsoleFixture console = ConsoleFixture.builder().clock(clock).start()) {
            WebClient agent = console.client().login(ConsoleFixture.AGENT, ConsoleFixture.PASSWORD);
            for (int hour = 0; hour < 11; hour++) {
                clock.advance(Duration.ofHours(1));
                assertEquals(200, agent.get("/api/me").statusCode(), "hour " + hour);
            }
            clock.advance(Duration.ofMinutes(61));
            assertEquals(401, agent.get("/api/me").statusCode());
        }
    }

    @Test
    void theSetupLinkUsesTheBoundAddressNotTheRequestsHostHeader() {
        try (ConsoleFixture console = ConsoleFixture.builder().start()) {
            WebClient manager = console.client().login(ConsoleFixture.MANAGER, ConsoleFixture.PASSWORD);
            RawHttp.Response created = RawHttp.send("127.0.0.1", console.console.port(), "POST", "/api/accounts",
                    "Host: evil.example\r\nCookie: " + Guard.SESSION_COOKIE + "=" + manager.cookie(Guard.SESSION_COOKIE)
                            + "\r\nX-CSRF-Token: " + manager.csrf() + "\r\nContent-Type: application/json\r\n",
                    "{\"username\":\"bob\",\"role\":\"agent\"}");
            assertEquals(201, created.status(), created.text());
            String url = json(created.body()).get("setupUrl").asText();
            assertTrue(url.startsWith(console.baseUrl() + "/setup?token="), url);
        }
    }

    @Test
    void jettysOwnErrorPagesCarryTheSecurityHeaders() {
        try (ConsoleFixture console = ConsoleFixture.builder().start()) {
            RawHttp.Response tooBig = RawHttp.send("127.0.0.1", console.console.port(), "GET", "/healthz",
                    "X-Filler: " + "a".repeat(20_000) + "\r\n", "");
            assertTrue(tooBig.status() >= 400, tooBig.text());
            assertEquals(Guard.CSP, tooBig.header("Content-Security-Policy"), tooBig.text());
            assertEquals("nosniff", tooBig.header("X-Content-Type-Options"));
            assertEquals("DENY", tooBig.header("X-Frame-Options"));
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }
}
