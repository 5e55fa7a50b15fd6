package dev.baton.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void healthyWhenHealthzAnswers200() throws IOException {
        HttpServer server = serving(200);
        try {
            assertEquals(0, HealthCheck.check(Map.of("BATON_CONSOLE_PORT", String.valueOf(server.getAddress().getPort())),
                    print()));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("200"), out::toString);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unhealthyWhenHealthzFailsOrNothingListens() throws IOException {
        HttpServer server = serving(503);
        int port = server.getAddress().getPort();
        try {
            assertEquals(1, HealthCheck.check(Map.of("BATON_CONSOLE_PORT", String.valueOf(port)), print()));
        } finally {
            server.stop(0);
        }
        assertEquals(1, HealthCheck.check(Map.of("BATON_CONSOLE_PORT", String.valueOf(port)), print()));
    }

    @Test
    void withoutAConsoleThereIsNothingToCheck() {
        assertEquals(0, HealthCheck.check(Map.of("BATON_CONSOLE_PORT", "off"), print()));
    }

    private PrintStream print() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private static HttpServer serving(int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/healthz", exchange -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
