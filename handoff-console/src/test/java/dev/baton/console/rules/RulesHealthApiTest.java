package dev.baton.console.rules;

import static dev.baton.console.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.console.ConsoleFixture;
import dev.baton.console.FakeRulesBackend;
import dev.baton.console.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RulesHealthApiTest {

    private ConsoleFixture console;
    private WebClient manager;

    @BeforeEach
    void start() {
        console = ConsoleFixture.builder().start();
        manager = console.client().login(ConsoleFixture.MANAGER, ConsoleFixture.PASSWORD);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Nested
    class AsJson {

        @Test
        void hasRulesCuesPickupAnswersAndDaysFieldByField() {
            JsonNode h = json(manager.get("/api/rules/health?since=14d"));
            assertEquals(List.of("from", "to", "byRule", "byCue", "pickup", "answers", "daily", "period"), fieldNames(h));
            assertEquals("in the last 14 days", h.get("period").asText());
            JsonNode rule = h.get("byRule").get(0);
            assertEquals(List.of("name", "handoffs", "neededPerson", "botCouldAnswer", "shouldHaveComeSooner", "askedAgain",
                    "precision", "pickupP50Secs", "pickupP90Secs", "breaches", "askedAgainShare"), fieldNames(rule));
            assertEquals(List.of("crisis to leads", "grief and worry to support", "billing channel", "angry subscribers",
                    "default"), h.get("byRule").findValuesAsText("name"));
            int handoffs = 0;
            for (JsonNode r : h.get("byRule")) {
                handoffs += r.get("handoffs").asInt();
            }
            int byCue = 0;
            for (JsonNode c : h.get("byCue")) {
                byCue += c.get("handoffs").asInt();
            }
            assertEquals(handoffs, byCue, "every handoff has one rule and one main reason");
            JsonNode pickup = h.get("pickup").get(0);
            assertEquals(List.of("kind", "name", "handoffs", "pickedUp", "p50Secs", "p90Secs", "breaches"),
                    fieldNames(pickup));
            assertEquals("person", pickup.get("kind").asText());
            assertEquals(List.of("decisions", "answered", "rate", "sooner"), fieldNames(h.get("answers")));
            JsonNode day = h.get("daily").get(0);
            assertEquals(List.of("day", "handoffs", "answers"), fieldNames(day));
            assertTrue(day.get("day").asText().matches("\\d{4}-\\d{2}-\\d{2}"), "a date, not a time");
        }

        @Test
        void theDefaultPeriodIsThirtyDaysAndACustomOneWorks() {
            assertEquals("in the last 30 days", json(manager.get("/api/rules/health")).get("period").asText());
            JsonNode custom = json(manager.get("/api/rules/health?from=2026-01-01&to=2026-01-31"));
            assertEquals("from 2026-01-01 to 2026-01-31", custom.get("period").asText());
            assertEquals(31, custom.get("daily").size());
            assertEquals(400, manager.get("/api/rules/health?from=2026-02-01&to=2026-01-01").statusCode());
        }

        @Test
        void feedbackGivenOnAHandoffCountsForItsRule() {
            int before = neededPersonOf("billing channel");
            // Mia Chen's anger in #billing (handoff 1) was routed by the "billing channel" rule.
            manager.post("/api/handoffs/1/feedback", Map.of("kind", "needed_person"));
            assertEquals(before + 1, neededPersonOf("billing channel"));
            manager.post("/api/handoffs/1/feedback", Map.of("kind", "needed_person"));
            assertEquals(before + 1, neededPersonOf("billing channel"), "a second click counts once");
        }

        private int neededPersonOf(String rule) {
            for (JsonNode r : json(manager.get("/api/rules/health?since=30d")).get("byRule")) {
                if (r.get("name").asText().equals(rule)) {
                    return r.get("neededPerson").asInt();
                }
            }
            throw new AssertionError("no rule " + rule);
        }
    }

    @Nested
    class AsCsv {

        @Test
        void isADownloadWithTypeNameBomHeaderAndRows() {
            HttpResponse<String> response = manager.get("/api/rules/health.csv?table=rules&from=2026-11-01&to=2026-11-14");
            assertEquals(200, response.statusCode());
            assertEquals("text/csv; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("attachment; filename=\"baton-health-rules-2026-11-01-to-2026-11-14.csv\"",
                    response.headers().firstValue("Content-Disposition").orElseThrow());
            assertTrue(response.body().startsWith("\uFEFFrule,handoffs,needed_person,"), "a BOM so spreadsheets read UTF-8");
            String[] lines = response.body().split("\r\n");
            assertEquals(6, lines.length, "a header and the five rules of the live file");
            assertTrue(lines[1].startsWith("crisis to leads,"));
        }

        @Test
        void everyTableIsThere() {
            assertTrue(manager.get("/api/rules/health.csv?table=cues").body().startsWith("\uFEFFcue,handoffs,"));
            assertTrue(manager.get("/api/rules/health.csv?table=pickup").body().startsWith("\uFEFFkind,name,handoffs,"));
            HttpResponse<String> unknown = manager.get("/api/rules/health.csv?table=people");
            assertEquals(400, unknown.statusCode());
            assertEquals("\"table\" must be one of rules, cues, pickup", json(unknown).get("error").asText());
            assertEquals(400, manager.get("/api/rules/health.csv").statusCode());
        }

        @Test
        void ruleNamesThatLookLikeFormulasOrHoldCommasAreMadeSafe() {
            String hostile = FakeRulesBackend.RULES_YAML
                    .replace("name: crisis to leads", "name: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\"")
                    .replace("name: billing channel", "name: \"@SUM(1+1)*cmd|' /C calc'!A0\"")
                    .replace("name: angry subscribers", "name: \"angry, subscribed\"");
            String base = console.backend.rules().live().version();
            assertEquals(200, manager.post("/api/rules/apply", Map.of("files", Map.of("rules.yaml", hostile),
                    "baseVersion", base)).statusCode());
            String csv = manager.get("/api/rules/health.csv?table=rules").body();
            assertTrue(csv.contains("\r\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",0,"), csv);
            assertTrue(csv.contains("\r\n'@SUM(1+1)*cmd|' /C calc'!A0,"), csv);
            assertTrue(csv.contains("\r\n\"angry, subscribed\","), csv);
            for (String line : csv.substring(1).split("\r\n")) {
                assertTrue(!line.startsWith("=") && !line.startsWith("+") && !line.startsWith("-") && !line.startsWith("@"),
                        line);
            }
        }
    }
}
