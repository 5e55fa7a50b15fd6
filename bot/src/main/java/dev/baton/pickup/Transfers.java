package dev.baton.pickup;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.NoticeFacts;
import dev.baton.live.RulesInForce;
import dev.baton.pickup.PickupNotices.Posted;
import dev.baton.routing.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's transfer of a handoff to a colleague, made known in the conversation as a missed pickup's
 * re-route is: the customer is told who has it now (messages.yaml {@code transferred:}), the colleague is
 * mentioned so Discord notifies them, and added to the conversation's thread, since in a private thread a
 * mention alone does not let them in. The notice is kept in the transcript and the outcome in the handoff's
 * timeline ({@code notified} / {@code notify_failed}).
 *
 * <p>{@link #transferred} words and stores the notice at once, on the caller's thread, so it sits in the
 * transcript before anything the customer writes next; it posts on a thread of its own. A transfer comes from
 * the console, whose request would otherwise wait on Discord for the post and the thread membership (up to
 * {@link PickupNotices}' timeout each), and the person transferring needs no answer from Discord: the timeline
 * says what became of it. One thread, so two quick transfers of one handoff are told in the order made.
 *
 * <p>A practice handoff's notice is stored for the playground's transcript and never sent, and nobody is
 * notified, so no event row says anyone was. Wired once at start-up; closed before Discord.
 */
public final class Transfers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final HandoffStore handoffs;
    private final ConversationStore conversations;
    private final Supplier<RulesInForce> rules;
    private final PickupNotices notices;
    private final Saying saying;
    private final Clock clock;
    private final ExecutorService poster = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "baton-transfer-notices");
        thread.setDaemon(true);
        return thread;
    });

    public Transfers(HandoffStore handoffs, ConversationStore conversations, Supplier<RulesInForce> rules,
                     PickupNotices notices, Clock clock) {
        this.handoffs = handoffs;
        this.conversations = conversations;
        this.rules = rules;
        this.notices = notices;
        this.saying = new Saying(conversations);
        this.clock = clock;
    }

    /**
     * @param transferred the handoff as transferred
     * @param to          the person it is with now
     * @param actorId     roster id of whoever transferred it; named in the timeline, never to the customer
     */
    public void transferred(HandoffRecord transferred, Person to, String actorId) {
        Optional<ConversationRecord> found = conversations.conversation(transferred.conversationId());
        if (found.isEmpty()) {
            return; // a handoff always has its conversation; nothing to tell anyone without one
        }
        ConversationRecord conversation = found.get();
        Instant at = clock.instant();
        RulesInForce now = rules.get();
        String text = notice(transferred, to, now, at);
        long row = saying.stored(conversation, text, at);
        if (conversation.practice()) {
            return; // kept for the playground's transcript, as a re-route's is; nothing to post, nobody to notify
        }
        Telling telling = new Telling(transferred, conversation, to,
                now.roster().byId(actorId).map(Person::name).orElse(actorId), row, text);
        try {
            poster.execute(telling);
        } catch (RejectedExecutionException e) {
            telling.dropped();
        }
    }

    /** One notice on its way: posted on the poster's thread, or dropped when Baton stops first. */
    private final class Telling implements Runnable {

        private final HandoffRecord transferred;
        private final ConversationRecord conversation;
        private final Person to;
        private final String by;
        private final long row;
        private final String text;

        Telling(HandoffRecord transferred, ConversationRecord conversation, Person to, String by, long row,
                String text) {
            this.transferred = transferred;
            this.conversation = conversation;
            this.to = to;
            this.by = by;
            this.row = row;
            this.text = text;
        }

        @Override
        public void run() {
            try {
                notified(saying.sent(conversation, row, text, () -> notices.reroute(conversation, to, text)));
            } catch (RuntimeException e) {
                LOG.error("telling the transfer of handoff {} failed", transferred.id(), e);
            }
        }

        /** Never said, so out of the transcript, and the timeline says why. */
        void dropped() {
            LOG.warn("the transfer of handoff {} was not told in Discord: Baton is stopping", transferred.id());
            try {
                saying.withdrawn(row);
                notified(Posted.failed("not posted: Baton was stopping"));
            } catch (RuntimeException e) {
                LOG.error("recording the untold transfer of handoff {} failed", transferred.id(), e);
            }
        }

        private void notified(Posted posted) {
            handoffs.note(transferred.id(), HandoffEvent.BATON, posted.delivered() ? "notified" : "notify_failed",
                    "told the customer " + to.name() + " has it now (transferred by " + by + "); "
                            + Saying.outcome(posted), clock.instant());
        }
    }

    /** The wording for the handoff's main reason, about {@code to} as of now, mentioning them so they are pinged. */
    private static String notice(HandoffRecord transferred, Person to, RulesInForce now, Instant at) {
        boolean onShift = to.hours().isOnShift(at);
        // Person guarantees at least one shift, so a next start always exists.
        Instant availableAt = onShift ? at : to.hours().nextShiftStart(at).orElseThrow();
        NoticeFacts facts = new NoticeFacts(to.name(), to.team(), StepTaker.mention(to), onShift,
                now.roster().typicalPickup(), ZonedDateTime.ofInstant(availableAt, to.hours().zone()),
                ZonedDateTime.ofInstant(at, to.hours().zone()));
        String notice = now.wording().transferred(StepTaker.primary(transferred), facts);
        String mention = StepTaker.mention(to);
        return notice.contains(mention) ? notice : notice + "\n" + mention;
    }

    /** Waits a while for the notices on their way; any still queued then are recorded as not told. */
    @Override
    public void close() {
        poster.shutdown();
        try {
            if (!poster.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                stopNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopNow();
        }
    }

    private void stopNow() {
        for (Runnable queued : poster.shutdownNow()) {
            if (queued instanceof Telling telling) {
                telling.dropped();
            }
        }
    }
}
