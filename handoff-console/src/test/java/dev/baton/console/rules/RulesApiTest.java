package dev.baton.console.rules;

import static dev.baton.console.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.console.ConsoleFixture;
import dev.baton.console.FakeRulesBackend;
import dev.baton.console.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules API on a real server over {@link FakeRulesBackend}, as a manager (carol) uses it. */
class RulesApiTest {

    static final String GRIEF_TO_LEADS = FakeRulesBackend.RULES_YAML.replace(
            "then: { team: support, priority: high, private_thread: true }",
            "then: { team: leads, priority: high, private_thread: true }");

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

    private FakeRulesBackend rules() {
        return console.backend.rules();
    }

    static Map<String, Object> draft(String rulesYaml, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("files", Map.of("rules.yaml", rulesYaml));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Nested
    class TheLiveRules {

        @Test
        void comeWithTheirVersionLoadTimeAndEveryEditableFileInOrder() {
            JsonNode live = json(manager.get("/api/rules/live"));
            assertEquals(List.of("version", "loadedAt", "files", "lastRejected"), fieldNames(live));
            assertEquals(rules().live().version(), live.get("version").asText());
            assertTrue(live.get("loadedAt").asText().endsWith("Z"));
            assertEquals("rules.yaml", live.get("files").get(0).get("name").asText());
            assertEquals(FakeRulesBackend.RULES_YAML, live.get("files").get(0).get("text").asText());
            assertEquals(List.of("rules.yaml", "team.yaml", "messages.yaml", "knowledge.yaml"),
                    live.get("files").findValuesAsText("name"));
            assertTrue(live.get("lastRejected").isNull());
        }

        @Test
        void aChangeBatonRefusedOnDiskIsShownWithWhoWhenAndEveryProblem() {
            rules().rejectFromDisk("rules.yaml", "routes: []\ncolour: blue\n");
            JsonNode rejected = json(manager.get("/api/rules/live")).get("lastRejected");
            assertEquals("file", rejected.get("actor").asText());
            assertEquals("an edit on disk", rejected.get("actorName").asText());
            assertTrue(rejected.get("at").asText().endsWith("Z"));
            JsonNode first = rejected.get("problems").get(0);
            assertEquals(List.of("file", "line", "column", "message", "hint"), fieldNames(first));
            assertEquals("rules.yaml", first.get("file").asText());
            assertEquals(2, first.get("line").asInt());
            assertEquals(1, first.get("column").asInt());
            assertEquals("unknown top-level key \"colour\"", first.get("message").asText());
            assertEquals("the default route is missing", rejected.get("problems").get(1).get("message").asText());
        }

        @Test
        void theStatusIsTheSameWithoutTheFilesText() {
            rules().rejectFromDisk("rules.yaml", "colour: blue\n");
            JsonNode status = json(manager.get("/api/rules/status"));
            assertEquals(List.of("version", "loadedAt", "lastRejected"), fieldNames(status));
            assertEquals("an edit on disk", status.get("lastRejected").get("actorName").asText());
        }
    }

    @Nested
    class Checking {

        @Test
        void aGoodDraftHasNoProblems() {
            JsonNode result = json(manager.post("/api/rules/check", draft(GRIEF_TO_LEADS)));
            assertTrue(result.get("ok").asBoolean());
            assertEquals(1, result.get("files").size());
            assertEquals("rules.yaml", result.get("files").get(0).asText());
            assertEquals(0, result.get("problems").size());
            assertEquals(List.of("check rules.yaml"), rules().calls());
        }

        @Test
        void everyProblemHasFileLineColumnMessageAndHint() {
            String bad = GRIEF_TO_LEADS.replace("then: { team: billing, priority: normal }",
                    "then: { team: biling, priority: normal }");
            JsonNode result = json(manager.post("/api/rules/check", draft(bad)));
            assertFalse(result.get("ok").asBoolean());
            JsonNode problem = result.get("problems").get(0);
            assertEquals("rules.yaml", problem.get("file").asText());
            assertEquals(40, problem.get("line").asInt());
            assertEquals(19, problem.get("column").asInt());
            assertEquals("unknown team \"biling\"", problem.get("message").asText());
            assertEquals("did you mean billing?", problem.get("hint").asText());
        }

        @Test
        void withoutADraftTheLiveRulesAreChecked() {
            JsonNode result = json(manager.post("/api/rules/check", Map.of()));
            assertTrue(result.get("ok").asBoolean());
            assertEquals(0, result.get("files").size());
        }

        @Test
        void aFileThatCannotBeEditedHereIsRefused() {
            HttpResponse<String> response = manager.post("/api/rules/check",
                    Map.of("files", Map.of("discord.yaml", "token: x")));
            assertEquals(400, response.statusCode());
            assertEquals("\"files\" names \"discord.yaml\", which cannot be edited here: the files are rules.yaml, "
                    + "team.yaml, messages.yaml, knowledge.yaml", json(response).get("error").asText());
            assertTrue(rules().calls().isEmpty());
        }

        @Test
        void filesMustBeAnObjectOfTexts() {
            assertEquals(400, manager.post("/api/rules/check", Map.of("files", List.of("rules.yaml"))).statusCode());
            HttpResponse<String> response = manager.post("/api/rules/check", Map.of("files", Map.of("rules.yaml", 42)));
            assertEquals(400, response.statusCode());
            assertEquals("\"files.rules.yaml\" must be the file's whole text, a string", json(response).get("error").asText());
        }
    }

    @Nested
    class TryingAConversation {

        @Test
        void showsBothSidesWithDecisionRuleLinePriorityThreadAssigneeAndNotice() {
            JsonNode result = json(manager.post("/api/rules/try", draft(GRIEF_TO_LEADS,
                    "conversation", "customer: hello?\ncustomer: My father passed away last week. How do I close his account?")));
            assertEquals(List.of("live", "draft", "draftProblems"), fieldNames(result));
            JsonNode live = result.get("live");
            assertEquals(List.of("decision", "rule", "ruleLine", "priority", "assignee", "assigneeWhy", "privateThread",
                    "notice"), fieldNames(live));
            assertEquals("handoff", live.get("decision").get("action").asText());
            assertEquals("sadness_grief", live.get("decision").get("reasons").get(0).asText());
            assertEquals("grief and worry to support", live.get("rule").asText());
            assertEquals(34, live.get("ruleLine").asInt());
            assertEquals("high", live.get("priority").asText());
            assertTrue(live.get("privateThread").asBoolean());
            assertEquals("Alice Moreau", live.get("assignee").asText());
            assertEquals("on the support team, on shift, fewest open handoffs", live.get("assigneeWhy").asText());
            assertTrue(live.get("notice").asText().startsWith("I'm bringing in Alice Moreau from support."));
            assertEquals("Carol Diaz", result.get("draft").get("assignee").asText());
            assertEquals(0, result.get("draftProblems").size());
        }

        @Test
        void anAnswerHasNoRuleAndTheAnswerAsNotice() {
            JsonNode live = json(manager.post("/api/rules/try", Map.of("conversation", "customer: what does plus cost?")))
                    .get("live");
            assertEquals("answer", live.get("decision").get("action").asText());
            assertTrue(live.get("rule").isNull());
            assertEquals(0, live.get("ruleLine").asInt());
            assertTrue(live.get("assignee").isNull());
            assertEquals(dev.baton.console.FakeConsoleBackend.PLUS_PRICE_ANSWER, live.get("notice").asText());
        }

        @Test
        void theChannelByNameAndTheRolesReachTheRules() {
            JsonNode live = json(manager.post("/api/rules/try", Map.of("conversation", "customer: this is a scam",
                    "channel", "billing", "roles", "Member, Lumen Plus", "at", "2026-11-23T18:30:00+01:00"))).get("live");
            assertEquals("billing channel", live.get("rule").asText());
            assertEquals("Bob Tanaka", live.get("assignee").asText());
            JsonNode dm = json(manager.post("/api/rules/try", Map.of("conversation", "customer: this is a scam",
                    "roles", List.of("Lumen Plus")))).get("live");
            assertEquals("angry subscribers", dm.get("rule").asText());
        }

        @Test
        void aDraftWithProblemsStillShowsTheLiveSideAndSaysWhy() {
            JsonNode result = json(manager.post("/api/rules/try", draft("routes: [\n",
                    "messages", List.of(Map.of("author", "customer", "text", "can I talk to a person?")))));
            assertEquals("human_request", result.get("live").get("decision").get("reasons").get(0).asText());
            assertTrue(result.get("draft").isNull());
            assertEquals("rules.yaml", result.get("draftProblems").get(0).get("file").asText());
            assertTrue(result.get("draftProblems").get(0).get("message").asText().startsWith("this is not valid YAML"));
        }

        @Test
        void aBadConversationOrTimeIsRefusedNamingWhere() {
            HttpResponse<String> empty = manager.post("/api/rules/try", Map.of("conversation", "bot: hi"));
            assertEquals(400, empty.statusCode());
            assertTrue(json(empty).get("error").asText().startsWith("\"conversation\" has no customer message"));
            HttpResponse<String> at = manager.post("/api/rules/try", Map.of("conversation", "customer: hi", "at", "6pm"));
            assertEquals(400, at.statusCode());
            assertTrue(json(at).get("error").asText().startsWith("\"at\""));
            assertEquals(400, manager.post("/api/rules/try", Map.of("conversation", "customer: hi", "roles", 7))
                    .statusCode());
            assertEquals(400, manager.post("/api/rules/try", Map.of()).statusCode());
        }
    }

    @Nested
    class Replaying {

        @Test
        void comparesTheDraftWithTheLiveRulesFieldByField() {
            JsonNode r = json(manager.post("/api/rules/replay", draft(GRIEF_TO_LEADS, "since", "30d")));
            assertEquals(List.of("from", "to", "conversations", "live", "draft", "byReason", "changed", "millis",
                    "period", "summary"), fieldNames(r));
            assertEquals("in the last 30 days", r.get("period").asText());
            assertTrue(r.get("conversations").asInt() > 100, "160 stored conversations over two weeks, plus handoffs");
            JsonNode live = r.get("live");
            assertEquals(List.of("handoffs", "answers", "byPerson", "byTeam", "byRule"), fieldNames(live));
            assertEquals(r.get("conversations").asInt(), live.get("handoffs").asInt() + live.get("answers").asInt());
            assertEquals(live.get("handoffs").asInt(), r.get("draft").get("handoffs").asInt(), "only who changes");
            int liveLeads = live.get("byTeam").path("leads").asInt(0);
            int draftLeads = r.get("draft").get("byTeam").get("leads").asInt();
            assertTrue(draftLeads > liveLeads, "grief and worry now go to the leads");
            JsonNode delta = r.get("byReason").get(0);
            assertEquals(List.of("name", "live", "draft"), fieldNames(delta));
            JsonNode changed = r.get("changed");
            assertEquals(draftLeads - liveLeads, changed.size());
            JsonNode first = changed.get(0);
            assertEquals(List.of("conversationId", "handoffId", "at", "customerName", "change", "live", "draft"),
                    fieldNames(first));
            assertEquals("rerouted", first.get("change").asText());
            assertTrue(first.get("live").asText().contains("(rule grief and worry to support)"));
            assertTrue(first.get("draft").asText().contains("Carol Diaz"));
            assertTrue(r.get("summary").asText().endsWith(changed.size() + " of " + r.get("conversations").asInt()
                    + " conversations would change."), r.get("summary").asText());
        }

        @Test
        void aDraftThatTurnsACueOffLosesHandoffsAndTheSummarySaysWhichKind() {
            String noAnger = FakeRulesBackend.RULES_YAML.replace("nonlinear: { enabled: false }",
                    "nonlinear: { enabled: false }\n  anger: { enabled: false }");
            JsonNode r = json(manager.post("/api/rules/replay", draft(noAnger, "since", "30d")));
            int lostAnger = 0;
            for (JsonNode d : r.get("byReason")) {
                if (d.get("name").asText().equals("anger")) {
                    lostAnger = d.get("live").asInt() - d.get("draft").asInt();
                    assertEquals(0, d.get("draft").asInt());
                }
            }
            assertTrue(lostAnger > 0);
            assertTrue(r.get("summary").asText().contains(lostAnger + " fewer anger handoff"), r.get("summary").asText());
        }

        @Test
        void aSeededHandoffLinksToItsHandoff() {
            String billingToCarol = FakeRulesBackend.RULES_YAML.replace("then: { team: billing, priority: normal }",
                    "then: { person: carol, priority: normal }");
            JsonNode changed = json(manager.post("/api/rules/replay", draft(billingToCarol, "since", "24h"))).get("changed");
            boolean mia = false;
            for (JsonNode c : changed) {
                if (c.get("conversationId").asLong() == 1001) {
                    mia = true;
                    assertEquals(1, c.get("handoffId").asLong());
                    assertEquals("Mia Chen", c.get("customerName").asText());
                }
            }
            assertTrue(mia, "Mia's anger in #billing now goes to Carol");
        }

        @Test
        void aCustomPeriodIsFromTheFirstDayToTheEndOfTheLast() {
            JsonNode r = json(manager.post("/api/rules/replay", Map.of("from", "2026-01-01", "to", "2026-01-02")));
            assertEquals("2026-01-01T00:00:00Z", r.get("from").asText());
            assertEquals("2026-01-03T00:00:00Z", r.get("to").asText());
            assertEquals(0, r.get("conversations").asInt());
            assertEquals("No stored conversations from 2026-01-01 to 2026-01-02 to replay.", r.get("summary").asText());
        }

        @Test
        void aDraftWithProblemsIs422WithTheProblems() {
            HttpResponse<String> response = manager.post("/api/rules/replay", draft("colour: blue\n", "since", "7d"));
            assertEquals(422, response.statusCode());
            JsonNode body = json(response);
            assertEquals("The draft has 2 problems; fix them before replaying.", body.get("error").asText());
            assertEquals("unknown top-level key \"colour\"", body.get("problems").get(0).get("message").asText());
        }

        @Test
        void aBadPeriodIs400() {
            HttpResponse<String> response = manager.post("/api/rules/replay", Map.of("since", "forever"));
            assertEquals(400, response.statusCode());
            assertTrue(json(response).get("error").asText().startsWith("\"since\""));
        }
    }

    @Nested
    class Applying {

        @Test
        void makesTheDraftLiveRecordsTheChangeAndLogsIt() {
            String base = rules().live().version();
            JsonNode applied = json(manager.post("/api/rules/apply", draft(GRIEF_TO_LEADS, "baseVersion", base)));
            assertNotEquals(base, applied.get("version").asText());
            assertEquals(GRIEF_TO_LEADS, applied.get("files").get(0).get("text").asText());
            assertEquals(applied.get("version").asText(), rules().live().version());
            JsonNode change = json(manager.get("/api/rules/changes")).get("changes").get(0);
            assertEquals("carol", change.get("actor").asText());
            assertEquals("Carol Diaz", change.get("actorName").asText());
            assertEquals("rules.yaml", change.get("file").asText());
            assertEquals("applied", change.get("status").asText());
            assertTrue(change.get("diff").asText().contains("-    then: { team: support, priority: high, private_thread: true }\n"
                    + "+    then: { team: leads, priority: high, private_thread: true }\n"), change.get("diff").asText());
            assertTrue(console.accessLog.has("carol", "applied rules change to rules.yaml (version " + base + " → "
                    + applied.get("version").asText() + ")"));
        }

        @Test
        void aStaleBaseVersionIs409AndNothingChanges() {
            String base = rules().live().version();
            List<?> changesBefore = rules().changes(100);
            rules().setLive("messages.yaml", "handoff: {}\n"); // someone else, meanwhile
            String now = rules().live().version();
            HttpResponse<String> response = manager.post("/api/rules/apply", draft(GRIEF_TO_LEADS, "baseVersion", base));
            assertEquals(409, response.statusCode());
            assertTrue(json(response).get("error").asText().startsWith("The live rules changed since this draft was started"));
            assertEquals(now, rules().live().version());
            assertEquals(FakeRulesBackend.RULES_YAML, rules().live().files().get(0).text());
            assertEquals(changesBefore, rules().changes(100));
            assertTrue(console.accessLog.all().stream().anyMatch(e -> e.what().startsWith("refused rules change to rules.yaml: "
                    + "The live rules changed")));
        }

        @Test
        void aDraftWithProblemsIs422AndTheLiveRulesStay() {
            String base = rules().live().version();
            HttpResponse<String> response = manager.post("/api/rules/apply", draft("routes: []\n", "baseVersion", base));
            assertEquals(422, response.statusCode());
            JsonNode body = json(response);
            assertEquals("The draft has 1 problem; nothing was applied and the live rules stay as they were.",
                    body.get("error").asText());
            assertEquals("the default route is missing", body.get("problems").get(0).get("message").asText());
            assertEquals(base, rules().live().version());
            JsonNode live = json(manager.get("/api/rules/live"));
            assertEquals("carol", live.get("lastRejected").get("actor").asText());
            assertEquals("Carol Diaz", live.get("lastRejected").get("actorName").asText());
            JsonNode change = json(manager.get("/api/rules/changes")).get("changes").get(0);
            assertEquals("rejected", change.get("status").asText());
            assertEquals("rules.yaml:1:1: the default route is missing", change.get("problems").get(0).asText());
            assertTrue(console.accessLog.has("carol", "refused rules change to rules.yaml: 1 problem"));
        }

        @Test
        void nothingToApplyOrNoBaseVersionIs400() {
            String base = rules().live().version();
            assertEquals(400, manager.post("/api/rules/apply", Map.of("baseVersion", base)).statusCode());
            HttpResponse<String> noBase = manager.post("/api/rules/apply", draft(GRIEF_TO_LEADS));
            assertEquals(400, noBase.statusCode());
            assertTrue(json(noBase).get("error").asText().contains("\"baseVersion\""));
            assertEquals(base, rules().live().version());
        }
    }

    @Nested
    class TheChangeHistory {

        @Test
        void isNewestFirstWithEveryField() {
            JsonNode changes = json(manager.get("/api/rules/changes")).get("changes");
            assertEquals(3, changes.size());
            JsonNode first = changes.get(0);
            assertEquals(List.of("id", "at", "actor", "actorName", "file", "status", "diff", "problems"), fieldNames(first));
            assertEquals("messages.yaml", first.get("file").asText());
            JsonNode refused = changes.get(1);
            assertEquals("rejected", refused.get("status").asText());
            assertEquals("team.yaml:8:5: unknown key \"sensitve\" (did you mean sensitive?)",
                    refused.get("problems").get(0).asText());
            assertTrue(changes.get(0).get("at").asText().compareTo(changes.get(2).get("at").asText()) > 0);
        }

        @Test
        void takesALimit() {
            assertEquals(1, json(manager.get("/api/rules/changes?limit=1")).get("changes").size());
            assertEquals(400, manager.get("/api/rules/changes?limit=0").statusCode());
            assertEquals(400, manager.get("/api/rules/changes?limit=501").statusCode());
            assertEquals(400, manager.get("/api/rules/changes?limit=ten").statusCode());
        }
    }

    @Nested
    class AFreshInstall {

        @BeforeEach
        void forget() {
            rules().forgetEverything();
        }

        @Test
        void hasAnEmptyRulesFileNoHistoryAndEmptyReplaysAndHealth() {
            JsonNode live = json(manager.get("/api/rules/live"));
            assertEquals("", live.get("files").get(0).get("text").asText());
            assertEquals(0, json(manager.get("/api/rules/changes")).get("changes").size());
            JsonNode replay = json(manager.post("/api/rules/replay", Map.of("since", "7d")));
            assertEquals(0, replay.get("conversations").asInt());
            assertEquals(0, replay.get("changed").size());
            JsonNode health = json(manager.get("/api/rules/health?since=7d"));
            assertEquals(0, health.get("byCue").size());
            assertEquals(0, health.get("pickup").size());
            assertTrue(health.get("answers").get("rate").isNull());
            assertTrue(health.get("daily").size() >= 7, "one row per day, even without data");
            for (JsonNode day : health.get("daily")) {
                assertEquals(0, day.get("handoffs").asInt() + day.get("answers").asInt());
            }
            assertEquals(0, json(manager.get("/api/conversations/answered")).get("conversations").size());
        }

        @Test
        void aFirstRulesFileCanBeApplied() {
            String base = rules().live().version();
            Map<String, Object> body = new HashMap<>(draft(FakeRulesBackend.RULES_YAML, "baseVersion", base));
            assertEquals(200, manager.post("/api/rules/apply", body).statusCode());
            assertEquals(FakeRulesBackend.RULES_YAML, rules().live().files().get(0).text());
        }
    }
}
