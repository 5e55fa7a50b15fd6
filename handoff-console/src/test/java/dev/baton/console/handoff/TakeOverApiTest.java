package dev.baton.console.handoff;

import static dev.baton.console.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.ConsoleFixture;
import dev.baton.console.WebClient;
import dev.baton.console.api.Account;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Handoff 4 is claimed by Alice: Bob (an agent) must take it over; Carol (a manager) need not. */
class TakeOverApiTest {

    private ConsoleFixture console;
    private WebClient bob;

    @BeforeEach
    void start() {
        console = ConsoleFixture.builder().start();
        console.addAccount("bob", Account.Role.AGENT, "bob's quiet harbour lantern");
        bob = console.client().login("bob", "bob's quiet harbour lantern");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void anotherAgentCannotReplyTransferOrResolveAHandoffSomeoneClaimed() {
        HttpResponse<String> reply = bob.post("/api/handoffs/4/reply", Map.of("text", "hello from Bob"));
        assertEquals(409, reply.statusCode(), reply.body());
        assertTrue(json(reply).get("error").asText().contains("Take it over"), reply.body());
        assertEquals(409, bob.post("/api/handoffs/4/transfer", Map.of("to", "carol")).statusCode());
        assertEquals(409, bob.post("/api/handoffs/4/resolve", Map.of("outcome", "solved")).statusCode());
        assertEquals("claimed", console.backend.get(4).state());
    }

    @Test
    void takingOverMakesItTheirsWithAnEventNamingThePreviousClaimant() {
        HttpResponse<String> taken = bob.post("/api/handoffs/4/take-over", Map.of());
        assertEquals(200, taken.statusCode(), taken.body());
        var events = json(taken).get("events");
        var last = events.get(events.size() - 1);
        assertEquals("taken_over", last.get("kind").asText());
        assertEquals("bob", last.get("actor").asText());
        assertTrue(last.get("detail").asText().contains("alice"), last.toString());
        assertTrue(console.accessLog.has("bob", "took over handoff 4"));
        assertEquals(200, bob.post("/api/handoffs/4/resolve", Map.of("outcome", "solved")).statusCode());
    }

    @Test
    void aManagerMayActWithoutTakingOver() {
        WebClient carol = console.client().login(ConsoleFixture.MANAGER, ConsoleFixture.PASSWORD);
        assertEquals(200, carol.post("/api/handoffs/4/resolve", Map.of("outcome", "solved")).statusCode());
    }
}
