package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lines Baton's own logging configuration (src/main/resources/logback.xml) prints when it runs for real. */
class LogLinesTest {

    /** What the shipped configuration prints to standard error while {@code logging} runs, one entry a line. */
    private static List<String> printed(Map<String, String> properties, Consumer<LoggerContext> logging)
            throws JoranException {
        URL shipped = LogLinesTest.class.getResource("/logback.xml");
        assertTrue(shipped != null, "bot/src/main/resources/logback.xml is on the classpath");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            properties.forEach(context::putProperty);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(shipped);
            logging.accept(context);
            List<Status> complaints = context.getStatusManager().getCopyOfStatusList().stream()
                    .filter(status -> status.getEffectiveLevel() >= Status.WARN).collect(Collectors.toList());
            assertEquals(List.of(), complaints, "logback says something about the configuration");
        } finally {
            context.stop();
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void everyLineStartsWithATimestampThenTheLevelAndTheLogger() throws Exception {
        List<String> lines = printed(Map.of(), context -> context.getLogger(Baton.class).info("Baton stopped"));

        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  dev\\.baton\\.Baton - Baton stopped"),
                lines.get(0));
    }

    @Test
    void theLibrariesUnderBatonSpeakOnlyWhenSomethingIsWrong() throws Exception {
        List<String> lines = printed(Map.of(), context -> {
            for (String library : List.of("org.flywaydb.core.internal.command.DbMigrate",
                    "org.eclipse.jetty.server.Server", "io.javalin.Javalin", "net.dv8tion.jda.api.JDA", "ai.djl.util.Platform")) {
                context.getLogger(library).info("routine step of " + library);
                context.getLogger(library).warn("trouble in " + library);
            }
            context.getLogger("dev.baton.store.Database").info("database baton.db");
        });

        assertEquals(6, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(line -> line.contains("routine step")), String.join("\n", lines));
        assertTrue(lines.get(5).endsWith("database baton.db"), lines.get(5));
    }

    @Test
    void theGpuCountWarningOfAMachineWithoutAGpuIsNotPrinted() throws Exception {
        List<String> lines = printed(Map.of(), context -> context.getLogger("ai.djl.util.cuda.CudaUtils")
                .warn("Failed to detect GPU count: CUDA driver version is insufficient for CUDA runtime version"));

        assertEquals(List.of(), lines);
    }

    @Test
    void withBatonLogFormatJsonEveryLineIsOneJsonObjectAShipperCanRead() throws Exception {
        List<String> lines = printed(Map.of("BATON_LOG_FORMAT", "json"), context -> {
            context.getLogger(Baton.class).info("a \"quoted\" word,\na second line and a {}", "placeholder");
            context.getLogger("org.eclipse.jetty.server.Server").info("routine");
        });

        assertEquals(1, lines.size(), String.join("\n", lines));
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertEquals("INFO", line.get("level").asText());
        assertEquals("dev.baton.Baton", line.get("loggerName").asText());
        assertEquals("a \"quoted\" word,\na second line and a placeholder", line.get("formattedMessage").asText());
        assertTrue(line.get("timestamp").asLong() > 0, lines.get(0));
        assertFalse(line.has("arguments"), lines.get(0));
    }
}
