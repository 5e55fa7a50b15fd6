package dev.baton.discord.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway protocol of the fake, frame by frame, with a plain websocket client: the paths JDA
 * takes only after long back-offs (a rejected resume, a fresh IDENTIFY) are quick to check here.
 */
class FakeDiscordGatewayTest {

    private static final int ALL_MESSAGE_INTENTS = (1 << 9) | (1 << 12) | (1 << 15);

    private final FakeDiscord fake = FakeDiscord.start();
    private final long general = fake.addTextChannel("general");
    private final long alice = fake.addMember("alice");

    @AfterEach
    void closeFake() {
        fake.close();
    }

    @Test
    void identifyGetsHelloReadyAndGuildCreateInSequence() {
        try (Client client = new Client(fake)) {
            assertEquals(Gateway.HEARTBEAT_INTERVAL_MS, client.next().path("d").path("heartbeat_interval").asInt());
            client.send("{\"op\":2,\"d\":{\"token\":\"t\",\"intents\":" + ALL_MESSAGE_INTENTS + "}}");

            JsonNode ready = client.next();
            assertEquals("READY", ready.path("t").asText());
            assertEquals(1, ready.path("s").asInt());
            assertEquals(fake.gatewayUrl(), ready.path("d").path("resume_gateway_url").asText());
            JsonNode guild = client.next();
            assertEquals("GUILD_CREATE", guild.path("t").asText());
            assertEquals(2, guild.path("s").asInt());
            assertEquals(3, guild.path("d").path("member_count").asInt(), "bot, owner, alice");

            client.send("{\"op\":1,\"d\":2}");
            assertEquals(11, client.next().path("op").asInt());
        }
    }

    @Test
    void aResumeReplaysWhatWasMissedThenSaysResumed() {
        String sessionId;
        try (Client first = new Client(fake)) {
            sessionId = first.identify(ALL_MESSAGE_INTENTS).path("d").path("session_id").asText();
            fake.dropGateway(4000);
            fake.sendMessage(general, alice, "while you were away");
        }
        try (Client second = new Client(fake)) {
            second.next(); // HELLO
            second.send("{\"op\":6,\"d\":{\"token\":\"t\",\"session_id\":\"" + sessionId + "\",\"seq\":2}}");

            JsonNode missed = second.next();
            assertEquals("MESSAGE_CREATE", missed.path("t").asText());
            assertEquals(3, missed.path("s").asInt());
            JsonNode resumed = second.next();
            assertEquals("RESUMED", resumed.path("t").asText());
            assertEquals(4, resumed.path("s").asInt());
        }
        assertEquals(1, fake.resumeCount());
    }

    @Test
    void anUnknownSessionIsInvalidAndAFreshIdentifyStartsOver() {
        try (Client client = new Client(fake)) {
            client.next(); // HELLO
            client.send("{\"op\":6,\"d\":{\"token\":\"t\",\"session_id\":\"nope\",\"seq\":7}}");
            JsonNode invalid = client.next();
            assertEquals(9, invalid.path("op").asInt());
            assertFalse(invalid.path("d").asBoolean());

            client.send("{\"op\":2,\"d\":{\"token\":\"t\",\"intents\":" + ALL_MESSAGE_INTENTS + "}}");
            assertEquals(1, client.next().path("s").asInt(), "a new session counts from 1");
        }
        assertEquals(0, fake.resumeCount());
        assertEquals(1, fake.identifyCount());
    }

    @Test
    void messageEventsNeedTheirIntent() {
        try (Client client = new Client(fake)) {
            client.identify(1 << 12); // DIRECT_MESSAGES only
            fake.sendMessage(general, alice, "guild message, not subscribed");
            long carol = fake.addUser("carol");
            fake.sendMessage(fake.openDm(carol), carol, "dm");

            JsonNode dm = client.next();
            assertEquals("MESSAGE_CREATE", dm.path("t").asText());
            assertEquals("dm", dm.path("d").path("content").asText(), "DMs keep their content without the intent");
            assertTrue(dm.path("d").path("guild_id").isMissingNode());
        }
    }

    /** A bare websocket client that hands over whole text frames as JSON. */
    private static final class Client implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        Client(FakeDiscord fake) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(fake.gatewayUrl() + "?encoding=json&v=10"), this)
                    .join();
        }

        /** HELLO, IDENTIFY, READY, GUILD_CREATE; returns READY. */
        JsonNode identify(int intents) {
            next();
            send("{\"op\":2,\"d\":{\"token\":\"t\",\"intents\":" + intents + "}}");
            JsonNode ready = next();
            next();
            return ready;
        }

        void send(String json) {
            socket.sendText(json, true).join();
        }

        JsonNode next() {
            try {
                JsonNode frame = frames.poll(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
                if (frame == null) {
                    throw new AssertionError("no gateway frame within 5 s");
                }
                return frame;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(Json.parse(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
