package dev.baton.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.console.api.ActionRejected;
import dev.baton.console.api.ConsoleBackends;
import dev.baton.console.api.ConsoleEventSource;
import dev.baton.console.api.HandoffActions;
import dev.baton.console.api.HandoffQueue;
import dev.baton.console.api.MetricsSource;
import dev.baton.console.api.Playground;
import dev.baton.console.api.StaffDirectory;
import dev.baton.console.api.ConsoleEvent;
import dev.baton.console.api.HandoffDetail;
import dev.baton.console.api.KnowledgeEntryView;
import dev.baton.console.api.HandoffDetail.Cue;
import dev.baton.console.api.HandoffDetail.Customer;
import dev.baton.console.api.HandoffDetail.EarlierConversation;
import dev.baton.console.api.HandoffDetail.Event;
import dev.baton.console.api.NoSuchHandoff;
import dev.baton.console.api.PlaygroundMessage;
import dev.baton.console.api.QueueEntry;
import dev.baton.console.api.ReplyOutcome;
import dev.baton.console.api.StaffMember;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.StoredMessage;
import dev.baton.desk.Preview;
import dev.baton.desk.StaffActions;
import dev.baton.desk.Reaction;
import dev.baton.desk.StaffReplies;
import dev.baton.desk.SupportDesk;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.metrics.BatonMetrics;
import dev.baton.routing.Roster;
import dev.baton.triage.Conversation;
import dev.baton.triage.Decision;
import dev.baton.triage.TriageJson;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The console's view of Baton, over the stores, the desk and Discord's {@link StaffReplies}: it turns
 * Baton's records into the console's views and the console's requests into the desk's
 * {@link StaffActions}, the same path Discord's {@code /resolve} takes. A refusal keeps its words.
 */
public final class ConsoleBridge implements StaffDirectory, HandoffQueue, HandoffActions, Playground, MetricsSource,
        ConsoleEventSource {

    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final SupportDesk desk;
    private final StaffActions actions;
    private final StaffReplies replies;
    private final ConsoleEvents events;
    private final BatonMetrics metrics;
    private final Clock clock;
    private final TriageJson triageJson;
    private final ConsoleViews views;
    private final RulesBridge rules;
    private final CareBridge care;
    private final HandoffCare handoffCare;

    /**
     * @param rules the rules pages (drafts, try it, replay, apply, feedback, health)
     * @param care  the care page's figures
     */
    public ConsoleBridge(ConversationStore conversations, HandoffStore handoffs, SupportDesk desk,
                         StaffReplies replies, ConsoleEvents events, BatonMetrics metrics, ConsoleViews views,
                         TriageJson triageJson, RulesBridge rules, CareBridge care, Clock clock) {
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.desk = desk;
        this.actions = desk.actions();
        this.replies = replies;
        this.events = events;
        this.metrics = metrics;
        this.views = views;
        this.triageJson = triageJson;
        this.rules = rules;
        this.care = care;
        this.handoffCare = new HandoffCare(conversations, views);
        this.clock = clock;
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
        return detail(action(() -> actions.claim(id, actorId)));
    }

    @Override
    public HandoffDetail takeOver(long id, String actorId) {
        return detail(action(() -> actions.takeOver(id, actorId)));
    }

    @Override
    public HandoffDetail transfer(long id, String actorId, boolean asManager, String toStaffId, String note) {
        return detail(action(() -> actions.transfer(id, actorId, asManager, toStaffId, note)));
    }

    @Override
    public HandoffDetail note(long id, String actorId, String text) {
        return detail(action(() -> actions.note(id, actorId, text)));
    }

    @Override
    public HandoffDetail resolve(long id, String actorId, boolean asManager, String outcome, String note) {
        return detail(action(() -> actions.resolve(id, actorId, asManager, outcome, note)));
    }

    @Override
    public HandoffDetail reopen(long id, String actorId, String note) {
        return detail(action(() -> actions.reopen(id, actorId, note)));
    }

    @Override
    public ReplyOutcome reply(long id, String actorId, boolean asManager, String text) {
        StaffActions.Replied replied = action(() -> actions.reply(id, actorId, asManager, text, replies));
        return new ReplyOutcome(detail(action(() -> actions.existing(id))), replied.via(), replied.delivered(),
                replied.detail());
    }

    // -------------------------------------------------------------------------------- playground

    @Override
    public ObjectNode playground(List<PlaygroundMessage> messages) {
        Conversation conversation = views.conversation(messages);
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
        Conversation conversation = views.conversation(messages);
        Decision decided = desk.preview(desk.rules(), conversation, null, null, List.of(), clock.instant()).decision();
        if (decided instanceof Decision.Answer answer) {
            throw wouldAnswer(answer.entry());
        }
        if (decided instanceof Decision.SmallTalk) {
            throw new ActionRejected("Baton would reply to this as small talk (a greeting or chit-chat), so there is"
                    + " nothing to hand to a person. Write a conversation Baton should hand off.");
        }
        if (actorId == null || actorId.isBlank()) {
            throw new ActionRejected("Nobody is named as doing this.");
        }
        Optional<Reaction.HandOff> handOff;
        try {
            handOff = desk.practice(actorId.strip(), conversation.messages());
        } catch (IllegalArgumentException e) {
            throw new ActionRejected("This conversation cannot be practised: " + e.getMessage() + ".");
        }
        HandoffRecord handoff = handOff.orElseThrow(() -> wouldAnswer(null)).handoff();
        return detail(action(() -> actions.note(handoff.id(), actorId, "a practice handoff from the playground: it"
                + " never reaches Discord")));
    }

    @Override
    public String metrics() {
        return metrics.scrape();
    }

    /**
     * What the console is started with: this bridge, its {@link RulesBridge} for rules, feedback, health, and
     * its {@link CareBridge}.
     */
    public ConsoleBackends backends() {
        return new ConsoleBackends(this, this, this, this, rules, rules, rules, this, this, rules, care);
    }

    @Override
    public AutoCloseable subscribe(Consumer<ConsoleEvent> listener) {
        return events.subscribe(listener);
    }

    // ------------------------------------------------------------------------------------ inside

    private Roster roster() {
        return desk.rules().roster();
    }

    /** Runs a desk action, turning its refusal into the console's, words unchanged. */
    private static <T> T action(Supplier<T> action) {
        try {
            return action.get();
        } catch (StaffActions.Refused e) {
            throw new ActionRejected(e.getMessage());
        } catch (StaffActions.Unknown e) {
            throw new NoSuchHandoff(e.id());
        }
    }

    private static ActionRejected wouldAnswer(String entry) {
        return new ActionRejected("Baton would answer this itself" + (entry == null ? "" : " (from \"" + entry + "\")")
                + ", so there is nothing to hand to a person. Write a conversation Baton should hand off:"
                + " someone upset, asking for a person, or asking what the knowledge base does not cover.");
    }

    // --------------------------------------------------------------------------- building views

    private QueueEntry entry(HandoffStore.Listed listed) {
        HandoffRecord handoff = listed.handoff();
        return new QueueEntry(handoff.id(), handoff.state().wireName(), handoff.reason(), listed.reasons(),
                listed.customerName(), handoff.assigneeId(), views.personName(handoff.assigneeId()), listed.summary(),
                handoff.createdAt(), handoff.updatedAt(), listed.practice(), handoff.conversationId(),
                handoff.priority().wireName(), handoff.rule());
    }

    private QueueEntry entry(HandoffRecord handoff, HandoffPacket packet, ConversationRecord conversation) {
        String customerName = conversations.customer(conversation.customerId())
                .map(ConversationStore.Customer::name).orElse(packet.customer().name());
        return new QueueEntry(handoff.id(), handoff.state().wireName(), handoff.reason(), packet.reasons(),
                customerName, handoff.assigneeId(), views.personName(handoff.assigneeId()), packet.summary(),
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
                now.stream().map(views::line).toList(), cues,
                packet.elsewhere().stream().map(views::line).toList(),
                handoffs.events(handoff.id()).stream().map(this::event).toList(),
                handoffCare.aftercare(handoff.id()), handoffCare.repeat(handoff.id(), conversation.id(), now));
    }

    private Event event(HandoffEvent e) {
        return new Event(e.at(), e.actor(), views.personName(e.actor()), e.kind(),
                e.from() == null ? null : e.from().wireName(), e.to() == null ? null : e.to().wireName(), e.detail());
    }
}
