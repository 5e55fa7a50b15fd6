package dev.baton.triage;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of the {@code triage} contract: a conversation in, a decision out. Other tools
 * (the console's playground, replay, scripts) rely on exactly these field names.
 */
public final class TriageJson {

    /**
     * Reads {@code {"text": "..."}} as a one-message conversation, or {@code {"messages": [...]}}.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public Conversation conversation(JsonNode line) {
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with \"text\" or \"messages\"");
        }
        JsonNode text = line.get("text");
        JsonNode messages = line.get("messages");
        if (messages != null && !messages.isNull()) {
            if (!messages.isArray() || messages.isEmpty()) {
                throw new IllegalArgumentException("\"messages\" must be a non-empty array");
            }
            List<Message> parsed = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                parsed.add(message(messages.get(i), i));
            }
            if (parsed.stream().noneMatch(m -> m.author() == Author.CUSTOMER)) {
                throw new IllegalArgumentException("\"messages\" has no customer message to decide on");
            }
            return new Conversation(parsed);
        }
        if (text != null && !text.isNull()) {
            if (!text.isTextual()) {
                throw new IllegalArgumentException("\"text\" must be a string");
            }
            if (text.asText().isBlank()) {
                throw new IllegalArgumentException("\"text\" is empty: there is nothing to decide on");
            }
            return Conversation.of(Message.customer(text.asText()));
        }
        throw new IllegalArgumentException("expected \"text\" or \"messages\"");
    }

    private Message message(JsonNode node, int index) {
        String where = "messages[" + index + "]";
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        JsonNode author = node.get("author");
        JsonNode text = node.get("text");
        if (author == null || !author.isTextual()) {
            throw new IllegalArgumentException(where + ".author must be \"customer\", \"bot\" or \"staff\"");
        }
        if (text == null || !text.isTextual()) {
            throw new IllegalArgumentException(where + ".text must be a string");
        }
        Author parsedAuthor;
        try {
            parsedAuthor = Author.fromWire(author.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".author: " + e.getMessage());
        }
        if (parsedAuthor == Author.CUSTOMER && text.asText().isBlank()) {
            throw new IllegalArgumentException(where + ".text is empty: a customer message needs some text");
        }
        Instant time = null;
        JsonNode timeNode = node.get("time");
        if (timeNode != null && !timeNode.isNull()) {
            try {
                time = Instant.parse(timeNode.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ".time must be an ISO-8601 instant such as 2026-01-31T18:00:00Z");
            }
        }
        String entry = textOrNull(node.get("entry"));
        if (entry != null && parsedAuthor != Author.BOT) {
            throw new IllegalArgumentException(where + ".entry: only a bot message gives a knowledge-base entry");
        }
        return new Message(parsedAuthor, text.asText(), time, textOrNull(node.get("id")), textOrNull(node.get("reply_to")),
                entry);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    public ObjectNode decision(Decision decision) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode reasons = JSON.createArrayNode();
        if (decision instanceof Decision.Answer answer) {
            out.put("action", "answer");
            out.put("entry", answer.entry());
            out.put("confidence", round(answer.confidence()));
            out.set("reasons", reasons);
            out.put("matched", answer.matchedQuestion());
        } else if (decision instanceof Decision.Handoff handoff) {
            out.put("action", "handoff");
            out.putNull("entry");
            out.put("confidence", round(handoff.confidence()));
            handoff.reasons().forEach(r -> reasons.add(r.wireName()));
            out.set("reasons", reasons);
        } else if (decision instanceof Decision.SmallTalk smallTalk) {
            out.put("action", "smalltalk");
            out.putNull("entry");
            out.put("confidence", round(smallTalk.confidence()));
            out.set("reasons", reasons);
        }
        ArrayNode cues = out.putArray("cues");
        for (Cue cue : decision.cues()) {
            ObjectNode c = cues.addObject();
            c.put("kind", cue.kind().wireName());
            c.put("score", round(cue.score()));
            c.put("message", cue.message());
            c.put("evidence", cue.evidence());
        }
        return out;
    }

    public ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
