package dev.baton.desk;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.Place;
import dev.baton.conversation.PlaceKind;
import dev.baton.conversation.StoredMessage;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.Outcome;
import dev.baton.live.RulesInForce;
import dev.baton.llm.Assistant;
import dev.baton.metrics.BatonMetrics;
import dev.baton.routing.Routing;
import dev.baton.text.Invisible;
import dev.baton.triage.Conversation;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The heart of Baton, free of Discord: a message comes in, is stored first, joins a conversation, and
 * gets a {@link Reaction}: silence, an answer, a reply to small talk, or a handoff to a named person
 * (stored before it is returned). The Discord side only carries reactions out and reports back what it
 * sent. This is the front door; the work is done by {@link Intake} (storing and grouping),
 * {@link Decider} (the decision and the language model's part in it), {@link Handoffs} (routing, packet,
 * notice, summary), {@link Previews} and {@link Practice} (for the console), and {@link StaffActions} (what
 * people do with a handoff).
 *
 * <p>Two sets of locks order what must happen in arrival order, while other customers are decided meanwhile:
 * <ul>
 *   <li>a lock per lane (the place where order matters, {@link Place#lane}) stores a customer's messages one
 *       after another, so they join their conversation in the order they came;</li>
 *   <li>a lock per conversation decides them one after another, and settles a decision that waited on the
 *       language model between them. A conversation can hear from two lanes (a customer writes in the channel
 *       again while Baton answers in its thread), so the decision is locked by conversation, not by lane.</li>
 * </ul>
 * A lane's lock is always taken before a conversation's, never after, so the two cannot deadlock. Choosing a
 * person and creating the handoff is serialised in {@link Handoffs}, so two handoffs never pick by the same
 * stale counts, and the store refuses a second open handoff for one conversation. Recording what Discord did
 * with Baton's messages, edits and deletions needs no order and takes no lock.
 */
public final class SupportDesk {

    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final Supplier<RulesInForce> rules;
    private final Intake intake;
    private final Outbox outbox;
    private final Handoffs handOffs;
    private final Decider decider;
    private final Previews previews;
    private final Practice practice;
    private final StaffActions actions;
    private final Clock clock;
    private final LockStripes lanes = new LockStripes(64);
    private final LockStripes conversationLocks = new LockStripes(256);
    /** Practice conversations are numbered in order. */
    private final Object practiceOrder = new Object();

    /**
     * @param rules     the rules in force, read once per message (a reload takes effect on the next one)
     * @param quietGap  {@code discord.yaml}'s {@code quiet_gap}: after this long without a word, a message starts anew
     * @param assistant the optional language model ({@link Assistant#off()} without one)
     */
    public SupportDesk(ConversationStore conversations, HandoffStore handoffs, Supplier<RulesInForce> rules,
                       Duration quietGap, BatonMetrics metrics, Assistant assistant, Clock clock) {
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.rules = rules;
        this.clock = clock;
        this.intake = new Intake(conversations, quietGap);
        this.outbox = new Outbox(conversations, clock);
        this.handOffs = new Handoffs(conversations, handoffs, outbox, metrics, assistant, clock);
        this.decider = new Decider(conversations, handoffs, handOffs, outbox, metrics, assistant, clock);
        this.previews = new Previews(handOffs);
        this.practice = new Practice(conversations, handOffs, clock);
        this.actions = new StaffActions(conversations, handoffs, rules, metrics, clock);
    }

    /** The rules in force now (they may be reloaded while Baton runs). */
    public RulesInForce rules() {
        return rules.get();
    }

    /** What people do with handoffs, for the console and Discord's {@code /resolve}. */
    public StaffActions actions() {
        return actions;
    }

    /** A message in a place Baton listens. */
    public Reaction onMessage(Incoming message) {
        return onMessage(message, null).reaction();
    }

    /**
     * What came of a message, and the row of what Baton told the customer while it waited (to be confirmed with
     * {@link #sent} or dropped with {@link #notSent} once Discord answers), if it told them anything.
     */
    public record Handled(Reaction reaction, OptionalLong toldRow) {
    }

    /**
     * A message in a place Baton listens, which waited in a queue long enough that Baton already told the customer
     * {@code toldWhileWaiting} (null when it did not): that goes into the transcript right after the message.
     */
    public Handled onMessage(Incoming message, String toldWhileWaiting) {
        synchronized (lanes.of(message.place().lane(message.author().id()))) {
            RulesInForce now = rules.get();
            Optional<Intake.Placed> placed = intake.store(message, now.roster());
            if (placed.isEmpty()) {
                return new Handled(new Reaction.Silence("already stored (redelivered)"), OptionalLong.empty());
            }
            Object lock = conversationLocks.of(placed.get().conversation().id());
            synchronized (lock) {
                // Read again under its lock: another lane may have handed it off since it was placed.
                ConversationRecord conversation = conversations.conversation(placed.get().conversation().id())
                        .orElse(placed.get().conversation());
                OptionalLong told = toldWhileWaiting == null ? OptionalLong.empty()
                        : OptionalLong.of(outbox.pending(conversation, toldWhileWaiting, null));
                return new Handled(decide(message, placed.get(), conversation, now, lock), told);
            }
        }
    }

    /**
     * Decides a customer's message that was stored but never decided (the instance that stored it stopped first),
     * found when catching up after a takeover. Exactly once: under the same locks as a new message, and only while
     * it is still undecided with nothing said after it, so a second catch-up, or the live path deciding it meanwhile,
     * leaves it alone.
     */
    public Reaction decideStored(String discordId) {
        Optional<StoredMessage> stored = conversations.message(discordId);
        if (stored.isEmpty() || stored.get().conversationId() == null
                || stored.get().authorKind() != AuthorKind.CUSTOMER) {
            return new Reaction.Silence("not a stored customer message");
        }
        StoredMessage message = stored.get();
        ConversationRecord placedIn = conversations.conversation(message.conversationId()).orElseThrow();
        Place place = placeOf(placedIn, message);
        synchronized (lanes.of(place.lane(message.authorId()))) {
            Object lock = conversationLocks.of(placedIn.id());
            synchronized (lock) {
                if (CatchUpRecord.settled(conversations.database(), message.id(), placedIn.id())) {
                    return new Reaction.Silence("already decided, or answered since");
                }
                ConversationRecord conversation = conversations.conversation(placedIn.id()).orElseThrow();
                Incoming incoming = new Incoming(discordId, new Incoming.Person(message.authorId(),
                        message.authorName(), List.of(), null), place, message.text(), message.attachments(),
                        message.replyTo(), message.createdAt());
                return decide(incoming, new Intake.Placed(conversation, AuthorKind.CUSTOMER, message.id()),
                        conversation, rules.get(), lock);
            }
        }
    }

    /** Where a stored message was written, for its lane: the conversation's thread, or its channel. */
    private static Place placeOf(ConversationRecord conversation, StoredMessage message) {
        if (conversation.threadId() != null && conversation.threadId().equals(message.channelId())) {
            String parent = conversation.parentId() != null ? conversation.parentId() : conversation.channelId();
            return conversation.place() == PlaceKind.FORUM_POST ? Place.forumPost(message.channelId(), parent)
                    : Place.thread(message.channelId(), parent);
        }
        return conversation.place() == PlaceKind.DM ? Place.dm(message.channelId()) : Place.channel(message.channelId());
    }

    /**
     * Where catching up reads a channel or thread on from: the newest message people wrote there that was stored
     * before {@code before} (the takeover), see {@link CatchUpRecord#lastStoredId}.
     */
    public Optional<Long> lastStoredId(String channelId, Instant before) {
        return CatchUpRecord.lastStoredId(conversations.database(), channelId, before);
    }

    /** Customer messages stored since {@code since} and never decided, oldest first: {@code {discordId, channelId}}. */
    public List<String[]> storedButUndecided(Instant since) {
        return CatchUpRecord.waiting(conversations.database(), since).stream()
                .map(w -> new String[] {w.discordId(), w.channelId()}).toList();
    }

    /** Replies stored before {@code before} and never confirmed by Discord (see {@link UnconfirmedReply}). */
    public List<UnconfirmedReply> unconfirmedReplies(Instant since, Instant before) {
        return CatchUpRecord.unconfirmed(conversations.database(), since, before);
    }

    /**
     * A reply that never reached Discord is taken back with the decision it carried out, so the customer's message
     * is decided again ({@link #decideStored}); under the conversation's lock, like every decision.
     */
    public void withdraw(UnconfirmedReply reply) {
        Optional<ConversationRecord> conversation = conversations.ofMessage(reply.customerMessageId());
        synchronized (conversationLocks.of(conversation.map(ConversationRecord::id).orElse(-1L))) {
            CatchUpRecord.withdraw(conversations.database(), reply);
        }
    }

    /** Whether a Discord message is stored (Baton's own once confirmed, everyone else's once received). */
    public boolean isStored(String discordId) {
        return conversations.isStored(discordId);
    }

    /** The threads of conversations Baton or a person still has (not closed): catching up reads them too. */
    public List<String> openThreads() {
        return conversations.openThreads();
    }

    private Reaction decide(Incoming message, Intake.Placed placed, ConversationRecord conversation,
                            RulesInForce now, Object lock) {
        if (placed.kind() != AuthorKind.CUSTOMER) {
            return new Reaction.Silence("written by " + placed.kind().wireName()
                    + " in someone else's conversation");
        }
        if (conversation.isQuiet()) {
            return new Reaction.Silence("a person has this conversation");
        }
        String visible = Invisible.strip(message.text());
        if (visible.isBlank()) {
            return new Reaction.Silence("nothing to read (attachments only or empty)");
        }
        if (Pleasantries.isOnlyThanks(visible)) {
            return new Reaction.Silence("only thanks or an acknowledgement");
        }
        return decider.decide(conversation, placed.row(), now, lock);
    }

    /**
     * Whether Baton would answer {@code message} if it were decided now (a customer's, in a conversation no
     * person has); reads only, takes no lock. For acknowledging a message that waits in a queue.
     */
    public boolean expectsAnswer(Incoming message) {
        return intake.expectsAnswer(message, rules.get().roster());
    }

    /**
     * The customer asked for a person (button or {@code /human}); {@code evidence} says how, for the packet.
     *
     * @param pressedId the conversation the button was under (or the command was given in)
     */
    public Reaction onHumanRequest(long pressedId, String requesterId, String evidence) {
        ConversationRecord conversation = current(pressedId);
        synchronized (conversationLocks.of(conversation.id())) {
            return humanRequest(pressedId, requesterId, evidence);
        }
    }

    /** The conversation a button under {@code pressedId} belongs to now. */
    private ConversationRecord current(long pressedId) {
        ConversationRecord pressed = conversations.conversation(pressedId)
                .orElseThrow(() -> new IllegalArgumentException("no conversation " + pressedId));
        // A button under an old answer in a thread that has since moved on belongs to the thread's current conversation.
        return pressed.state() == ConversationState.CLOSED && pressed.threadId() != null
                ? conversations.latestInThread(pressed.threadId()).orElse(pressed) : pressed;
    }

    /** {@link #onHumanRequest}, under the lock of the conversation it is for. */
    private Reaction humanRequest(long pressedId, String requesterId, String evidence) {
        ConversationRecord conversation = current(pressedId);
        if (conversation.practice()) {
            return new Reaction.Silence("a practice conversation is never handled from Discord");
        }
        if (!conversation.customerId().equals(requesterId)) {
            return new Reaction.Silence("only the customer can ask for a person in their conversation");
        }
        Optional<HandoffRecord> open = handoffs.openFor(conversation.id());
        if (open.isPresent()) {
            return new Reaction.Silence("already with a person (handoff " + open.get().id() + ")");
        }
        RulesInForce now = rules.get();
        Reading reading = Reading.of(conversations.transcript(conversation.id()));
        List<Cue> cues = new ArrayList<>();
        if (reading.conversation() != null) {
            cues.add(new Cue(CueKind.HUMAN_REQUEST, 1.0, reading.conversation().size() - 1, evidence));
            cues.addAll(now.engine().cues(reading.conversation()));
        } else {
            cues.add(new Cue(CueKind.HUMAN_REQUEST, 1.0, -1, evidence));
        }
        Decision.Handoff decision = new Decision.Handoff(
                humanRequestReasons(cues, Handoffs.settingsFor(conversation, now)), 1.0, cues);
        return handOffs.handOffOnce(conversation, decision, reading, now, null);
    }

    /**
     * The customer asked for a person; but what else the conversation shows still counts, so a grieving
     * customer who presses the button reaches someone who takes grief (and a grief route). A sensitive
     * reason (crisis, grief, anxiety) leads, so the customer is told in its words and not as for a plain
     * request; the request comes before the rest.
     */
    static List<CueKind> humanRequestReasons(List<Cue> cues, CueSettings settings) {
        List<CueKind> fired = TriageEngine.fired(TriageEngine.combine(cues), settings);
        List<CueKind> reasons = new ArrayList<>(fired.stream().filter(CueKind::sensitive).toList());
        reasons.add(CueKind.HUMAN_REQUEST);
        fired.stream().filter(kind -> !kind.sensitive() && kind != CueKind.HUMAN_REQUEST).forEach(reasons::add);
        return reasons;
    }

    /** A customer's {@code /human} in a place: stored as their message, then handed to a person. */
    public Reaction onHumanCommand(Incoming command) {
        synchronized (lanes.of(command.place().lane(command.author().id()))) {
            Optional<Intake.Placed> placed = intake.store(command, rules.get().roster());
            if (placed.isEmpty()) {
                return new Reaction.Silence("already stored (redelivered)");
            }
            if (placed.get().kind() != AuthorKind.CUSTOMER) {
                return new Reaction.Silence("only the customer can ask for a person in their conversation");
            }
            long conversationId = placed.get().conversation().id();
            synchronized (conversationLocks.of(conversationId)) {
                return humanRequest(conversationId, command.author().id(),
                        "asked for a person: \"" + command.text() + "\"");
            }
        }
    }

    /** Discord confirmed Baton's message: record its id, where it landed and its final text. */
    public void sent(long pendingRow, String discordId, String channelId, String text) {
        outbox.sent(pendingRow, discordId, channelId, text);
    }

    /** Baton's message never reached the customer; it must not stay in the transcript as if it had. */
    public void notSent(long pendingRow) {
        outbox.notSent(pendingRow);
    }

    public void threadStarted(long conversationId, String threadId) {
        conversations.setThread(conversationId, threadId);
    }

    /** Whether the customer was told and the person brought in; an event row either way. */
    public void handoffNotified(long handoffId, boolean delivered, String detail) {
        handoffs.note(handoffId, "baton", delivered ? "notified" : "notify_failed", detail, clock.instant());
    }

    public void onEdit(String discordId, String newText) {
        conversations.recordEdit(discordId, newText, clock.instant());
    }

    public void onDelete(String discordId) {
        conversations.recordDelete(discordId, clock.instant());
    }

    /** Discord's {@code /resolve}: see {@link StaffActions#resolveInDiscord}. */
    public String resolveFromDiscord(String channelId, String staffDiscordId, Outcome outcome) {
        return actions.resolveInDiscord(channelId, staffDiscordId, outcome);
    }

    /**
     * Who a conversation would be handed to right now, by the same rules, router, roster and workload as
     * a handoff from Discord (as if in no channel, from a customer without roles); saves nothing. For the
     * console's playground.
     */
    public Routing route(Conversation conversation, Decision.Handoff decision) {
        return previews.route(rules.get(), conversation, decision, clock.instant());
    }

    /**
     * What Baton would do with {@code conversation} under {@code rules} (the live ones or a draft), as if
     * it were written in {@code channelId} by a customer with {@code roles} at {@code at}: the decision
     * with its evidence, the route, who would get it against today's workload, and the words the customer
     * would see. Saves nothing and sends nothing.
     *
     * @param channelId the channel, thread or DM; null for none (a DM-like place no channel rule matches)
     * @param parentId  the parent channel when {@code channelId} is a thread or forum post, else null
     * @param roles     the customer's Discord role names
     */
    public Preview preview(RulesInForce rules, Conversation conversation, String channelId, String parentId,
                           List<String> roles, Instant at) {
        return previews.preview(rules, conversation, channelId, parentId, roles, at);
    }

    /**
     * Stores {@code messages} as a practice conversation (see {@link ConversationStore#startPractice})
     * and hands it off exactly as a Discord conversation would be. Empty, storing nothing, when the engine
     * would answer instead.
     *
     * @param actorId who practises: the roster id their staff lines are stored under
     */
    public Optional<Reaction.HandOff> practice(String actorId, List<Message> messages) {
        synchronized (practiceOrder) {
            return practice.practice(rules.get(), actorId, messages);
        }
    }

    /** Whether a thread holds one of Baton's conversations, so Baton keeps listening there without a mention. */
    public boolean hasConversationIn(String threadId) {
        return conversations.latestInThread(threadId).isPresent();
    }

    /** One conversation as stored now (another Baton asking this one to post in it sends only its id). */
    public Optional<ConversationRecord> conversation(long id) {
        return conversations.conversation(id);
    }
}
