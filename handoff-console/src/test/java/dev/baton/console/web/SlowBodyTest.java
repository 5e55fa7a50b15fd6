package dev.baton.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.ConsoleFixture;
import dev.baton.console.RawHttp;
import dev.baton.console.WebClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow-body attack: many {@code POST /api/login} whose bodies never finish. Loopback only, a bounded
 * number of sockets (300) and a bounded time; the attacker comes from 127.0.0.66, the health check from
 * 127.0.0.1.
 */
class SlowBodyTest {

    private static final int ATTACKERS = 300;

    @Test
    @Timeout(60)
    void theHealthCheckAnswersWhileUnfinishedLoginBodiesAreOpen() throws Exception {
        try (ConsoleFixture console = ConsoleFixture.builder().start()) {
            String token = console.client().formToken();
            int port = console.console.port();
            String head = "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Cookie: __Host-baton_csrf=" + token + "\r\nX-CSRF-Token: " + token + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"username\":";
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < ATTACKERS; i++) {
                    try {
                        Socket socket = RawHttp.connect("127.0.0.66", port);
                        sockets.add(socket);
                        OutputStream out = socket.getOutputStream();
                        out.write(head.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException refused) {
                        // the server may close an attacker's connection at once: that is the point
                    }
                }
                Thread.sleep(500);
                WebClient checker = console.client();
                long started = System.nanoTime();
                HttpResponse<String> health = checker.send(checker.request("/healthz").timeout(Duration.ofSeconds(5)).GET());
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertEquals(200, health.statusCode());
                assertTrue(millis < 3000, "took " + millis + " ms");
            } finally {
                for (Socket socket : sockets) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
        }
    }
}
