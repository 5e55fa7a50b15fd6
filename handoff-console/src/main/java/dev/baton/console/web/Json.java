package dev.baton.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.baton.console.api.Account;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** The console's JSON: dates as ISO-8601 strings, request bodies read field by field with clear errors. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A body is one JSON value: anything after it is refused, not silently ignored.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode node;

    private Json(ObjectNode node) {
        this.node = node;
    }

    /** The request body as a JSON object; 400 when it is not one. */
    public static Json body(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            return new Json(MAPPER.createObjectNode());
        }
        try {
            JsonNode parsed = MAPPER.readTree(body);
            if (!(parsed instanceof ObjectNode object)) {
                throw ApiError.badRequest("the request body must be a JSON object");
            }
            return new Json(object);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the request body is not valid JSON");
        }
    }

    /** A role as the JSON API writes it: {@code agent} or {@code manager}. */
    public static String wire(Account.Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    public ObjectNode node() {
        return node;
    }

    /** A required non-blank string field. */
    public String text(String field) {
        return optionalText(field).filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiError.badRequest("\"" + field + "\" is required: a non-empty string"));
    }

    /** A required non-blank string of at most {@code max} characters. */
    public String text(String field, int max) {
        String value = text(field);
        if (value.length() > max) {
            throw ApiError.badRequest("\"" + field + "\" is too long: at most " + max + " characters");
        }
        return value;
    }

    /** An optional string field; 400 when present and not a string. */
    public Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("\"" + field + "\" must be a string");
        }
        return Optional.of(value.asText());
    }

    /** An optional string of at most {@code max} characters, blank treated as absent. */
    public Optional<String> optionalText(String field, int max) {
        Optional<String> value = optionalText(field).filter(s -> !s.isBlank());
        if (value.isPresent() && value.get().length() > max) {
            throw ApiError.badRequest("\"" + field + "\" is too long: at most " + max + " characters");
        }
        return value;
    }
}
