package dev.baton.bridge;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.console.ActionRejected;
import dev.baton.console.ConsoleBackend;
import dev.baton.console.ConsoleEvent;
import dev.baton.console.HandoffDetail;
import dev.baton.console.KnowledgeEntryView;
import dev.baton.console.HandoffDetail.Cue;
import dev.baton.console.HandoffDetail.Customer;
import dev.baton.console.HandoffDetail.EarlierConversation;
import dev.baton.console.HandoffDetail.Event;
import dev.baton.console.HandoffDetail.Line;
import dev.baton.console.NoSuchHandoff;
import dev.baton.console.PlaygroundMessage;
import dev.baton.console.QueueEntry;
import dev.baton.console.ReplyOutcome;
import dev.baton.console.RulesBackend;
import dev.baton.console.StaffMember;
import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.conversation.StoredMessage;
import dev.baton.desk.Preview;
import dev.baton.desk.Reaction;
import dev.baton.desk.StaffReplies;
import dev.baton.desk.StaffReplies.Delivery;
import dev.baton.desk.SupportDesk;
import dev.baton.feedback.FeedbackStore;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffLifecycle;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffState;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.Outcome;
import dev.baton.metrics.BatonMetrics;
import dev.baton.reload.LiveConfig;
import dev.baton.routing.Person;
import dev.baton.routing.Roster;
import dev.baton.triage.Conversation;
import dev.baton.triage.Decision;
import dev.baton.triage.TriageJson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's view of Baton, over the stores, the desk and Discord's {@link StaffReplies}.
 *
 * <p>Actions on one handoff are serialised (a reply and a transfer of the same handoff never
 * interleave); actions on different handoffs run side by side. State changes go through
 * {@link HandoffLifecycle}, so each writes its event row, and the stores publish the console events.
 *
 * <p>A reply claims a waiting or transferred handoff for the person replying first: once a person
 * has written to the customer, they are the one on it, and the queue must say so, or a colleague
 * would pick up the same handoff and answer a second time. Replying to a handoff someone else has
 * claimed is allowed (helping out, as in a Discord thread) and leaves it theirs.
 */
public final class ConsoleBridge implements ConsoleBackend {

    private static final String BATON_NAME = "Baton";

    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final HandoffLifecycle lifecycle;
    private final SupportDesk desk;
    private static final Pattern MENTION = Pattern.compile("<@!?(\\d{5,20})>");

    private final StaffReplies replies;
    private final ConsoleEvents events;
    private final BatonMetrics metrics;
    private final Clock clock;
    private final TriageJson triageJson = new TriageJson();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final RulesBridge rules;

    /** @param config the live configuration, for the rules pages (drafts, try it, replay, apply) */
    public ConsoleBridge(ConversationStore conversations, HandoffStore handoffs, SupportDesk desk,
                         StaffReplies replies, ConsoleEvents events, BatonMetrics metrics, LiveConfig config,
                         Clock clock) {
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.lifecycle = new HandoffLifecycle(handoffs, conversations, clock);
        this.desk = desk;
        this.replies = replies;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.rules = new RulesBridge(config, desk, conversations.database(), handoffs,
                new FeedbackStore(conversations.database(), conversations, handoffs, clock), new RulesBridge.Views() {
                    @Override
                    public String personName(String id) {
                        return ConsoleBridge.this.personName(id);
                    }

                    @Override
                    public List<Line> transcript(long conversationId) {
                        return conversations.transcript(conversationId).stream().map(ConsoleBridge.this::line).toList();
                    }

                    @Override
                    public Conversation conversation(List<PlaygroundMessage> messages) {
                        return ConsoleBridge.this.conversation(messages);
                    }
                }, triageJson, clock);
    }

    // ----------------------------------------------------------------------------------- reading

    @Override
    public List<StaffMember> staff() {
        return roster().people().stream().map(p -> new StaffMember(p.id(), p.name(), p.team())).toList();
    }

    @Override
    public List<QueueEntry> queue() {
        return handoffs.listOpen().stream().map(this::entry).toList();
    }

    @Override
    public List<QueueEntry> recentlyResolved(int limit) {
        return handoffs.listRecentlyResolved(limit).stream().map(this::entry).toList();
    }

    @Override
    public Optional<HandoffDetail> handoff(long id) {
        return handoffs.handoff(id).map(this::detail);
    }

    // ----------------------------------------------------------------------------------- actions

    @Override
    public HandoffDetail claim(long id, String actorId) {
        Person person = onRoster(actorId, "claim a handoff");
        return act(id, "claim", () -> lifecycle.claim(id, person.id()));
    }

    @Override
    public HandoffDetail transfer(long id, String actorId, String toStaffId, String note) {
        Person to = roster().byId(toStaffId == null ? "" : toStaffId).orElseThrow(() -> new ActionRejected(
                "There is nobody called \"" + toStaffId + "\" on the roster (config/team.yaml) to transfer to."));
        return act(id, "transfer", () -> {
            HandoffRecord current = existing(id);
            if (current.assigneeId().equals(to.id()) && current.state() != HandoffState.RESOLVED) {
                throw new ActionRejected("Handoff " + id + " is already with " + to.name() + ".");
            }
            return lifecycle.transfer(id, actor(actorId), to.id(), note);
        });
    }

    @Override
    public HandoffDetail note(long id, String actorId, String text) {
        String note = required(text, "Write something in the note first.");
        return act(id, "note", () -> {
            handoffs.note(id, actor(actorId), "note", note, clock.instant());
            return existing(id);
        });
    }

    @Override
    public HandoffDetail resolve(long id, String actorId, String outcome, String note) {
        Outcome parsed;
        try {
            parsed = Outcome.fromWire(outcome == null ? "" : outcome.strip());
        } catch (IllegalArgumentException e) {
            throw new ActionRejected("\"" + outcome + "\" is not an outcome: choose solved, not_solvable or no_response.");
        }
        return act(id, "resolve", () -> lifecycle.resolve(id, actor(actorId), parsed, note));
    }

    @Override
    public HandoffDetail reopen(long id, String actorId, String note) {
        return act(id, "reopen", () -> lifecycle.reopen(id, actor(actorId), note));
    }

    @Override
    public ReplyOutcome reply(long id, String actorId, String text) {
        Person person = onRoster(actorId, "reply to a customer");
        String reply = required(text, "Write something to send first.");
        synchronized (lock(id)) {
            HandoffRecord handoff = existing(id);
            if (handoff.state() == HandoffState.RESOLVED) {
                throw new ActionRejected("Handoff " + id + " is resolved; reopen it first to reply.");
            }
            if (handoff.state() != HandoffState.CLAIMED) {
                claimForReply(id, person);
            }
            ConversationRecord conversation = conversations.conversation(handoff.conversationId()).orElseThrow();
            // Stored before it is sent, like Baton's own messages: a customer's quick answer is read after it.
            Instant at = clock.instant();
            long row = conversations.insert(new NewMessage(null, conversation.id(), conversation.replyChannelId(),
                    person.discordUserId(), person.name(), AuthorKind.STAFF, reply, List.of(), null, null, at))
                    .orElseThrow();
            conversations.touch(conversation.id(), at);
            if (conversation.practice()) {
                handoffs.note(id, person.id(), "replied", "stored: a practice handoff never reaches Discord",
                        clock.instant());
                return new ReplyOutcome(detail(existing(id)), "stored", true,
                        "This is a practice handoff: the reply is stored and never sent.");
            }
            Delivery delivery = send(conversation, person, reply);
            if (delivery.delivered()) {
                conversations.confirmSent(row, delivery.discordId(), delivery.channelId(),
                        delivery.text() == null ? reply : delivery.text());
                String how = "via " + delivery.via() + (blank(delivery.detail()) ? "" : " (" + delivery.detail() + ")");
                handoffs.note(id, person.id(), "replied", how, clock.instant());
                metrics.replied(delivery.via());
                return new ReplyOutcome(detail(existing(id)), delivery.via(), true,
                        blank(delivery.detail()) ? "" : delivery.detail());
            }
            // Not on Discord, so not in the transcript; the words are kept in the timeline so nothing is lost.
            conversations.forget(row);
            String reason = blank(delivery.detail()) ? "Discord did not take the reply." : delivery.detail();
            handoffs.note(id, person.id(), "reply_failed", reason + " Not sent: \"" + reply + "\"", clock.instant());
            metrics.replied("none");
            return new ReplyOutcome(detail(existing(id)), "stored", false, reason);
        }
    }

    // -------------------------------------------------------------------------------- playground

    @Override
    public ObjectNode playground(List<PlaygroundMessage> messages) {
        Conversation conversation = conversation(messages);
        // The live rules as in a DM (no channel): rules.yaml's cue settings and routes, like Discord.
        Preview preview = desk.preview(desk.rules(), conversation, null, null, List.of(), clock.instant());
        ObjectNode out = triageJson.decision(preview.decision());
        if (preview.routing() != null) {
            out.put("assignee", preview.routing().person().name());
        }
        return out;
    }

    @Override
    public Optional<KnowledgeEntryView> knowledgeEntry(String id) {
        return desk.rules().knowledge().find(id).map(entry -> new KnowledgeEntryView(entry.id(), entry.topic(),
                entry.questions().isEmpty() ? null : entry.questions().get(0), entry.answer(), entry.source()));
    }

    @Override
    public HandoffDetail practice(String actorId, List<PlaygroundMessage> messages) {
        Conversation conversation = conversation(messages);
        Decision decided = desk.preview(desk.rules(), conversation, null, null, List.of(), clock.instant()).decision();
        if (decided instanceof Decision.Answer answer) {
            throw wouldAnswer(answer.entry());
        }
        if (decided instanceof Decision.SmallTalk) {
            throw new ActionRejected("Baton would reply to this as small talk (a greeting or chit-chat), so there is"
                    + " nothing to hand to a person. Write a conversation Baton should hand off.");
        }
        Optional<Reaction.HandOff> handOff;
        try {
            handOff = desk.practice(actor(actorId), conversation.messages());
        } catch (IllegalArgumentException e) {
            throw new ActionRejected("This conversation cannot be practised: " + e.getMessage() + ".");
        }
        HandoffRecord handoff = handOff.orElseThrow(() -> wouldAnswer(null)).handoff();
        handoffs.note(handoff.id(), actor(actorId), "note", "a practice handoff from the playground: it never reaches"
                + " Discord", clock.instant());
        return detail(existing(handoff.id()));
    }

    @Override
    public String metrics() {
        return metrics.scrape();
    }

    @Override
    public RulesBackend rules() {
        return rules;
    }

    @Override
    public AutoCloseable subscribe(Consumer<ConsoleEvent> listener) {
        return events.subscribe(listener);
    }

    // ------------------------------------------------------------------------------------ inside

    private Roster roster() {
        return desk.rules().roster();
    }

    /** See the class comment: whoever replies is the one on it. */
    private void claimForReply(long id, Person person) {
        try {
            lifecycle.claim(id, person.id());
        } catch (IllegalStateException e) {
            // Changed meanwhile from Discord (/resolve): a resolved handoff takes no reply, a claimed one may.
            if (existing(id).state() == HandoffState.RESOLVED) {
                throw new ActionRejected("Handoff " + id + " was just resolved; reopen it first to reply.");
            }
        }
    }

    private Object lock(long id) {
        return locks.computeIfAbsent(id, key -> new Object());
    }

    private HandoffRecord existing(long id) {
        return handoffs.handoff(id).orElseThrow(() -> new NoSuchHandoff(id));
    }

    /** Runs one state change, turning the store's refusal into words for the person who tried. */
    private HandoffDetail act(long id, String action, Supplier<HandoffRecord> change) {
        synchronized (lock(id)) {
            existing(id);
            try {
                change.get();
            } catch (IllegalStateException e) {
                throw new ActionRejected(refusal(action, existing(id)));
            }
            return detail(existing(id));
        }
    }

    private String refusal(String action, HandoffRecord handoff) {
        String which = "Handoff " + handoff.id();
        String holder = personName(handoff.assigneeId());
        if (handoff.state() == HandoffState.RESOLVED) {
            return action.equals("resolve") ? which + " is already resolved." : which + " is resolved; reopen it first.";
        }
        if (action.equals("reopen")) {
            return which + " is still open (" + handoff.state().wireName() + ", with " + holder
                    + "); only a resolved handoff can be reopened.";
        }
        if (handoff.state() == HandoffState.CLAIMED && action.equals("claim")) {
            return which + " is already claimed by " + holder + ".";
        }
        return which + " is " + handoff.state().wireName() + " and cannot be " + pastTense(action) + ".";
    }

    private static String pastTense(String action) {
        return switch (action) {
            case "claim" -> "claimed";
            case "transfer" -> "transferred";
            case "resolve" -> "resolved";
            case "reopen" -> "reopened";
            default -> action + "d";
        };
    }

    private Person onRoster(String actorId, String what) {
        return roster().byId(actorId == null ? "" : actorId).orElseThrow(() -> new ActionRejected(
                "Only people on the roster (config/team.yaml) can " + what + "; \"" + actorId + "\" is not on it."));
    }

    private static String actor(String actorId) {
        if (blank(actorId)) {
            throw new ActionRejected("Nobody is named as doing this.");
        }
        return actorId.strip();
    }

    private static String required(String text, String otherwise) {
        if (blank(text)) {
            throw new ActionRejected(otherwise);
        }
        return text.strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private Delivery send(ConversationRecord conversation, Person person, String text) {
        try {
            Delivery delivery = replies.send(conversation, person, text);
            return delivery != null ? delivery : Delivery.failed("Discord gave no answer about the reply.");
        } catch (RuntimeException e) {
            return Delivery.failed("Sending to Discord failed: " + e.getMessage());
        }
    }

    private static ActionRejected wouldAnswer(String entry) {
        return new ActionRejected("Baton would answer this itself" + (entry == null ? "" : " (from \"" + entry + "\")")
                + ", so there is nothing to hand to a person. Write a conversation Baton should hand off:"
                + " someone upset, asking for a person, or asking what the knowledge base does not cover.");
    }

    /** The playground's messages as the {@code triage} command would read them, through the same code. */
    private Conversation conversation(List<PlaygroundMessage> messages) {
        ObjectNode line = JSON.createObjectNode();
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

    // --------------------------------------------------------------------------- building views

    private QueueEntry entry(HandoffStore.Listed listed) {
        HandoffRecord handoff = listed.handoff();
        return new QueueEntry(handoff.id(), handoff.state().wireName(), handoff.reason(), listed.reasons(),
                listed.customerName(), handoff.assigneeId(), personName(handoff.assigneeId()), listed.summary(),
                handoff.createdAt(), handoff.updatedAt(), listed.practice(), handoff.conversationId(),
                handoff.priority().wireName(), handoff.rule());
    }

    private QueueEntry entry(HandoffRecord handoff, HandoffPacket packet, ConversationRecord conversation) {
        String customerName = conversations.customer(conversation.customerId())
                .map(ConversationStore.Customer::name).orElse(packet.customer().name());
        return new QueueEntry(handoff.id(), handoff.state().wireName(), handoff.reason(), packet.reasons(),
                customerName, handoff.assigneeId(), personName(handoff.assigneeId()), packet.summary(),
                handoff.createdAt(), handoff.updatedAt(), conversation.practice(), conversation.id(),
                handoff.priority().wireName(), handoff.rule());
    }

    private HandoffDetail detail(HandoffRecord handoff) {
        HandoffPacket packet = handoffs.packet(handoff.id()).orElseThrow();
        ConversationRecord conversation = conversations.conversation(handoff.conversationId()).orElseThrow();
        List<StoredMessage> now = conversations.transcript(conversation.id());
        int[] position = TranscriptAlignment.positions(packet.transcript(), now);
        List<Cue> cues = packet.cues().stream()
                .map(c -> new Cue(c.kind(), c.score(), c.fired(),
                        c.line() >= 0 && c.line() < position.length ? position[c.line()] : -1, c.evidence()))
                .toList();
        HandoffPacket.Profile profile = packet.customer();
        Optional<ConversationStore.Customer> current = conversations.customer(profile.id());
        Customer customer = new Customer(profile.id(),
                current.map(ConversationStore.Customer::name).orElse(profile.name()),
                current.map(ConversationStore.Customer::roles).orElse(profile.roles()),
                current.map(ConversationStore.Customer::joinedAt).orElse(profile.joinedAt()),
                profile.firstSeen(),
                profile.earlier().stream().map(e -> new EarlierConversation(e.id(), e.startedAt(), e.state(),
                        e.handoffReason())).toList());
        return new HandoffDetail(entry(handoff, packet, conversation), customer,
                now.stream().map(this::line).toList(), cues,
                packet.elsewhere().stream().map(this::line).toList(),
                handoffs.events(handoff.id()).stream().map(this::event).toList());
    }

    private Event event(HandoffEvent e) {
        return new Event(e.at(), e.actor(), personName(e.actor()), e.kind(),
                e.from() == null ? null : e.from().wireName(), e.to() == null ? null : e.to().wireName(), e.detail());
    }

    /** A roster id's name; Baton's own; or the id itself (admin, or someone since taken off the roster). */
    private String personName(String id) {
        if (HandoffEvent.BATON.equals(id)) {
            return BATON_NAME;
        }
        return roster().byId(id).map(Person::name).orElse(id);
    }

    private Line line(StoredMessage m) {
        return new Line(m.authorKind().wireName(), m.authorName(), readable(m.text()), m.createdAt(),
                m.editedAt() != null, m.isDeleted(), m.kbId(), m.attachments());
    }

    private Line line(HandoffPacket.Line l) {
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
