package dev.baton.discord.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The one JSON mapper of the fake, and short names for building Discord payloads. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Discord sends snowflakes as strings: 64-bit ids do not survive JavaScript numbers. */
    static String id(long snowflake) {
        return Long.toUnsignedString(snowflake);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a body; blank text is "no body", which reads as a missing node so callers can {@code path()} freely. */
    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    /** A snowflake field, which Discord sends as a string but clients may send as a number. */
    static Long optionalId(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : Long.parseUnsignedLong(node.asText());
    }
}
