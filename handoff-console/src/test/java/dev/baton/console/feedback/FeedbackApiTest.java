package dev.baton.console.feedback;

import static dev.baton.console.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Staff feedback and stored conversations: anyone signed in, agents included. */
class FeedbackApiTest {

    private ConsoleFixture console;
    private WebClient agent;

    @BeforeEach
    void start() {
        console = ConsoleFixture.builder().start();
        agent = console.client().login(ConsoleFixture.AGENT, ConsoleFixture.PASSWORD);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private FakeRulesBackend rules() {
        return console.backend.rules();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Nested
    class OnAHandoff {

        @Test
        void startsEmptyAndNamesItsConversation() {
            JsonNode answer = json(agent.get("/api/handoffs/1/feedback"));
            assertEquals(List.of("handoffId", "conversationId", "feedback"), fieldNames(answer));
            assertEquals(1, answer.get("handoffId").asLong());
            assertEquals(1001, answer.get("conversationId").asLong());
            assertEquals(0, answer.get("feedback").size());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"needed_person", "bot_could_answer", "should_have_come_sooner", "asked_again"})
        void eachKindIsOneClickRecordedWithWhoAndWhen(String kind) {
            JsonNode answer = json(agent.post("/api/handoffs/1/feedback", Map.of("kind", kind)));
            assertTrue(answer.get("added").asBoolean());
            JsonNode click = answer.get("feedback").get(0);
            assertEquals(List.of("kind", "actorId", "actorName", "at", "note", "handoffId"), fieldNames(click));
            assertEquals(kind, click.get("kind").asText());
            assertEquals("alice", click.get("actorId").asText());
            assertEquals("Alice Moreau", click.get("actorName").asText());
            assertTrue(click.get("at").asText().endsWith("Z"));
            assertEquals(1, click.get("handoffId").asLong());
            assertTrue(console.accessLog.has("alice", "gave feedback on handoff 1: " + kind));
        }

        @Test
        void clickingTheSameKindAgainChangesNothingAndIsLoggedOnce() {
            agent.post("/api/handoffs/1/feedback", Map.of("kind", "needed_person"));
            JsonNode again = json(agent.post("/api/handoffs/1/feedback", Map.of("kind", "needed_person")));
            assertFalse(again.get("added").asBoolean());
            assertEquals(1, again.get("feedback").size());
            assertEquals(1, json(agent.get("/api/handoffs/1/feedback")).get("feedback").size());
            assertEquals(1, console.accessLog.all().stream()
                    .filter(e -> e.what().equals("gave feedback on handoff 1: needed_person")).count());
        }

        @Test
        void everyoneSeesWhoClickedWhat() {
            agent.post("/api/handoffs/1/feedback", Map.of("kind", "needed_person", "note", "clearly angry"));
            WebClient manager = console.client().login(ConsoleFixture.MANAGER, ConsoleFixture.PASSWORD);
            manager.post("/api/handoffs/1/feedback", Map.of("kind", "needed_person"));
            manager.post("/api/handoffs/1/feedback", Map.of("kind", "asked_again"));
            JsonNode feedback = json(agent.get("/api/handoffs/1/feedback")).get("feedback");
            assertEquals(List.of("alice", "carol", "carol"), feedback.findValuesAsText("actorId"));
            assertEquals(List.of("needed_person", "needed_person", "asked_again"), feedback.findValuesAsText("kind"));
            assertEquals("clearly angry", feedback.get(0).get("note").asText());
        }

        @Test
        void anUnknownKindOrHandoffOrALongNoteIsRefused() {
            HttpResponse<String> kind = agent.post("/api/handoffs/1/feedback", Map.of("kind", "great"));
            assertEquals(400, kind.statusCode());
            assertEquals("\"kind\" must be one of needed_person, bot_could_answer, should_have_come_sooner, asked_again",
                    json(kind).get("error").asText());
            assertEquals(404, agent.post("/api/handoffs/999/feedback", Map.of("kind", "needed_person")).statusCode());
            assertEquals(404, agent.get("/api/handoffs/999/feedback").statusCode());
            assertEquals(400, agent.get("/api/handoffs/abc/feedback").statusCode());
            assertEquals(400, agent.post("/api/handoffs/1/feedback", Map.of("kind", "needed_person",
                    "note", "x".repeat(2001))).statusCode());
            assertTrue(rules().calls().isEmpty(), rules().calls().toString());
        }

        @Test
        void withoutTheCsrfTokenNothingIsStored() {
            agent.csrf("wrong");
            assertEquals(403, agent.post("/api/handoffs/1/feedback", Map.of("kind", "needed_person")).statusCode());
            assertTrue(rules().feedback(1001).isEmpty());
        }
    }

    @Nested
    class ConversationsBatonAnswered {

        @Test
        void areListedNewestFirstWithTheirFirstMessage() {
            JsonNode list = json(agent.get("/api/conversations/answered")).get("conversations");
            assertEquals(10, list.size(), "ten by default");
            JsonNode first = list.get(0);
            assertEquals(List.of("id", "customerName", "channelId", "startedAt", "lastMessageAt", "state", "answers",
                    "firstMessage"), fieldNames(first));
            assertEquals(1, first.get("answers").asInt());
            assertTrue(first.get("startedAt").asText().compareTo(list.get(9).get("startedAt").asText()) > 0);
            assertEquals(3, json(agent.get("/api/conversations/answered?limit=3")).get("conversations").size());
            assertEquals(400, agent.get("/api/conversations/answered?limit=0").statusCode());
            assertEquals(400, agent.get("/api/conversations/answered?limit=101").statusCode());
        }

        @Test
        void openWithTheTranscriptMarkingTheKnowledgeBaseAnswerAndAreLoggedOnce() {
            long id = rules().anAnsweredConversation();
            JsonNode view = json(agent.get("/api/conversations/" + id));
            assertEquals(List.of("summary", "transcript", "handoffIds", "feedback"), fieldNames(view));
            assertEquals(id, view.get("summary").get("id").asLong());
            assertEquals("customer", view.get("transcript").get(0).get("author").asText());
            assertFalse(view.get("transcript").get(1).get("kbId").isNull());
            assertEquals(0, view.get("handoffIds").size());
            agent.get("/api/conversations/" + id);
            assertEquals(1, console.accessLog.all().stream()
                    .filter(e -> e.what().equals("opened conversation " + id)).count());
        }

        @Test
        void takeShouldHaveComeSoonerOnceEach() {
            long id = rules().anAnsweredConversation();
            JsonNode answer = json(agent.post("/api/conversations/" + id + "/feedback",
                    Map.of("kind", "should_have_come_sooner")));
            assertEquals(List.of("conversationId", "added", "feedback"), fieldNames(answer));
            assertTrue(answer.get("added").asBoolean());
            assertTrue(answer.get("feedback").get(0).get("handoffId").isNull());
            assertFalse(json(agent.post("/api/conversations/" + id + "/feedback",
                    Map.of("kind", "should_have_come_sooner"))).get("added").asBoolean());
            assertEquals(1, json(agent.get("/api/conversations/" + id + "/feedback")).get("feedback").size());
            assertEquals(1, json(agent.get("/api/conversations/" + id)).get("feedback").size());
            assertTrue(console.accessLog.has("alice", "gave feedback on conversation " + id + ": should_have_come_sooner"));
        }

        @Test
        void takeNoOtherKind() {
            long id = rules().anAnsweredConversation();
            HttpResponse<String> response = agent.post("/api/conversations/" + id + "/feedback",
                    Map.of("kind", "needed_person"));
            assertEquals(400, response.statusCode());
            assertEquals("\"kind\" on a conversation can only be should_have_come_sooner; give other feedback on its "
                    + "handoff's page", json(response).get("error").asText());
            assertTrue(rules().feedback(id).isEmpty());
        }
    }

    @Nested
    class AnyStoredConversation {

        @Test
        void aHandedOffOneLinksToItsHandoff() {
            JsonNode view = json(agent.get("/api/conversations/1001"));
            assertEquals("Mia Chen", view.get("summary").get("customerName").asText());
            assertEquals("handed_off", view.get("summary").get("state").asText());
            assertEquals(List.of(1L), List.of(view.get("handoffIds").get(0).asLong()));
            assertTrue(view.get("transcript").get(1).get("text").asText().contains("<script>"), "as data, for the page to show as text");
        }

        @Test
        void anUnknownOneIs404AndABadIdIs400() {
            HttpResponse<String> missing = agent.get("/api/conversations/424242");
            assertEquals(404, missing.statusCode());
            assertEquals("no conversation 424242", json(missing).get("error").asText());
            assertEquals(404, agent.post("/api/conversations/424242/feedback",
                    Map.of("kind", "should_have_come_sooner")).statusCode());
            assertEquals(400, agent.get("/api/conversations/-1").statusCode());
        }

        @Test
        void hasAPageForAnyoneSignedInAndNobodyElse() {
            HttpResponse<String> page = agent.get("/conversations/1001");
            assertEquals(200, page.statusCode());
            assertFalse(page.body().contains("Mia Chen"), "the page is static; data comes as JSON");
            assertEquals(302, console.client().get("/conversations/1001").statusCode());
            assertEquals(401, console.client().get("/api/conversations/1001").statusCode());
            assertEquals(401, console.client().get("/api/conversations/answered").statusCode());
        }
    }
}
