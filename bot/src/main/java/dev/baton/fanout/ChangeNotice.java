package dev.baton.fanout;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payload of one {@code NOTIFY}: which instance sent it and a few changes, as small JSON
 * ({@code {"from":"a1b2","changes":[["created",12],["message",9]]}}). PostgreSQL refuses payloads of 8000
 * bytes or more, so a burst is cut into several notices, each well under that.
 */
public final class ChangeNotice {

    /** Bytes of payload at most: under PostgreSQL's 8000, with room for the longest kind and id. */
    static final int MAX_BYTES = 7_000;

    /** What one notice said. */
    public record Heard(String from, List<Change> changes) {
        public Heard {
            changes = List.copyOf(changes);
        }
    }

    private ChangeNotice() {
    }

    /** The payloads that carry {@code changes} from {@code from}, in order, each under {@link #MAX_BYTES}. */
    public static List<String> encode(String from, List<Change> changes) {
        List<String> payloads = new ArrayList<>();
        ObjectNode notice = start(from);
        int size = bytes(notice);
        for (Change change : changes) {
            ArrayNode pair = JSON.createArrayNode().add(change.kind()).add(change.handoffId());
            int extra = bytes(pair) + 1; // and a comma
            if (!listed(notice).isEmpty() && size + extra > MAX_BYTES) {
                payloads.add(notice.toString());
                notice = start(from);
                size = bytes(notice);
            }
            listed(notice).add(pair);
            size += extra;
        }
        if (!listed(notice).isEmpty()) {
            payloads.add(notice.toString());
        }
        return payloads;
    }

    /** What a payload said; empty when it is not a notice of this shape (another program on the channel). */
    public static Optional<Heard> decode(String payload) {
        try {
            JsonNode notice = JSON.readTree(payload);
            if (notice == null || !notice.path("from").isTextual() || !notice.path("changes").isArray()) {
                return Optional.empty();
            }
            List<Change> changes = new ArrayList<>();
            for (JsonNode pair : notice.get("changes")) {
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).canConvertToLong()) {
                    return Optional.empty();
                }
                changes.add(new Change(pair.get(0).asText(), pair.get(1).asLong()));
            }
            return Optional.of(new Heard(notice.get("from").asText(), changes));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode start(String from) {
        ObjectNode notice = JSON.createObjectNode();
        notice.put("from", from);
        notice.putArray("changes");
        return notice;
    }

    private static ArrayNode listed(ObjectNode notice) {
        return (ArrayNode) notice.get("changes");
    }

    private static int bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
