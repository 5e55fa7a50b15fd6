package dev.baton.aftercare;

import dev.baton.aftercare.AfterCareNotices.Posted;
import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.handoff.AfterCareWording;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.live.RulesInForce;
import dev.baton.metrics.BatonMetrics;
import dev.baton.routing.Person;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After-care: when a person resolves a handoff, the customer gets one short message in the conversation,
 * from Baton on the person's behalf ("Alex marked this as sorted. Did this help?") with 👍 / 👎 buttons and
 * room for a one-line comment; or a kind closing line without buttons; or nothing
 * ({@link AfterCarePolicy}, from rules.yaml's {@code aftercare:}). One answer per customer per handoff, taken
 * until the buttons expire. The words come from messages.yaml's {@code aftercare:}, read per use, so a reload
 * applies at once.
 *
 * <p>Choosing and storing happen as the resolve returns ({@link #ask}); posting happens on
 * {@link Asking}'s own thread, so {@code /resolve} is still acknowledged within Discord's three seconds.
 */
public final class AfterCare {

    /** One line, as the comment box allows. */
    public static final int MAX_COMMENT = 200;
    private static final Logger LOG = LoggerFactory.getLogger(AfterCare.class);
    private static final String BATON_NAME = "Baton";

    /** What the customer is told after a click: the answer was taken, or why not. */
    public sealed interface Reply {
        String words();

        record Recorded(String words) implements Reply {
        }

        record AlreadyAnswered(String words) implements Reply {
        }

        record Expired(String words) implements Reply {
        }

        record NotYours(String words) implements Reply {
        }

        /** No question with buttons for that handoff (a stale or foreign button). */
        record Unknown(String words) implements Reply {
        }
    }

    /** What to post for a resolved handoff, already stored as asked. */
    public record Prompt(Asked asked, ConversationRecord conversation, String text) {
    }

    private final AfterCareStore store;
    private final HandoffStore handoffs;
    private final ConversationStore conversations;
    private final Supplier<RulesInForce> rules;
    private final BatonMetrics metrics;
    private final Clock clock;

    public AfterCare(HandoffStore handoffs, ConversationStore conversations, Supplier<RulesInForce> rules,
                     BatonMetrics metrics, Clock clock) {
        this.store = new AfterCareStore(handoffs, conversations.database());
        this.handoffs = handoffs;
        this.conversations = conversations;
        this.rules = rules;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Asks after every resolve through {@code notices}, on a thread of its own; see {@link Asking}. */
    public Asking asking(AfterCareNotices notices) {
        return new Asking(this, notices);
    }

    /**
     * Chooses what to post for {@code resolved} and stores it as asked ({@code aftercare_asked}); empty, with
     * an {@code aftercare_not_sent} event saying why, when nothing is to be posted.
     *
     * @param actorId roster id of whoever resolved it, named in the message
     */
    public Optional<Prompt> ask(HandoffRecord resolved, String actorId) {
        Instant at = clock.instant();
        ConversationRecord conversation = conversations.conversation(resolved.conversationId()).orElseThrow();
        List<String> reasons = handoffs.packet(resolved.id()).map(HandoffPacket::reasons).orElse(List.of());
        RulesInForce now = rules.get();
        Choice choice = AfterCarePolicy.choose(resolved.reason(), reasons, conversation.practice(),
                now.book().aftercare());
        if (choice instanceof Choice.Nothing nothing) {
            store.notSent(resolved.id(), nothing.why(), at);
            return Optional.empty();
        }
        Kind kind = ((Choice.Post) choice).kind();
        Asked asked = new Asked(resolved.id(), conversation.id(), conversation.customerId(), actorId, kind, at,
                at.plus(now.book().aftercare().expiresAfter()), null, null, null, "");
        if (!store.ask(asked)) {
            store.notSent(resolved.id(), "Baton asks once per handoff, and it already did when it was resolved"
                    + " before", at);
            return Optional.empty();
        }
        AfterCareWording wording = now.wording().afterCare();
        String person = name(actorId);
        return Optional.of(new Prompt(asked, conversation,
                kind == Kind.RATING ? wording.ask(person) : wording.closingLine(person)));
    }

    /**
     * Posts {@code prompt} through {@code notices}: stored in the transcript before it is sent, like all Baton
     * says, and the message id kept for the buttons; a failure is an {@code aftercare_not_sent} event.
     */
    void post(Prompt prompt, AfterCareNotices notices) {
        ConversationRecord conversation = prompt.conversation();
        long handoffId = prompt.asked().handoffId();
        Instant at = clock.instant();
        long row = conversations.insert(new NewMessage(null, conversation.id(), conversation.replyChannelId(),
                HandoffEvent.BATON, BATON_NAME, AuthorKind.BOT, prompt.text(), List.of(), null, null, at)).orElseThrow();
        conversations.touch(conversation.id(), at);
        Posted posted;
        try {
            posted = prompt.asked().kind() == Kind.RATING ? notices.ask(conversation, handoffId, prompt.text())
                    : notices.close(conversation, prompt.text());
        } catch (RuntimeException e) {
            LOG.error("posting after-care for handoff {} failed", handoffId, e);
            posted = Posted.failed("not posted: " + e);
        }
        if (posted == null) {
            posted = Posted.failed("not posted: Discord gave no answer");
        }
        if (posted.delivered()) {
            conversations.confirmSent(row, posted.discordId(), posted.channelId(), prompt.text());
            store.posted(handoffId, posted.discordId());
        } else {
            conversations.forget(row);
            store.notSent(handoffId, posted.detail(), clock.instant());
        }
    }

    /** The prompt was stored as asked but will not be posted (Baton is stopping). */
    void notPosted(long handoffId, String why) {
        store.notSent(handoffId, why, clock.instant());
    }

    /** The customer's 👍 or 👎: taken once, from the customer who was asked, before the buttons expire. */
    public Reply answer(long handoffId, String discordUserId, Verdict verdict) {
        AfterCareStore.Judged judged = store.answer(handoffId, discordUserId, verdict, clock.instant());
        AfterCareWording wording = rules.get().wording().afterCare();
        if (judged.refusal().isPresent()) {
            return refused(judged, wording);
        }
        metrics.csat(verdict.wireName());
        return new Reply.Recorded(words(verdict == Verdict.UP ? wording.thanksUp() : wording.thanksDown(), judged));
    }

    /**
     * The optional one-line comment after an answer: one per handoff, at most {@link #MAX_COMMENT} characters
     * on one line. An empty one is thanked for and not stored.
     */
    public Reply comment(long handoffId, String discordUserId, String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        line = line.length() <= MAX_COMMENT ? line : line.substring(0, MAX_COMMENT);
        AfterCareWording wording = rules.get().wording().afterCare();
        if (line.isEmpty()) {
            return new Reply.Recorded(AfterCareWording.fill(wording.thanksUp(), name(null)));
        }
        AfterCareStore.Judged judged = store.comment(handoffId, discordUserId, line, clock.instant());
        return judged.refusal().isPresent() ? refused(judged, wording)
                : new Reply.Recorded(words(wording.commentSaved(), judged));
    }

    /** Why {@code discordUserId} may not open the comment box now; empty when they may. */
    public Optional<Reply> refuseComment(long handoffId, String discordUserId) {
        Optional<Asked> asked = store.find(handoffId);
        Optional<Asked.Refusal> refusal = asked.isEmpty() ? Optional.of(Asked.Refusal.UNKNOWN)
                : asked.get().refuseComment(discordUserId, clock.instant());
        return refusal.map(r -> refused(new AfterCareStore.Judged(Optional.of(r), asked),
                rules.get().wording().afterCare()));
    }

    /** The question as stored, with its answer and comment; empty when none was asked for that handoff. */
    public Optional<Asked> asked(long handoffId) {
        return store.find(handoffId);
    }

    private Reply refused(AfterCareStore.Judged judged, AfterCareWording wording) {
        return switch (judged.refusal().orElseThrow()) {
            case UNKNOWN -> new Reply.Unknown(words(wording.expired(), judged));
            case NOT_YOURS -> new Reply.NotYours(words(wording.notYours(), judged));
            case ALREADY_ANSWERED -> new Reply.AlreadyAnswered(words(wording.alreadyAnswered(), judged));
            case EXPIRED -> new Reply.Expired(words(wording.expired(), judged));
        };
    }

    private String words(String text, AfterCareStore.Judged judged) {
        return AfterCareWording.fill(text, name(judged.asked().map(Asked::resolvedBy).orElse(null)));
    }

    /** The person's name as the roster has it now; their id when they have left it. */
    private String name(String rosterId) {
        if (rosterId == null) {
            return "the team";
        }
        return rules.get().roster().byId(rosterId).map(Person::name).orElse(rosterId);
    }
}
