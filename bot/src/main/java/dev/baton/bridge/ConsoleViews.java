package dev.baton.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.console.api.ActionRejected;
import dev.baton.console.api.HandoffDetail.Line;
import dev.baton.console.api.PlaygroundMessage;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.StoredMessage;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffPacket;
import dev.baton.live.RulesInForce;
import dev.baton.routing.Person;
import dev.baton.routing.Roster;
import dev.baton.text.Jackson;
import dev.baton.triage.Conversation;
import dev.baton.triage.TriageJson;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the console shows what Baton stores, the same on every page: people by name (Baton's own, roster
 * names, mentions as Discord shows them) and transcript lines; and how it reads a conversation typed into
 * the playground or Try it, as the {@code triage} command would.
 */
public final class ConsoleViews {

    private static final String BATON_NAME = "Baton";
    private static final Pattern MENTION = Pattern.compile("<@!?(\\d{5,20})>");

    private final ConversationStore conversations;
    private final Supplier<RulesInForce> rules;
    private final ObjectMapper mapper = Jackson.JSON;
    private final TriageJson triageJson;

    public ConsoleViews(ConversationStore conversations, Supplier<RulesInForce> rules, TriageJson triageJson) {
        this.conversations = conversations;
        this.rules = rules;
        this.triageJson = triageJson;
    }

    /** A stored conversation's transcript as the console shows it. */
    List<Line> transcript(long conversationId) {
        return conversations.transcript(conversationId).stream().map(this::line).toList();
    }

    private Roster roster() {
        return rules.get().roster();
    }

    /** The playground's messages as the {@code triage} command would read them, through the same code. */
    Conversation conversation(List<PlaygroundMessage> messages) {
        ObjectNode line = mapper.createObjectNode();
        ArrayNode array = line.putArray("messages");
        for (PlaygroundMessage m : messages == null ? List.<PlaygroundMessage>of() : messages) {
            ObjectNode node = array.addObject();
            if (m != null && m.author() != null) {
                node.put("author", m.author().strip().toLowerCase(Locale.ROOT));
            }
            if (m != null && m.text() != null) {
                node.put("text", m.text());
            }
        }
        try {
            return triageJson.conversation(line);
        } catch (IllegalArgumentException e) {
            throw new ActionRejected(e.getMessage());
        }
    }

    /**
     * A roster id's name; Baton's own; the customer's (answering after-care); or the id itself (admin, or
     * someone since taken off the roster).
     */
    String personName(String id) {
        if (HandoffEvent.BATON.equals(id)) {
            return BATON_NAME;
        }
        if (HandoffEvent.CUSTOMER.equals(id)) {
            return "the customer";
        }
        return roster().byId(id).map(Person::name).orElse(id);
    }

    Line line(StoredMessage m) {
        return new Line(m.authorKind().wireName(), m.authorName(), readable(m.text()), m.createdAt(),
                m.editedAt() != null, m.isDeleted(), m.kbId(), m.attachments());
    }

    Line line(HandoffPacket.Line l) {
        return new Line(l.author(), l.authorName(), readable(l.text()), l.at(), l.edited(), l.deleted(), l.kbId(),
                l.attachments());
    }

    /**
     * Discord mentions of people on the roster ({@code <@123…>}) as their names, the way Discord shows
     * them; other mentions stay as written. Cue evidence never quotes a mention, so highlighting is unaffected.
     */
    private String readable(String text) {
        if (text == null || !text.contains("<@")) {
            return text;
        }
        return MENTION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                roster().byDiscordUserId(m.group(1)).map(p -> "@" + p.name()).orElse(m.group())));
    }
}
