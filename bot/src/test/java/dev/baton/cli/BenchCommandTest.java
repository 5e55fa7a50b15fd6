package dev.baton.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.Wiring;
import dev.baton.bench.TinyData;
import dev.baton.text.HashingEmbedder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    private static final String COMPLETIONS = "/v1/chat/completions";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private WireMockServer model;

    @AfterEach
    void stopModel() {
        if (model != null) {
            model.stop();
        }
    }

    private int run(String... args) {
        return new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    /** With the fast embedder and only {@code environment} for an environment. */
    private int run(Map<String, String> environment, String... args) {
        return new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, Clock.systemUTC(),
                () -> new Wiring(new HashingEmbedder(),
                        dev.baton.learn.TestModels.withCueOn("urgency", "club meet nights", 0.42, new HashingEmbedder()))).run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** An OpenAI-compatible endpoint on a free loopback port whose every verdict is "the entry does not answer". */
    private String modelSayingNoEntryAnswers() {
        model = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        model.start();
        String content = "{\\\"entryAnswers\\\":false,\\\"signals\\\":[]}";
        model.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1700000000,"
                        + "\"model\":\"bench-model\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"" + content + "\"}}],"
                        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":10,\"total_tokens\":20}}")));
        return model.baseUrl() + "/v1";
    }

    @Test
    void withoutEvaluationDataTheBenchSkipsCleanly(@TempDir Path empty) {
        assertEquals(0, run("bench", "--data", empty.resolve("absent").toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("skipped"), out::toString);
    }

    @Test
    void theModelsPartPrintsTheNumbersTrainingMeasuredOnDataEachModelWasNotFittedOn(@TempDir Path dir) throws IOException {
        assertEquals(0, run("bench", "--only", "models", "--data", TinyData.writeTo(dir).toString()), err::toString);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("## model cues"), printed);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("cross-validated sadness_grief: threshold ")), printed);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("left out banking77: precision ")), printed);
    }

    @Test
    void theCuesPartQuotesOutOfFoldNumbersOnlyForTheVeryFileTheHeadsLearnedFrom(@TempDir Path dir) throws IOException {
        assertEquals(0, run("bench", "--only", "cues", "--data", TinyData.writeTo(dir).toString()), err::toString);

        // The invented rows share a name with a shared dev half, not its bytes: the engine's own numbers are
        // printed, never the shipped heads' out-of-fold numbers on the other file.
        String printed = output();
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("| urgency_mooc | ")), printed);
        assertTrue(printed.lines().noneMatch(l -> l.contains("| out of fold (")), printed);
    }

    @Test
    void anUnknownPartOfTheBenchIsAUsageError() {
        assertEquals(2, run("bench", "--only", "cue"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--only takes models, conversations, tally"), err::toString);
    }

    @Test
    void withoutEvaluationDataTheModelPartSkipsCleanlyToo(@TempDir Path empty) {
        assertEquals(0, run(Map.of(), "bench", "--only", "model", "--data", empty.resolve("absent").toString()));
        assertTrue(output().contains("no evaluation data"), output());
    }

    @Test
    void withoutAModelTheModelPartSaysHowToConfigureOneAndCountsTheBandAsked(@TempDir Path dir) throws IOException {
        assertEquals(0, run(Map.of(), "bench", "--only", "model", "--answer-threshold", "0.5", "--data", TinyData.writeTo(dir).toString(),
                "--band", "0.05"));

        assertTrue(output().contains("no language model is configured"), output());
        assertTrue(output().contains("set BATON_LLM_BASE_URL and BATON_LLM_MODEL"), output());
        assertTrue(output().lines().anyMatch("in band: 3 of 18 decisions (16.7%)"::equals), output());
    }

    @Test
    void theModelNamedOnTheCommandLineIsAskedAboutEveryDecisionInItsBand(@TempDir Path dir) throws IOException {
        String baseUrl = modelSayingNoEntryAnswers();

        assertEquals(0, run(Map.of(), "bench", "--only", "model", "--answer-threshold", "0.5", "--data", TinyData.writeTo(dir).toString(),
                "--llm-base-url", baseUrl, "--llm-model", "bench-model", "--band", "0.05"), err::toString);

        assertTrue(output().contains("asking language model bench-model at " + baseUrl + " (no API key)"), output());
        // Within 0.05: c3 and "how much for membership" (answered, now handed off) and "is there a fee" (handed off).
        assertTrue(output().lines().anyMatch(("in band: 3 of 18 decisions (16.7%); asked 3, agreed 1, changed 2,"
                + " failed or rejected 0")::equals), output());
        assertEquals(3, model.countRequestsMatching(postRequestedFor(urlEqualTo(COMPLETIONS)).build()).getCount());
    }

    @Test
    void theKeyComesFromTheEnvironmentOnlyAndIsNeverPrinted(@TempDir Path dir) throws IOException {
        String baseUrl = modelSayingNoEntryAnswers();
        Map<String, String> environment = Map.of("BATON_LLM_BASE_URL", baseUrl, "BATON_LLM_API_KEY", "sk-bench-secret",
                "BATON_LLM_MODEL", "from-the-environment");

        assertEquals(0, run(environment, "bench", "--only", "model", "--answer-threshold", "0.5", "--data", TinyData.writeTo(dir).toString(),
                "--llm-model", "bench-model"), err::toString);

        assertTrue(output().contains("asking language model bench-model at " + baseUrl + " (API key set)"), output());
        assertFalse(output().contains("sk-bench-secret"), output());
        assertEquals(6, model.findAll(postRequestedFor(urlEqualTo(COMPLETIONS))).size());
        for (LoggedRequest request : model.findAll(postRequestedFor(urlEqualTo(COMPLETIONS)))) {
            assertEquals("Bearer sk-bench-secret", request.getHeader("Authorization"));
        }
    }

    @Test
    void aModelWithoutAnEndpointIsAUsageErrorNamingTheFlag() {
        assertEquals(2, run(Map.of(), "bench", "--only", "model", "--llm-model", "bench-model"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("set BATON_LLM_BASE_URL or --llm-base-url"),
                err::toString);
    }

    @Test
    void aBandWiderThanHalfIsAUsageError() {
        assertEquals(2, run(Map.of(), "bench", "--only", "model", "--band", "0.6"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--band must be between 0 and 0.5"), err::toString);
    }
}
