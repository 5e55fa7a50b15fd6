package dev.baton.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.console.api.PlaygroundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A conversation sent as {@code "messages": [{author, text}, …]}, as the playground and the rules
 * page's Try it send it.
 */
public final class Messages {

    static final int MAX_MESSAGES = 50;
    static final int MAX_TEXT = 4000;
    private static final Set<String> AUTHORS = Set.of("customer", "bot", "staff");

    private Messages() {
    }

    /** The {@code messages} array of a request body, checked: authors, lengths, at least one customer message. */
    public static List<PlaygroundMessage> read(Json body) {
        JsonNode messages = body.node().get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiError.badRequest("\"messages\" must be a non-empty array of {author, text}");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw ApiError.badRequest("\"messages\" has too many messages: at most " + MAX_MESSAGES);
        }
        List<PlaygroundMessage> out = new ArrayList<>();
        boolean customer = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String where = "messages[" + i + "]";
            JsonNode author = message.get("author");
            JsonNode text = message.get("text");
            if (author == null || !author.isTextual() || !AUTHORS.contains(author.asText())) {
                throw ApiError.badRequest("\"" + where + ".author\" must be customer, bot or staff");
            }
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                throw ApiError.badRequest("\"" + where + ".text\" must be a non-empty string");
            }
            if (text.asText().length() > MAX_TEXT) {
                throw ApiError.badRequest("\"" + where + ".text\" is too long: at most " + MAX_TEXT + " characters");
            }
            customer |= author.asText().equals("customer");
            out.add(new PlaygroundMessage(author.asText(), text.asText()));
        }
        if (!customer) {
            throw ApiError.badRequest("\"messages\" has no customer message to decide on");
        }
        return out;
    }
}
