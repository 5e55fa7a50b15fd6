package dev.baton.pickup;

import dev.baton.conversation.ConversationStore;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.pickup.PickupSteps.Due;
import dev.baton.routing.Person;
import dev.baton.routing.Roster;
import dev.baton.live.RulesInForce;
import dev.baton.rules.Deadlines;
import dev.baton.rules.RuleBook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps pickup deadlines: every {@link #EVERY} it looks at each handoff nobody has picked up and takes
 * the step that is due (see {@link PickupSteps}): reminds the person, re-routes to the next eligible
 * person, or calls in a role. Each step writes its event row whether or not Discord took the post, and
 * what Baton tells the customer is stored in the transcript before it is sent, so the console shows it.
 * Practice handoffs go through the same steps, stored and never sent.
 *
 * <p>The rules, roster and wording are read once per tick through a supplier, so a reload applies from
 * the next tick. A tick never throws: a handoff whose step fails is logged and tried again next tick.
 *
 * <p>With several Batons on one database, only the one that {@code leads} takes the steps: the others'
 * timed ticks do nothing. Should two ever tick at once (a leader that has not yet noticed it lost its
 * hold), a step is only taken when nothing was written to the handoff since it was read.
 */
public final class PickupWatch implements AutoCloseable {

    /** How often deadlines are checked: well inside the shortest deadline anyone would configure. */
    public static final Duration EVERY = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(PickupWatch.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** A step a tick took, for the log and for tests. */
    public record Taken(long handoffId, Step step, String detail) {
    }

    private final HandoffStore handoffs;
    private final PickupStore store;
    private final StepTaker steps;
    private final Supplier<RulesInForce> rules;
    private final Clock clock;
    private final BooleanSupplier leads;
    private ScheduledExecutorService scheduler;

    /** For a Baton on its own, which always runs its deadlines. */
    public PickupWatch(HandoffStore handoffs, ConversationStore conversations, Supplier<RulesInForce> rules,
                       PickupNotices notices, Clock clock) {
        this(handoffs, conversations, rules, notices, clock, () -> true);
    }

    /** @param leads whether this instance runs the deadlines now, asked before each timed tick */
    public PickupWatch(HandoffStore handoffs, ConversationStore conversations, Supplier<RulesInForce> rules,
                       PickupNotices notices, Clock clock, BooleanSupplier leads) {
        this.leads = leads;
        this.handoffs = handoffs;
        this.store = new PickupStore(handoffs, conversations.database());
        this.steps = new StepTaker(handoffs, conversations, notices, clock);
        this.rules = rules;
        this.clock = clock;
    }

    /** Checks deadlines every {@link #EVERY} on a thread of its own until {@link #close()}. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("the pickup watch is already running");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "baton-pickup-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tickIfLeading, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.shutdownNow();
        }
    }

    /**
     * The timed tick: {@link #tick()} when this instance leads, else nothing. A scheduled task that throws is
     * never run again, so nothing may escape.
     */
    public List<Taken> tickIfLeading() {
        try {
            return leads.getAsBoolean() ? tick(leads) : List.of();
        } catch (Throwable e) {
            LOG.error("checking pickup deadlines failed; trying again in {} s", EVERY.toSeconds(), e);
            return List.of();
        }
    }

    /** Takes every step due now, oldest handoff first; returns what it did. */
    public List<Taken> tick() {
        return tick(() -> true);
    }

    /**
     * As {@link #tick()}, asking {@code stillLeads} before each handoff that has a step due: a tick may take
     * a while (it posts to Discord), and an instance that lost the jobs meanwhile stops there rather than
     * working beside the one that took them over.
     */
    private synchronized List<Taken> tick(BooleanSupplier stillLeads) {
        RulesInForce now = rules.get();
        if (!hasDeadlines(now.book())) {
            return List.of(); // the usual case without a rules.yaml: nothing to read
        }
        Instant at = clock.instant();
        List<Taken> taken = new ArrayList<>();
        for (Waiting waiting : store.waiting(discordId -> rosterId(now.roster(), discordId))) {
            Deadlines deadlines = PickupSteps.deadlines(now.book(), waiting.handoff());
            if (deadlines.equals(Deadlines.NONE) || PickupSteps.next(waiting, deadlines, at).isEmpty()) {
                continue;
            }
            if (!stillLeads.getAsBoolean()) {
                LOG.info("another Baton runs the pickup deadlines now; this one stops its tick here");
                break;
            }
            try {
                catchUp(waiting, deadlines, now, at, taken);
            } catch (RuntimeException e) {
                LOG.error("pickup deadlines of handoff {} failed; trying again next tick", waiting.handoff().id(), e);
            }
        }
        return taken;
    }

    private static boolean hasDeadlines(RuleBook book) {
        return book.deadlines().values().stream().anyMatch(d -> !d.equals(Deadlines.NONE))
                || book.routes().stream().anyMatch(r -> r.deadlines() != null && !r.deadlines().equals(Deadlines.NONE))
                || (book.fallback().deadlines() != null && !book.fallback().deadlines().equals(Deadlines.NONE));
    }

    /** Every step due, in order: after downtime a reminder, re-route and escalation may all be overdue. */
    private void catchUp(Waiting waiting, Deadlines deadlines, RulesInForce now, Instant at, List<Taken> taken) {
        Waiting current = waiting;
        for (int turn = 0; turn < Step.values().length; turn++) {
            Optional<Due> due = PickupSteps.next(current, deadlines, at);
            if (due.isEmpty()) {
                return;
            }
            Optional<Taken> step = steps.take(current, due.get(), deadlines, now, at);
            if (step.isEmpty()) {
                return;
            }
            taken.add(step.get());
            LOG.info("handoff {}: {}", step.get().handoffId(), step.get().detail());
            Optional<HandoffRecord> reread = handoffs.handoff(current.handoff().id());
            if (reread.isEmpty()) {
                return;
            }
            current = new Waiting(reread.get(), current.reasons(), current.practice(),
                    handoffs.events(current.handoff().id()), current.lastWritten());
        }
    }

    private static String rosterId(Roster roster, String discordUserId) {
        return roster.byDiscordUserId(discordUserId).map(Person::id).orElse(discordUserId);
    }

}
