package dev.baton.discord;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aftercare.AfterCareNotices;
import dev.baton.desk.StaffReplies;
import dev.baton.pickup.PickupNotices;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The payloads of the relay ({@link Relay}): a request to post something in Discord, and its answer, as small
 * JSON ({@code {"t":"ask","id":"…","from":"…","kind":"staff_reply","conversation":12,…}} and {@code
 * {"t":"answer","id":"…","delivered":true,…}}). Requests carry ids, not records: the holder reads the conversation
 * from the database itself. A person is carried as the fields posting uses (id, name, Discord id).
 */
public final class RelayCodec {

    private RelayCodec() {
    }

    /** What to post; the wire names are the ones in the payload. */
    public enum Kind {
        STAFF_REPLY("staff_reply"), REMIND("remind"), REROUTE("reroute"), ESCALATE("escalate"),
        AFTERCARE_ASK("aftercare_ask"), AFTERCARE_CLOSE("aftercare_close");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Optional<Kind> of(String wire) {
            return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
        }
    }

    /** One payload: a {@link Request} or an {@link Answer}. */
    public sealed interface Message permits Request, Answer {
        String id();
    }

    /**
     * Asks the instance holding the conversation's shard to post.
     *
     * @param personId   the person posting or mentioned (staff reply, remind, reroute); null otherwise
     * @param text       the text (for escalate: the customer's part)
     * @param roleId     escalate's role; null otherwise
     * @param forStaff   escalate's staff part; null otherwise
     * @param handoffId  after-care question's handoff; 0 otherwise
     */
    public record Request(String id, String from, Kind kind, long conversationId, String personId, String personName,
                          String personDiscordId, String text, String roleId, String forStaff, long handoffId)
            implements Message {
        public Request {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** What the holder's poster reported: the fields of {@link StaffReplies.Delivery}, which cover the others. */
    public record Answer(String id, boolean delivered, String via, String discordId, String channelId, String text,
                         String detail) implements Message {

        public static Answer of(String id, StaffReplies.Delivery d) {
            return new Answer(id, d.delivered(), d.via(), d.discordId(), d.channelId(), d.text(), d.detail());
        }

        public static Answer of(String id, PickupNotices.Posted p) {
            return new Answer(id, p.delivered(), null, p.discordId(), p.channelId(), p.text(), p.detail());
        }

        public static Answer of(String id, AfterCareNotices.Posted p) {
            return new Answer(id, p.delivered(), null, p.discordId(), p.channelId(), null, p.detail());
        }

        public StaffReplies.Delivery delivery() {
            return new StaffReplies.Delivery(delivered, via == null ? "none" : via, discordId, channelId, text, detail);
        }

        public PickupNotices.Posted pickup() {
            return new PickupNotices.Posted(delivered, discordId, channelId, text, detail);
        }

        public AfterCareNotices.Posted aftercare() {
            return new AfterCareNotices.Posted(delivered, discordId, channelId, detail);
        }
    }

    public static String encode(Message message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", message.id());
        if (message instanceof Request r) {
            node.put("t", "ask");
            node.put("from", r.from());
            node.put("kind", r.kind().wire());
            node.put("conversation", r.conversationId());
            putIfSet(node, "person", r.personId());
            putIfSet(node, "personName", r.personName());
            putIfSet(node, "personDiscordId", r.personDiscordId());
            putIfSet(node, "text", r.text());
            putIfSet(node, "role", r.roleId());
            putIfSet(node, "forStaff", r.forStaff());
            if (r.handoffId() != 0) {
                node.put("handoff", r.handoffId());
            }
        } else {
            Answer a = (Answer) message;
            node.put("t", "answer");
            node.put("delivered", a.delivered());
            putIfSet(node, "via", a.via());
            putIfSet(node, "discordId", a.discordId());
            putIfSet(node, "channelId", a.channelId());
            putIfSet(node, "text", a.text());
            putIfSet(node, "detail", a.detail());
        }
        return node.toString();
    }

    /** Bytes of the payload as PostgreSQL counts them. */
    public static int bytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8).length;
    }

    /** What a payload said; empty when it is not one of these (another program on the channel, a newer Baton). */
    public static Optional<Message> decode(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            if (node == null || !node.path("id").isTextual()) {
                return Optional.empty();
            }
            String id = node.get("id").asText();
            String type = node.path("t").asText("");
            if (type.equals("answer") && node.path("delivered").isBoolean()) {
                return Optional.of(new Answer(id, node.get("delivered").asBoolean(), text(node, "via"),
                        text(node, "discordId"), text(node, "channelId"), text(node, "text"), text(node, "detail")));
            }
            if (!type.equals("ask") || !node.path("from").isTextual() || !node.path("conversation").canConvertToLong()) {
                return Optional.empty();
            }
            Optional<Kind> kind = Kind.of(node.path("kind").asText(""));
            if (kind.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Request(id, node.get("from").asText(), kind.get(), node.get("conversation").asLong(),
                    text(node, "person"), text(node, "personName"), text(node, "personDiscordId"), text(node, "text"),
                    text(node, "role"), text(node, "forStaff"), node.path("handoff").asLong(0)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
