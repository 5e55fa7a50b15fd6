package dev.baton.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.baton.console.web.Guard;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A browser tab closed while it was still sending: nothing went wrong on Baton's side. */
class AbortedRequestTest {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void release() {
        root.detachAppender(logged);
    }

    @Test
    void aClientThatDropsMidRequestLogsAtMostOneLineAndNoError() throws Exception {
        try (ConsoleFixture console = ConsoleFixture.builder().start()) {
            WebClient agent = console.client().login(ConsoleFixture.AGENT, ConsoleFixture.PASSWORD);
            logged.list.clear();
            try (Socket socket = new Socket("127.0.0.1", console.console.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/playground HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + console.console.port() + "\r\n"
                        + "Cookie: " + Guard.SESSION_COOKIE + "=" + agent.cookie(Guard.SESSION_COOKIE) + "\r\n"
                        + "X-CSRF-Token: " + agent.csrf() + "\r\n"
                        + "Content-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n"
                        + "\r\n"
                        + "{\"message\": \"my order never arr").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(200); // the server is now reading the body
            }
            // The server notices the closed connection on its next read; give it time, then ask it something.
            Thread.sleep(500);
            assertEquals(200, agent.get("/api/me").statusCode());
        }

        List<ILoggingEvent> errors = logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)
                        || e.getFormattedMessage().contains("/api/playground")).collect(Collectors.toList());
        String shown = errors.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " +trace " + e.getThrowableProxy().getClassName()))
                .collect(Collectors.joining("\n"));
        assertTrue(errors.stream().noneMatch(e -> e.getLevel() == Level.ERROR), shown);
        assertTrue(errors.stream().noneMatch(e -> e.getThrowableProxy() != null), shown);
        assertTrue(errors.size() <= 1, shown);
    }
}
