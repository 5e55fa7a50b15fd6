package dev.baton.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.ConsoleFixture;
import dev.baton.console.WebClient;
import dev.baton.console.api.ConsoleEvent;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventStreamTest {

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

    /** Opens the stream and returns its lines as they come; waits until the subscription is in place. */
    private Stream open() throws Exception {
        HttpResponse<InputStream> response = agent.http().send(agent.request("/api/events")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
        InputStream body = response.body();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // the stream was closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertEquals(": connected", lines.poll(10, TimeUnit.SECONDS));
        return new Stream(body, lines);
    }

    private record Stream(InputStream body, BlockingQueue<String> lines) {
        /**
         * The next event line. Generous wait: this test is about what arrives, not how fast (that is
         * measured by ConsoleLatencyBenchmark); a loaded CI machine must not turn it red.
         */
        String next() throws InterruptedException {
            String line;
            do {
                line = lines.poll(10, TimeUnit.SECONDS);
            } while (line != null && (line.isEmpty() || line.startsWith(":")));
            return line;
        }
    }

    @Test
    void aBackendChangeArrivesOnTheStream() throws Exception {
        Stream stream = open();
        assertEquals(1, console.backend.listenerCount());
        console.backend.add(console.backend.newStory(77, "Nora Quinn", "anxiety", Instant.now(), "hello?"));
        assertEquals("event: created", stream.next());
        assertEquals("data: {\"kind\":\"created\",\"handoffId\":77}", stream.next());
    }

    @Test
    void anActionInTheConsoleIsStreamedToo() throws Exception {
        Stream stream = open();
        agent.post("/api/handoffs/1/claim", Map.of());
        assertEquals("event: changed", stream.next());
        assertTrue(stream.next().contains("\"handoffId\":1"));
        console.backend.customerWrites(1, "are you there?");
        assertEquals("event: message", stream.next());
    }

    @Test
    void theSubscriptionEndsWhenTheBrowserGoesAway() throws Exception {
        Stream stream = open();
        stream.body().close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (console.backend.listenerCount() > 0 && System.nanoTime() < deadline) {
            console.backend.fire(new ConsoleEvent("changed", 1));
            Thread.sleep(50);
        }
        assertEquals(0, console.backend.listenerCount());
    }

    @Test
    void theStreamEndsWhenTheSessionEnds() throws Exception {
        Stream stream = open();
        agent.post("/api/logout", Map.of());
        console.backend.fire(new ConsoleEvent("changed", 1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (console.backend.listenerCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, console.backend.listenerCount());
        String after = stream.lines().poll(1, TimeUnit.SECONDS); // nothing more is expected: don't wait long
        assertTrue(after == null || !after.startsWith("event:"), after);
    }
}
