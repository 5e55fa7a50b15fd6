package dev.baton.console.web;

import static dev.baton.console.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.console.FakeConsoleBackend;
import dev.baton.console.ConsoleFixture;
import dev.baton.console.WebClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleApiTest {

    private ConsoleFixture console;
    private WebClient agent;

    @BeforeEach
    void start() {
        console = ConsoleFixture.builder().start();
        agent = console.client().login(ConsoleFixture.AGENT, ConsoleFixture.PASSWORD);
        console.backend.clearCalls();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private static List<Long> ids(JsonNode entries) {
        List<Long> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.get("id").asLong()));
        return ids;
    }

    @Test
    void theQueueComesSortedWithRecentlyResolvedBeside() {
        JsonNode queue = json(agent.get("/api/queue"));
        // unheld first: crisis (2), then urgency (5), then anger (1); then the claimed one (4)
        assertEquals(List.of(2L, 3L, 5L, 1L, 4L), ids(queue.get("entries")));
        assertEquals(List.of(6L), ids(queue.get("resolved")));
        JsonNode first = queue.get("entries").get(0);
        assertEquals("Jonas Berg", first.get("customerName").asText());
        assertEquals("crisis", first.get("reason").asText());
        assertTrue(first.get("createdAt").asText().endsWith("Z"), "dates are ISO strings");
        assertTrue(queue.get("entries").get(2).get("practice").asBoolean());
    }

    @Test
    void theMineViewShowsOnlyWhatIsAssignedToMe() {
        assertEquals(List.of(4L), ids(json(agent.get("/api/queue?view=mine")).get("entries")));
        assertEquals(400, agent.get("/api/queue?view=everything").statusCode());
    }

    @Test
    void theStaffListIsTheRoster() {
        JsonNode staff = json(agent.get("/api/staff"));
        assertEquals(3, staff.size());
        assertEquals("bob", staff.get(1).get("id").asText());
        assertEquals("Bob Tanaka", staff.get(1).get("name").asText());
    }

    @Test
    void openingAHandoffReturnsItsWholeStoryAndIsLogged() {
        HttpResponse<String> response = agent.get("/api/handoffs/1");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode detail = json(response);
        assertEquals(1, detail.get("entry").get("id").asLong());
        assertEquals("customer", detail.get("transcript").get(0).get("author").asText());
        assertEquals("billing-dates", detail.get("transcript").get(2).get("kbId").asText());
        assertEquals("SCAM", detail.get("cues").get(0).get("evidence").asText());
        assertEquals(1, detail.get("cues").get(0).get("line").asInt());
        assertEquals("Mia Chen", detail.get("customer").get("name").asText());
        assertEquals("created", detail.get("events").get(0).get("kind").asText());
        assertTrue(console.accessLog.has("alice", "opened handoff 1"));
    }

    @Test
    void liveRefreshesOfAnOpenHandoffAreLoggedOnce() {
        agent.get("/api/handoffs/1");
        agent.get("/api/handoffs/1");
        WebClient otherBrowser = console.client().login(ConsoleFixture.AGENT, ConsoleFixture.PASSWORD);
        otherBrowser.get("/api/handoffs/1");
        long opened = console.accessLog.all().stream().filter(e -> e.what().equals("opened handoff 1")).count();
        assertEquals(2, opened, "once per session");
    }

    @Test
    void customerTextOnlyEverLeavesAsJson() {
        HttpResponse<String> response = agent.get("/api/handoffs/1");
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(response.body().contains("<script>alert(1)</script>"), "JSON carries the text as data");
        for (String page : List.of("/", "/handoffs/1", "/playground", "/account", "/login", "/setup")) {
            WebClient browser = page.equals("/login") || page.equals("/setup") ? console.client() : agent;
            HttpResponse<String> html = browser.get(page);
            assertEquals(200, html.statusCode(), page);
            assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), page);
            assertFalse(html.body().contains("alert("), page);
            assertFalse(html.body().contains("Mia Chen"), page);
            assertFalse(html.body().contains("SCAM"), page);
            assertFalse(html.body().contains("<script>"), page + ": no inline scripts");
            assertFalse(html.body().contains("style="), page + ": no inline styles");
        }
    }

    @Test
    void anUnknownHandoffIs404() {
        assertEquals(404, agent.get("/api/handoffs/999").statusCode());
        HttpResponse<String> claim = agent.post("/api/handoffs/999/claim", Map.of());
        assertEquals(404, claim.statusCode());
        assertEquals("no handoff 999", json(claim).get("error").asText());
    }

    @Test
    void aBadIdIs400() {
        HttpResponse<String> response = agent.get("/api/handoffs/abc");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").asText().contains("id"));
    }

    @Test
    void anActionTheStateDoesNotAllowIs409WithTheBackendsWords() {
        HttpResponse<String> response = agent.post("/api/handoffs/6/claim", Map.of());
        assertEquals(409, response.statusCode());
        assertEquals("This handoff is resolved; reopen it first.", json(response).get("error").asText());
    }

    @Test
    void claimingCallsTheBackendAndReturnsTheHandoff() {
        JsonNode detail = json(agent.post("/api/handoffs/1/claim", Map.of()));
        assertEquals("claimed", detail.get("entry").get("state").asText());
        assertEquals("alice", detail.get("entry").get("assigneeId").asText());
        assertEquals(List.of("claim 1 alice"), console.backend.calls());
        assertTrue(console.accessLog.has("alice", "claimed handoff 1"));
    }

    @Test
    void transferringNamesARosterPersonAndANote() {
        JsonNode detail = json(agent.post("/api/handoffs/1/transfer", Map.of("to", "bob", "note", "billing, please")));
        assertEquals("transferred", detail.get("entry").get("state").asText());
        assertEquals("Bob Tanaka", detail.get("entry").get("assigneeName").asText());
        assertEquals(List.of("transfer 1 alice bob billing, please"), console.backend.calls());
        HttpResponse<String> unknown = agent.post("/api/handoffs/1/transfer", Map.of("to", "mallory"));
        assertEquals(400, unknown.statusCode());
        assertTrue(json(unknown).get("error").asText().contains("\"to\""));
        assertEquals(400, agent.post("/api/handoffs/1/transfer", Map.of()).statusCode());
    }

    @Test
    void replyingReturnsTheOutcome() {
        JsonNode outcome = json(agent.post("/api/handoffs/1/reply", Map.of("text", "Sorry about that, refunding now.")));
        assertEquals("webhook", outcome.get("via").asText());
        assertTrue(outcome.get("delivered").asBoolean());
        assertEquals("Sorry about that, refunding now.", outcome.get("handoff").get("transcript").get(3).get("text").asText());
        assertEquals(List.of("reply 1 alice Sorry about that, refunding now."), console.backend.calls());

        console.backend.nextReply("bot", false, "Discord is not connected right now");
        JsonNode failed = json(agent.post("/api/handoffs/1/reply", Map.of("text", "second")));
        assertFalse(failed.get("delivered").asBoolean());
        assertEquals("Discord is not connected right now", failed.get("detail").asText());
    }

    @Test
    void anEmptyReplyIs400NamingTheField() {
        HttpResponse<String> response = agent.post("/api/handoffs/1/reply", Map.of("text", "   "));
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").asText().contains("\"text\""));
        assertTrue(console.backend.calls().isEmpty());
        assertEquals(400, agent.post("/api/handoffs/1/reply", Map.of("text", "x".repeat(4001))).statusCode());
    }

    @Test
    void aNoteResolveAndReopenEachCallTheBackend() {
        assertEquals(200, agent.post("/api/handoffs/1/note", Map.of("text", "refund issued")).statusCode());
        JsonNode resolved = json(agent.post("/api/handoffs/1/resolve", Map.of("outcome", "solved", "note", "refunded")));
        assertEquals("resolved", resolved.get("entry").get("state").asText());
        JsonNode reopened = json(agent.post("/api/handoffs/1/reopen", Map.of("note", "customer came back")));
        assertEquals("waiting", reopened.get("entry").get("state").asText());
        assertEquals(List.of("note 1 alice refund issued", "resolve 1 alice solved refunded",
                "reopen 1 alice customer came back"), console.backend.calls());
        assertTrue(console.accessLog.has("alice", "resolved handoff 1 (solved)"));
        assertTrue(console.accessLog.has("alice", "reopened handoff 1"));
        assertTrue(console.accessLog.has("alice", "added an internal note to handoff 1"));
    }

    @Test
    void resolvingNeedsAKnownOutcome() {
        HttpResponse<String> response = agent.post("/api/handoffs/1/resolve", Map.of("outcome", "gave up"));
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").asText().contains("outcome"));
        assertTrue(console.backend.calls().isEmpty());
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        HttpResponse<String> response = agent.send(agent.request("/api/handoffs/1/note")
                .header("X-CSRF-Token", agent.csrf())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("text=hello")));
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").asText().contains("JSON"));
    }

    @Test
    void thePlaygroundReturnsExactlyTheBackendsDecision() {
        var messages = Map.of("messages", List.of(Map.of("author", "customer", "text", "how much does plus cost?")));
        JsonNode decision = json(agent.post("/api/playground", messages));
        assertEquals("answer", decision.get("action").asText());
        assertEquals("plus-price", decision.get("entry").asText());
        assertEquals(List.of("action", "entry", "confidence", "reasons", "matched", "cues"),
                iterableToList(decision.fieldNames()), "nothing added to the backend's object");

        JsonNode handoff = json(agent.post("/api/playground", Map.of("messages", List.of(
                Map.of("author", "customer", "text", "how much does plus cost?"),
                Map.of("author", "bot", "text", "8 € a month"),
                Map.of("author", "customer", "text", "this is a scam, I want a human")))));
        assertEquals("handoff", handoff.get("action").asText());
        assertEquals("Alice Moreau", handoff.get("assignee").asText());
        assertEquals(2, handoff.get("cues").get(0).get("message").asInt());
    }

    @Test
    void theAnswerAKnowledgeEntryGivesCanBeLookedUpByItsId() {
        JsonNode entry = json(agent.get("/api/knowledge/plus-price"));
        assertEquals(FakeConsoleBackend.PLUS_PRICE_ANSWER, entry.get("answer").asText());
        assertEquals(404, agent.get("/api/knowledge/no-such-entry").statusCode());
        assertEquals(401, console.client().get("/api/knowledge/plus-price").statusCode());
    }

    private static List<String> iterableToList(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void thePlaygroundSaysWhichMessageIsWrong() {
        HttpResponse<String> response = agent.post("/api/playground", Map.of("messages", List.of(
                Map.of("author", "customer", "text", "hi"), Map.of("author", "robot", "text", "hello"))));
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").asText().contains("messages[1].author"));
        assertEquals(400, agent.post("/api/playground", Map.of("messages", List.of())).statusCode());
        assertEquals(400, agent.post("/api/playground", Map.of("messages", List.of(
                Map.of("author", "bot", "text", "hello")))).statusCode());
    }

    @Test
    void practiceTurnsTheConversationIntoAPracticeHandoff() {
        JsonNode detail = json(agent.post("/api/playground/practice", Map.of("messages", List.of(
                Map.of("author", "customer", "text", "I am so angry right now")))));
        assertTrue(detail.get("entry").get("practice").asBoolean());
        long id = detail.get("entry").get("id").asLong();
        assertTrue(ids(json(agent.get("/api/queue")).get("entries")).contains(id));
        HttpResponse<String> answerable = agent.post("/api/playground/practice", Map.of("messages", List.of(
                Map.of("author", "customer", "text", "what does it cost?"))));
        assertEquals(409, answerable.statusCode());
    }

    @Test
    void anUnknownApiPathIsAJson404() {
        HttpResponse<String> response = agent.get("/api/nothing-here");
        assertEquals(404, response.statusCode());
        assertTrue(json(response).has("error"));
    }

    @Test
    void assetsAreServedWithTheirTypesAndNothingElse() {
        WebClient anonymous = console.client();
        assertTrue(anonymous.get("/assets/console.css").headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
        assertTrue(anonymous.get("/assets/common.js").headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals(404, anonymous.get("/assets/..%2Fqueue.html").statusCode());
        assertEquals(404, anonymous.get("/assets/nothing.js").statusCode());
    }

    @Test
    void aHandoffAddedAtRuntimeAppearsInTheQueue() {
        console.backend.add(console.backend.newStory(77, "Nora Quinn", "anxiety", Instant.now(), "I'm really worried"));
        assertTrue(ids(json(agent.get("/api/queue")).get("entries")).contains(77L));
    }
}
