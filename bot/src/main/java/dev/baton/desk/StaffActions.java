package dev.baton.desk;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.desk.StaffReplies.Delivery;
import dev.baton.handoff.HandoffLifecycle;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffState;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.Outcome;
import dev.baton.live.RulesInForce;
import dev.baton.metrics.BatonMetrics;
import dev.baton.routing.Person;
import dev.baton.routing.Roster;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people do with a handoff, from the console or from Discord ({@code /resolve}), through one path:
 * claim, transfer, note, reply, resolve, reopen. Each checks who is acting against the roster, is one state
 * change with its event row, and is refused in words fit for the person who tried.
 *
 * <p>Actions on one handoff are serialised (a reply and a transfer of the same handoff never interleave);
 * actions on different handoffs run side by side.
 *
 * <p>A reply claims a waiting or transferred handoff for the person replying first: once a person has
 * written to the customer, they are the one on it, and the queue must say so, or a colleague would pick
 * up the same handoff and answer a second time.
 *
 * <p>A claimed handoff is its claimant's: only they (or a manager, {@code asManager}) may reply to,
 * transfer or resolve it. Anyone else must first {@link #takeOver take it over}, which records a
 * {@code taken_over} event naming the previous claimant. Notes stay open to everyone.
 */
public final class StaffActions {

    private static final Logger LOG = LoggerFactory.getLogger(StaffActions.class);

    /** An action the handoff's state or the actor does not allow; the message is for the person who tried. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** No handoff has that id. */
    public static final class Unknown extends RuntimeException {
        private final long id;

        public Unknown(long id) {
            super("no handoff " + id);
            this.id = id;
        }

        public long id() {
            return id;
        }
    }

    /**
     * What became of a reply.
     *
     * @param via       {@code webhook}, {@code bot}, or {@code stored} when it did not reach Discord
     * @param delivered false only when Discord did not take it (the words are kept in the timeline)
     * @param detail    why it failed, why a fallback was used, or that it was practice; empty when nothing to say
     */
    public record Replied(String via, boolean delivered, String detail) {
    }

    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final HandoffLifecycle lifecycle;
    private final Supplier<RulesInForce> rules;
    private final BatonMetrics metrics;
    private final Clock clock;
    /** Enough that the handoffs being worked on at once rarely share one; see {@link LockStripes}. */
    private final LockStripes locks = new LockStripes(256);
    private final List<WhenResolved> whenResolved = new CopyOnWriteArrayList<>();
    private final List<WhenTransferred> whenTransferred = new CopyOnWriteArrayList<>();

    public StaffActions(ConversationStore conversations, HandoffStore handoffs, Supplier<RulesInForce> rules,
                        BatonMetrics metrics, Clock clock) {
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.lifecycle = new HandoffLifecycle(handoffs, clock);
        this.rules = rules;
        this.metrics = metrics;
        this.clock = clock;
    }

    public HandoffRecord claim(long id, String actorId) {
        Person person = onRoster(actorId, "claim a handoff");
        return act(id, "claim", () -> lifecycle.claim(id, person.id()));
    }

    /** Takes over a handoff someone else claimed; it becomes the actor's, with a {@code taken_over} event. */
    public HandoffRecord takeOver(long id, String actorId) {
        Person person = onRoster(actorId, "take over a handoff");
        return act(id, "take over", () -> {
            HandoffRecord current = existing(id);
            if (current.state() != HandoffState.CLAIMED) {
                throw new Refused("Handoff " + id + " is " + current.state().wireName()
                        + ", not claimed by anyone: claim it instead.");
            }
            if (current.assigneeId().equals(person.id())) {
                throw new Refused("Handoff " + id + " is already yours.");
            }
            return lifecycle.takeOver(id, person.id(), current.assigneeId());
        });
    }

    public HandoffRecord transfer(long id, String actorId, String toStaffId, String note) {
        return transfer(id, actorId, false, toStaffId, note);
    }

    public HandoffRecord transfer(long id, String actorId, boolean asManager, String toStaffId, String note) {
        Person to = roster().byId(toStaffId == null ? "" : toStaffId).orElseThrow(() -> new Refused(
                "There is nobody called \"" + toStaffId + "\" on the roster (config/team.yaml) to transfer to."));
        HandoffRecord transferred = act(id, "transfer", () -> {
            HandoffRecord current = existing(id);
            claimantOnly(current, actorId, asManager, "transfer");
            if (current.assigneeId().equals(to.id()) && current.state() != HandoffState.RESOLVED) {
                throw new Refused("Handoff " + id + " is already with " + to.name() + ".");
            }
            return lifecycle.transfer(id, actor(actorId), to.id(), note);
        });
        for (WhenTransferred then : whenTransferred) {
            try {
                then.transferred(transferred, to, actorId.strip());
            } catch (RuntimeException e) {
                LOG.error("after transferring handoff {}: {}", id, e.toString(), e);
            }
        }
        return transferred;
    }

    /** Adds work that follows every transfer (see {@link WhenTransferred}); wired once at start-up. */
    public void whenTransferred(WhenTransferred then) {
        whenTransferred.add(then);
    }

    /** An internal note: for staff only, never shown to the customer. */
    public HandoffRecord note(long id, String actorId, String text) {
        String note = required(text, "Write something in the note first.");
        return act(id, "note", () -> {
            handoffs.note(id, actor(actorId), "note", note, clock.instant());
            return existing(id);
        });
    }

    /** @param outcome {@code solved}, {@code not_solvable} or {@code no_response} */
    public HandoffRecord resolve(long id, String actorId, String outcome, String note) {
        return resolve(id, actorId, false, outcome, note);
    }

    public HandoffRecord resolve(long id, String actorId, boolean asManager, String outcome, String note) {
        Outcome parsed;
        try {
            parsed = Outcome.fromWire(outcome == null ? "" : outcome.strip());
        } catch (IllegalArgumentException e) {
            throw new Refused("\"" + outcome + "\" is not an outcome: choose solved, not_solvable or no_response.");
        }
        HandoffRecord resolved = act(id, "resolve", () -> {
            claimantOnly(existing(id), actorId, asManager, "resolve");
            return lifecycle.resolve(id, actor(actorId), parsed, note);
        });
        for (WhenResolved then : whenResolved) {
            try {
                then.resolved(resolved, actorId.strip());
            } catch (RuntimeException e) {
                LOG.error("after resolving handoff {}: {}", id, e.toString(), e);
            }
        }
        return resolved;
    }

    /** Adds work that follows every resolve (see {@link WhenResolved}); wired once at start-up. */
    public void whenResolved(WhenResolved then) {
        whenResolved.add(then);
    }

    public HandoffRecord reopen(long id, String actorId, String note) {
        return act(id, "reopen", () -> lifecycle.reopen(id, actor(actorId), note));
    }

    /**
     * A person on the roster closes the handoff of the conversation in this Discord channel or thread
     * ({@code /resolve}); Baton may answer there again afterwards. Returns what to tell them.
     */
    public String resolveInDiscord(String channelId, String staffDiscordId, Outcome outcome) {
        Optional<Person> person = roster().byDiscordUserId(staffDiscordId);
        if (person.isEmpty()) {
            return "Only people on the team roster (config/team.yaml) can resolve a handoff.";
        }
        Optional<HandoffRecord> open = conversations.latestInThread(channelId)
                .or(() -> conversations.latestInChannelOrDm(channelId))
                .flatMap(c -> handoffs.openFor(c.id()));
        if (open.isEmpty()) {
            return "There is no open handoff in this conversation.";
        }
        try {
            resolve(open.get().id(), person.get().id(), outcome.wireName(), "resolved in Discord");
        } catch (Refused e) {
            return e.getMessage();
        }
        return "Resolved (" + outcome.wireName().replace('_', ' ') + "). Baton may answer here again.";
    }

    /**
     * Sends a reply to the customer as the acting person through {@code replies} (Discord, under their own
     * name), stored before it is sent like Baton's own messages, so a customer's quick answer is read after
     * it. A practice handoff's reply is stored and never sent.
     */
    public Replied reply(long id, String actorId, String text, StaffReplies replies) {
        return reply(id, actorId, false, text, replies);
    }

    public Replied reply(long id, String actorId, boolean asManager, String text, StaffReplies replies) {
        Person person = onRoster(actorId, "reply to a customer");
        String reply = required(text, "Write something to send first.");
        synchronized (lock(id)) {
            HandoffRecord handoff = existing(id);
            if (handoff.state() == HandoffState.RESOLVED) {
                throw new Refused("Handoff " + id + " is resolved; reopen it first to reply.");
            }
            claimantOnly(handoff, person.id(), asManager, "reply to");
            if (handoff.state() != HandoffState.CLAIMED) {
                claimForReply(id, person);
            }
            ConversationRecord conversation = conversations.conversation(handoff.conversationId()).orElseThrow();
            Instant at = clock.instant();
            long row = conversations.insert(new NewMessage(null, conversation.id(), conversation.replyChannelId(),
                    person.discordUserId(), person.name(), AuthorKind.STAFF, reply, List.of(), null, null, at))
                    .orElseThrow();
            conversations.touch(conversation.id(), at);
            if (conversation.practice()) {
                handoffs.note(id, person.id(), "replied", "stored: a practice handoff never reaches Discord",
                        clock.instant());
                return new Replied("stored", true, "This is a practice handoff: the reply is stored and never sent.");
            }
            Delivery delivery = send(replies, conversation, person, reply);
            if (delivery.delivered()) {
                conversations.confirmSent(row, delivery.discordId(), delivery.channelId(),
                        delivery.text() == null ? reply : delivery.text());
                String how = "via " + delivery.via() + (blank(delivery.detail()) ? "" : " (" + delivery.detail() + ")");
                handoffs.note(id, person.id(), "replied", how, clock.instant());
                metrics.replied(delivery.via());
                return new Replied(delivery.via(), true, blank(delivery.detail()) ? "" : delivery.detail());
            }
            // Not on Discord, so not in the transcript; the words are kept in the timeline so nothing is lost.
            conversations.forget(row);
            String reason = blank(delivery.detail()) ? "Discord did not take the reply." : delivery.detail();
            handoffs.note(id, person.id(), "reply_failed", reason + " Not sent: \"" + reply + "\"", clock.instant());
            metrics.replied("none");
            return new Replied("stored", false, reason);
        }
    }

    /** The handoff as it stands now; {@link Unknown} when there is none. */
    public HandoffRecord existing(long id) {
        return handoffs.handoff(id).orElseThrow(() -> new Unknown(id));
    }

    // ------------------------------------------------------------------------------------ inside

    private Roster roster() {
        return rules.get().roster();
    }

    /** See the class comment: whoever replies is the one on it. */
    private void claimForReply(long id, Person person) {
        try {
            lifecycle.claim(id, person.id());
        } catch (IllegalStateException e) {
            // Changed meanwhile from Discord (/resolve): a resolved handoff takes no reply, a claimed one may.
            if (existing(id).state() == HandoffState.RESOLVED) {
                throw new Refused("Handoff " + id + " was just resolved; reopen it first to reply.");
            }
        }
    }

    /** A claimed handoff is its claimant's: anyone else but a manager must take it over first. */
    private void claimantOnly(HandoffRecord handoff, String actorId, boolean asManager, String what) {
        if (asManager || handoff.state() != HandoffState.CLAIMED || actorId == null
                || handoff.assigneeId().equals(actorId.strip())) {
            return;
        }
        throw new Refused("Handoff " + handoff.id() + " is claimed by " + personName(handoff.assigneeId())
                + ": only they or a manager may " + what + " it. Take it over first.");
    }

    private Object lock(long id) {
        return locks.of(id);
    }

    /** Runs one state change, turning the store's refusal into words for the person who tried. */
    private HandoffRecord act(long id, String action, Supplier<HandoffRecord> change) {
        synchronized (lock(id)) {
            existing(id);
            try {
                return change.get();
            } catch (IllegalStateException e) {
                throw new Refused(refusal(action, existing(id)));
            }
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

    private String personName(String id) {
        return roster().byId(id).map(Person::name).orElse(id);
    }

    private Person onRoster(String actorId, String what) {
        return roster().byId(actorId == null ? "" : actorId).orElseThrow(() -> new Refused(
                "Only people on the roster (config/team.yaml) can " + what + "; \"" + actorId + "\" is not on it."));
    }

    private static String actor(String actorId) {
        if (blank(actorId)) {
            throw new Refused("Nobody is named as doing this.");
        }
        return actorId.strip();
    }

    private static String required(String text, String otherwise) {
        if (blank(text)) {
            throw new Refused(otherwise);
        }
        return text.strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Delivery send(StaffReplies replies, ConversationRecord conversation, Person person, String text) {
        try {
            Delivery delivery = replies.send(conversation, person, text);
            return delivery != null ? delivery : Delivery.failed("Discord gave no answer about the reply.");
        } catch (RuntimeException e) {
            return Delivery.failed("Sending to Discord failed: " + e.getMessage());
        }
    }
}
