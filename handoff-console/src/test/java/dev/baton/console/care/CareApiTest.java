package dev.baton.console.care;

import static dev.baton.console.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.console.ConsoleFixture;
import dev.baton.console.FakeCareBackend;
import dev.baton.console.WebClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The care page's routes over {@link FakeCareBackend}: JSON, CSV, the handoffs behind a number, and who may see them. */
class CareApiTest {

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
        void hasTheTotalPerPersonRuleWeekAndReasonFieldByField() {
            JsonNode care = json(manager.get("/api/care?from=2026-12-01&to=2026-12-07"));
            assertEquals(List.of("from", "to", "total", "byPerson", "byRule", "byWeek", "byReason", "period"),
                    fieldNames(care));
            assertEquals("from 2026-12-01 to 2026-12-07", care.get("period").asText());
            JsonNode total = care.get("total");
            assertEquals(List.of("group", "name", "handoffs", "satisfaction", "repeats", "firstReply", "resolve",
                    "afterAnswer", "decisions"), fieldNames(total));
            assertEquals(List.of("asked", "answered", "up", "down", "comments", "upShare"),
                    fieldNames(total.get("satisfaction")));
            assertEquals(List.of("checked", "repeats", "rate"), fieldNames(total.get("repeats")));
            assertEquals(List.of("count", "p50Secs", "p90Secs"), fieldNames(total.get("firstReply")));
            assertEquals(List.of("rated", "down", "share"), fieldNames(total.get("afterAnswer")));
            assertEquals(List.of("decisions", "answered", "answerRate", "handoffRate"), fieldNames(total.get("decisions")));
            assertTrue(care.get("byPerson").get(0).get("decisions").isNull(), "a decision belongs to no person");
            assertEquals(List.of("reason", "handoffs", "rate"), fieldNames(care.get("byReason").get(0)));
            FakeCareBackend.Call asked = console.backend.care().calls().get(0);
            assertEquals(Instant.parse("2026-12-01T00:00:00Z"), asked.from());
            assertEquals(Instant.parse("2026-12-08T00:00:00Z"), asked.to(), "the last day is included");
        }

        @Test
        void theDefaultPeriodIsThirtyDays() {
            assertEquals("in the last 30 days", json(manager.get("/api/care")).get("period").asText());
        }

        @Test
        void aBadPeriodIsRefusedNamingTheField() {
            HttpResponse<String> bad = manager.get("/api/care?from=yesterday");
            assertEquals(400, bad.statusCode());
            assertEquals("\"from\" must be a date such as 2026-11-01 or an ISO time such as 2026-11-01T09:00:00Z",
                    json(bad).get("error").asText());
            assertEquals("\"from\" must be before \"to\"",
                    json(manager.get("/api/care?from=2026-12-07&to=2026-12-01")).get("error").asText());
            assertEquals(400, manager.get("/api/care.csv?by=person&since=forever").statusCode());
            assertTrue(console.backend.care().calls().isEmpty(), "nothing was computed");
        }
    }

    @Nested
    class HandoffsBehindANumber {

        @Test
        void listsThemWithTheGroupFigureAndPeriod() {
            JsonNode list = json(manager.get("/api/care/handoffs?group=person:alex&figure=repeats&since=7d"));
            assertEquals(List.of("group", "figure", "period", "total", "handoffs"), fieldNames(list));
            assertEquals("person:alex", list.get("group").asText());
            assertEquals(2, list.get("total").asInt());
            assertEquals(List.of("id", "createdAt", "customerName", "personName", "rule", "reason"),
                    fieldNames(list.get("handoffs").get(0)));
            FakeCareBackend.Call asked = console.backend.care().calls().get(0);
            assertEquals("person:alex", asked.group());
            assertEquals("repeats", asked.figure());
        }

        @Test
        void anUnknownGroupOrFigureIsABadRequest() {
            HttpResponse<String> group = manager.get("/api/care/handoffs?group=team:billing&figure=up");
            assertEquals(400, group.statusCode());
            assertTrue(json(group).get("error").asText().startsWith("\"group\" must be all, or person:"));
            HttpResponse<String> figure = manager.get("/api/care/handoffs?group=all&figure=mood");
            assertEquals(400, figure.statusCode());
            assertTrue(json(figure).get("error").asText().startsWith("\"figure\" must be one of handoffs, asked,"));
            assertEquals(409, manager.get("/api/care/handoffs?group=person:nobody&figure=up").statusCode(),
                    "the backend's refusal keeps its words");
        }
    }

    @Nested
    class AsCsv {

        @Test
        void isADownloadPerGroupingWithTypeNameBomAndFormulaSafeNames() {
            HttpResponse<String> response = manager.get("/api/care.csv?by=rule&from=2026-12-01&to=2026-12-07");
            assertEquals(200, response.statusCode());
            assertEquals("text/csv; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("attachment; filename=\"baton-care-by-rule-2026-12-01-to-2026-12-07.csv\"",
                    response.headers().firstValue("Content-Disposition").orElseThrow());
            String[] lines = response.body().split("\r\n");
            assertTrue(lines[0].startsWith("\uFEFFrule,handoffs,ratings_asked,ratings_answered,thumbs_up,"), lines[0]);
            assertEquals("\"'=billing, refunds\",4,3,3,2,1,1,0.6667,4,1,0.2500,2,60,300,3,600,3600,1,1,1.0000,,,,",
                    lines[1]);
        }

        @Test
        void weeksCarryTheirDecisionsAndReasonsTheirRate() {
            String weeks = manager.get("/api/care.csv?by=week").body();
            assertTrue(weeks.endsWith("2026-W49,4,3,3,2,1,1,0.6667,4,1,0.2500,2,60,300,3,600,3600,1,1,1.0000,8,4,"
                    + "0.5000,0.5000\r\n"), weeks);
            assertEquals("\uFEFFreason,handoffs,handoff_rate\r\nanger,3,0.3750\r\nhuman_request,1,0.1250\r\n",
                    manager.get("/api/care.csv?by=reason").body());
            assertTrue(manager.get("/api/care.csv?by=person").body().contains("\r\nSam,0,0,0,0,0,0,,0,0,,0,,,0,,,0,0,,,,,\r\n"));
            HttpResponse<String> unknown = manager.get("/api/care.csv?by=team");
            assertEquals(400, unknown.statusCode());
            assertEquals("\"by\" must be one of person, rule, week, reason", json(unknown).get("error").asText());
        }
    }

    @Test
    void anAgentMayNotSeeThePageOrItsData() {
        WebClient agent = console.client().login(ConsoleFixture.AGENT, ConsoleFixture.PASSWORD);
        for (String path : List.of("/api/care", "/api/care.csv?by=person", "/api/care/handoffs?group=all&figure=up")) {
            assertEquals(403, agent.get(path).statusCode(), path);
        }
        HttpResponse<String> page = agent.get("/care");
        assertEquals(403, page.statusCode());
        assertTrue(page.body().startsWith("403 Forbidden"));
        assertTrue(console.backend.care().calls().isEmpty());
        assertEquals(200, manager.get("/care").statusCode());
    }
}
