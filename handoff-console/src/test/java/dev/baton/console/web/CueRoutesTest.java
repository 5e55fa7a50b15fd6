package dev.baton.console.web;

import static dev.baton.console.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.console.ConsoleFixture;
import dev.baton.console.FakeRulesBackend;
import dev.baton.console.WebClient;
import dev.baton.console.api.CueDefinition;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/cues}: Baton's cue kinds, which the pages name and rank reasons by. */
class CueRoutesTest {

    private ConsoleFixture console;

    @BeforeEach
    void start() {
        console = ConsoleFixture.builder().start();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void anyoneSignedInGetsEveryCueKindAsTheBackendDefinesItInItsOrder() {
        WebClient agent = console.client().login(ConsoleFixture.AGENT, ConsoleFixture.PASSWORD);

        HttpResponse<String> response = agent.get("/api/cues");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        List<CueDefinition> served = new ArrayList<>();
        for (JsonNode cue : json(response)) {
            assertEquals(List.of("name", "label", "sensitive", "alwaysOn", "rank"), fields(cue), "the fields, in order");
            served.add(new CueDefinition(cue.get("name").asText(), cue.get("label").asText(),
                    cue.get("sensitive").asBoolean(), cue.get("alwaysOn").asBoolean(), cue.get("rank").asInt()));
        }
        assertEquals(FakeRulesBackend.CUES, served);
    }

    @Test
    void theCueKindsAreOnlyForPeopleSignedIn() {
        HttpResponse<String> response = console.client().get("/api/cues");

        assertEquals(401, response.statusCode());
        assertEquals("not logged in", json(response).get("error").asText());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
