package dev.baton.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in for an OpenAI-compatible endpoint ({@code POST /v1/chat/completions}) on a free loopback
 * port, with replies scripted per test: a completion, an HTTP error, a delay, or garbage.
 */
public final class FakeModelServer implements AutoCloseable {

    public static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    public FakeModelServer() {
        server.start();
    }

    public URI baseUrl() {
        return URI.create(server.baseUrl() + "/v1");
    }

    public ModelSettings settings(ModelTuning tuning) {
        return new ModelSettings(baseUrl(), "test-model", Optional.of("sk-test-secret"), tuning);
    }

    /** Every request gets this reply. */
    public void replies(ResponseDefinitionBuilder reply) {
        server.resetAll();
        server.stubFor(post(urlEqualTo(PATH)).willReturn(reply));
    }

    /** Requests whose body contains {@code fragment} get this reply (added to the replies already set). */
    public void repliesWhenBodyContains(String fragment, ResponseDefinitionBuilder reply) {
        server.stubFor(post(urlEqualTo(PATH)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(fragment)).willReturn(reply));
    }

    /** Forgets every reply and request. */
    public void reset() {
        server.resetAll();
    }

    /** The first request gets {@code first}, every later one {@code then}. */
    public void repliesInTurn(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        server.resetAll();
        server.stubFor(post(urlEqualTo(PATH)).inScenario("turns").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("later"));
        server.stubFor(post(urlEqualTo(PATH)).inScenario("turns").whenScenarioStateIs("later").willReturn(then));
    }

    public int requests() {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount();
    }

    /** The bodies Baton sent, parsed. */
    public List<JsonNode> bodies() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH))).stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    public List<String> authorizationHeaders() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH))).stream()
                .map(r -> r.getHeader("Authorization")).toList();
    }

    /** A chat completion whose message content is {@code content}. */
    public static ResponseDefinitionBuilder completion(String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", "test-model");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    public static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"scripted " + status + "\",\"type\":\"test\"}}");
    }

    public static ResponseDefinitionBuilder slow(ResponseDefinitionBuilder reply, Duration delay) {
        return reply.withFixedDelay((int) delay.toMillis());
    }

    @Override
    public void close() {
        server.stop();
    }
}
