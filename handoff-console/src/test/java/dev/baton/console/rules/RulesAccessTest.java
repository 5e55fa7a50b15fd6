package dev.baton.console.rules;

import static dev.baton.console.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.console.ConsoleFixture;
import dev.baton.console.FakeRulesBackend;
import dev.baton.console.WebClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Who may use the rules pages, CSRF on their changes, the chart library, and hostile text staying text. */
class RulesAccessTest {

    private static final List<String> GETS = List.of("/api/rules/live", "/api/rules/status", "/api/rules/changes",
            "/api/rules/health", "/api/rules/health.csv?table=rules");
    private static final List<String> POSTS = List.of("/api/rules/check", "/api/rules/try", "/api/rules/replay",
            "/api/rules/apply");
    private static final List<String> PAGES = List.of("/rules", "/rules/changes", "/rules/health");
    private static final String IMG = "<img src=x onerror=alert(1)>";

    private ConsoleFixture console;

    @BeforeEach
    void start() {
        console = ConsoleFixture.builder().start();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private WebClient manager() {
        return console.client().login(ConsoleFixture.MANAGER, ConsoleFixture.PASSWORD);
    }

    private Map<String, Object> applyBody() {
        return Map.of("files", Map.of("rules.yaml", RulesApiTest.GRIEF_TO_LEADS),
                "baseVersion", console.backend.rules().live().version(), "conversation", "customer: hi", "since", "7d");
    }

    @Nested
    class AnAgent {

        @Test
        void gets403OnEveryRulesRouteAndNothingReachesTheBackend() {
            WebClient agent = console.client().login(ConsoleFixture.AGENT, ConsoleFixture.PASSWORD);
            for (String path : GETS) {
                HttpResponse<String> response = agent.get(path);
                assertEquals(403, response.statusCode(), path);
                assertEquals("only managers may do this", json(response).get("error").asText(), path);
            }
            for (String path : POSTS) {
                assertEquals(403, agent.post(path, applyBody()).statusCode(), path);
            }
            for (String page : PAGES) {
                HttpResponse<String> response = agent.get(page);
                assertEquals(403, response.statusCode(), page);
                assertTrue(response.body().startsWith("403 Forbidden"), page);
            }
            assertTrue(console.backend.rules().calls().isEmpty(), console.backend.rules().calls().toString());
        }
    }

    @Nested
    class NobodyLoggedIn {

        @Test
        void isSentToLoginFromThePagesAndGets401FromTheApi() {
            WebClient anonymous = console.client();
            for (String page : PAGES) {
                HttpResponse<String> response = anonymous.get(page);
                assertEquals(302, response.statusCode(), page);
                assertEquals("/login", response.headers().firstValue("Location").orElseThrow());
            }
            for (String path : GETS) {
                assertEquals(401, anonymous.get(path).statusCode(), path);
            }
        }
    }

    @Nested
    class StateChanges {

        @Test
        void withoutTheCsrfTokenAreRefusedAndNothingChanges() {
            WebClient manager = manager();
            String version = console.backend.rules().live().version();
            manager.csrf("");
            HttpResponse<String> response = manager.post("/api/rules/apply", applyBody());
            assertEquals(403, response.statusCode());
            assertTrue(json(response).get("error").asText().contains("CSRF"));
            assertEquals(version, console.backend.rules().live().version());
            assertTrue(console.backend.rules().calls().isEmpty());
        }

        @Test
        void fromAnotherSiteAreRefusedAndNothingChanges() throws IOException {
            WebClient manager = manager();
            String version = console.backend.rules().live().version();
            String body = new ObjectMapper().writeValueAsString(applyBody());
            HttpResponse<String> foreign = manager.send(manager.request("/api/rules/apply")
                    .header("Content-Type", "application/json").header("X-CSRF-Token", manager.csrf())
                    .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(403, foreign.statusCode());
            HttpResponse<String> crossSite = manager.send(manager.request("/api/rules/apply")
                    .header("Content-Type", "application/json").header("X-CSRF-Token", manager.csrf())
                    .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(403, crossSite.statusCode());
            assertEquals(version, console.backend.rules().live().version());
        }

        @Test
        void aManagersPagesAndCallsWork() {
            WebClient manager = manager();
            for (String page : PAGES) {
                HttpResponse<String> response = manager.get(page);
                assertEquals(200, response.statusCode(), page);
                assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            }
            assertEquals(200, manager.post("/api/rules/apply", applyBody()).statusCode());
        }
    }

    @Nested
    class TheChartLibrary {

        @Test
        void isServedFromTheConsoleAsJavaScriptWithAVersionETag() {
            WebClient browser = console.client();
            HttpResponse<String> response = browser.get("/assets/vendor/chart.js");
            assertEquals(200, response.statusCode());
            assertEquals("text/javascript; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElseThrow());
            String etag = response.headers().firstValue("ETag").orElseThrow();
            assertEquals("\"chartjs-" + dev.baton.console.web.Assets.vendorVersion("chart.js").orElseThrow() + "\"", etag);
            assertTrue(response.body().contains("Chart.js v4."), "the UMD build of Chart.js 4");
            assertFalse(response.body().contains("sourceMappingURL"), "no map is served, so none is named");
            assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent());
            HttpResponse<String> again = browser.send(browser.request("/assets/vendor/chart.js")
                    .header("If-None-Match", etag).GET());
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());
        }

        @Test
        void injectsNoStyleSheetSoItRunsUnderTheCsp() {
            String library = console.client().get("/assets/vendor/chart.js").body();
            for (String injection : List.of("createElement(\"style\")", "createElement('style')", "insertRule(",
                    "adoptedStyleSheets", "setAttribute(\"style\"", "innerHTML", "eval(", "new Function(")) {
                assertFalse(library.contains(injection), injection);
            }
        }

        @Test
        void isLoadedByTheHealthPageBeforeItsScript() {
            String page = manager().get("/rules/health").body();
            assertTrue(page.indexOf("<script src=\"/assets/vendor/chart.js\" defer></script>")
                    < page.indexOf("/assets/health.js"));
        }

        @Test
        void onlyKnownLibrariesAreServed() {
            assertEquals(404, console.client().get("/assets/vendor/jquery.js").statusCode());
            assertEquals(404, console.client().get("/assets/vendor/..%2Fconsole.css").statusCode());
        }
    }

    @Nested
    class HostileText {

        @Test
        void inRuleNamesDiffsAndProblemsLeavesOnlyAsJsonData() {
            WebClient manager = manager();
            String hostile = FakeRulesBackend.RULES_YAML.replace("name: billing channel", "name: \"" + IMG + "\"");
            manager.post("/api/rules/apply", Map.of("files", Map.of("rules.yaml", hostile),
                    "baseVersion", console.backend.rules().live().version()));
            HttpResponse<String> changes = manager.get("/api/rules/changes");
            assertTrue(changes.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
            assertTrue(json(changes).get("changes").get(0).get("diff").asText().contains(IMG));
            JsonProblem problem = new JsonProblem(json(manager.post("/api/rules/check",
                    Map.of("files", Map.of("rules.yaml", IMG + ": 1\ndefault: { then: { team: support } }\n"))))
                    .get("problems").get(0).get("message").asText());
            assertEquals("unknown top-level key \"" + IMG + "\"", problem.message());
            assertTrue(json(manager.get("/api/rules/health")).toString().contains(IMG));
            for (String page : List.of("/rules", "/rules/changes", "/rules/health", "/conversations/1001")) {
                String html = manager.get(page).body();
                assertFalse(html.contains("onerror"), page);
                assertFalse(html.contains("Mia Chen"), page + ": pages carry no data");
                assertFalse(html.contains("style="), page + ": no inline styles");
                assertFalse(html.matches("(?s).*<script>.*"), page + ": no inline scripts");
            }
        }

        private record JsonProblem(String message) {
        }

        @Test
        void neverReachesTheDomAsMarkupBecauseNoScriptParsesHtml() throws IOException {
            List<String> parsers = List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                    "DOMParser", "createContextualFragment", "srcdoc", "eval(", "new Function", "setAttribute('style'",
                    "setAttribute(\"style\"");
            try (Stream<Path> scripts = Files.list(assets())) {
                List<Path> all = scripts.filter(p -> p.toString().endsWith(".js")).toList();
                assertTrue(all.size() >= 13, "every console script is checked: " + all);
                for (Path script : all) {
                    // Comments may name what is never done; the code may not do it.
                    String text = Files.readAllLines(script).stream()
                            .filter(line -> !line.strip().startsWith("//") && !line.strip().startsWith("*"))
                            .reduce("", (a, b) -> a + b + "\n");
                    for (String parser : parsers) {
                        assertFalse(text.contains(parser), script.getFileName() + " uses " + parser);
                    }
                }
            }
        }
    }

    private static Path assets() {
        return Path.of("src", "main", "resources", "console", "assets");
    }
}
