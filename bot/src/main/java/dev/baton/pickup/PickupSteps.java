package dev.baton.pickup;

import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffState;
import dev.baton.routing.Pool;
import dev.baton.rules.Deadlines;
import dev.baton.rules.Priority;
import dev.baton.rules.Route;
import dev.baton.rules.RuleBook;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which pickup step is due for a handoff, if any. Pure: it reads only its arguments, so the same
 * answer comes from a tick, a test or a replay.
 *
 * <p>A handoff <em>waits for pickup</em> while it is {@code waiting} or {@code transferred} and nobody
 * has picked it up since the wait began: no claim, and no message from a person in the conversation,
 * in Discord or from the console. A wait begins when the handoff is created, when it is reopened, and
 * when a person transfers it; Baton's own re-route does not begin a new wait (it is a step of the
 * wait in progress, and the escalation still follows on the same clock).
 *
 * <p>Deadlines count from:
 * <ul>
 *   <li>creation: the handoff's {@code dueFrom}, which is the start of the person's next shift when
 *       they were away (nobody can be late for a shift that has not begun), except for urgent
 *       handoffs, which count from creation whatever the shift;</li>
 *   <li>a reopen or a transfer: that moment. The customer is waiting now; if the person it went to is
 *       away, re-routing to someone who is working is exactly what should happen.</li>
 * </ul>
 *
 * <p>Each step happens once per wait, in the order of its deadline (remind, re-route, escalate when
 * the deadlines are in that order, as they usually are). A step is done when its event row exists
 * after the wait began, so a restart never repeats one; a step whose time passed while Baton was
 * down comes up on the next tick, and the ones after it on the ticks (or loop turns) after that.
 */
public final class PickupSteps {

    /** Event kinds that begin a new wait for pickup. */
    static final Set<String> WAIT_STARTS = Set.of("created", "reopened", "transferred");
    /** Event kinds that show a person picked it up (a console reply claims, but a claim can race). */
    static final Set<String> PICKUPS = Set.of("claimed", "replied", "reply_failed");
    /** How {@code HandoffLifecycle.transfer} and Baton's re-route name the new person: "to sam" or "to sam: why". */
    private static final Pattern TO = Pattern.compile("^to ([a-z0-9][a-z0-9_-]*)(?::|$)");

    private PickupSteps() {
    }

    /**
     * The wait in progress.
     *
     * @param start        the event that began it; null for a handoff without events (not written by Baton)
     * @param since        when it began: the customer has waited since then
     * @param countingFrom when its deadlines start counting
     * @param handedOverBy who began it by passing the handoff on (a transfer), whose own messages to the
     *                     customer ("Sam will take it from here") are a handover, not a pickup; null otherwise
     */
    public record Wait(HandoffEvent start, Instant since, Instant countingFrom, String handedOverBy) {
    }

    /**
     * A step that is due.
     *
     * @param after the deadline that passed, counted from {@code countingFrom}
     * @param dueAt when it became due
     */
    public record Due(Step step, Duration after, Instant countingFrom, Instant dueAt) {
    }

    /** The wait for pickup in progress; empty when the handoff is claimed, resolved or picked up. */
    public static Optional<Wait> currentWait(Waiting waiting) {
        HandoffRecord handoff = waiting.handoff();
        if (handoff.state() != HandoffState.WAITING && handoff.state() != HandoffState.TRANSFERRED) {
            return Optional.empty();
        }
        int startIndex = startIndex(waiting.events());
        HandoffEvent start = startIndex < 0 ? null : waiting.events().get(startIndex);
        Wait wait = start == null || start.kind().equals("created")
                ? new Wait(start, handoff.createdAt(),
                        handoff.priority() == Priority.URGENT ? handoff.createdAt() : handoff.dueFrom(), null)
                : new Wait(start, start.at(), start.at(), start.kind().equals("transferred") ? start.actor() : null);
        boolean pickedUpInTimeline = after(waiting.events(), startIndex).stream()
                .anyMatch(e -> PICKUPS.contains(e.kind()) && !e.actor().equals(wait.handedOverBy()));
        boolean someoneWrote = waiting.lastWritten().entrySet().stream()
                .anyMatch(w -> !w.getKey().equals(wait.handedOverBy()) && !w.getValue().isBefore(wait.since()));
        return pickedUpInTimeline || someoneWrote ? Optional.empty() : Optional.of(wait);
    }

    /** The next step due at {@code now}, if any (see the class comment). */
    public static Optional<Due> next(Waiting waiting, Deadlines deadlines, Instant now) {
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(now, "now");
        Optional<Wait> wait = currentWait(waiting);
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        Set<String> done = after(waiting.events(), startIndex(waiting.events())).stream().map(HandoffEvent::kind)
                .collect(Collectors.toSet());
        Instant countingFrom = wait.get().countingFrom();
        return List.of(Step.values()).stream()
                .filter(step -> step.after(deadlines) != null)
                .filter(step -> step.doneKinds().stream().noneMatch(done::contains))
                .min(Comparator.comparing((Step step) -> step.after(deadlines)).thenComparing(Step::ordinal))
                .map(step -> new Due(step, step.after(deadlines), countingFrom, countingFrom.plus(step.after(deadlines))))
                .filter(due -> !due.dueAt().isAfter(now));
    }

    /**
     * The deadlines for a handoff under {@code book}: its rule's own, else those of the priority it was
     * given (stored with it, and shown to staff as such). A rule since deleted or renamed has none of
     * its own, so the priority's apply.
     */
    public static Deadlines deadlines(RuleBook book, HandoffRecord handoff) {
        return route(book, handoff.rule()).map(Route::deadlines)
                .orElseGet(() -> book.deadlines().getOrDefault(handoff.priority(), Deadlines.NONE));
    }

    /**
     * Whom a re-route may choose from: the rule's team or person (the router widens to everyone else
     * when nobody there can take it). A rule that no longer exists cannot say, so anyone eligible may.
     */
    public static Pool pool(RuleBook book, HandoffRecord handoff) {
        return route(book, handoff.rule()).map(route -> route.target().pool()).orElse(Pool.everyone());
    }

    /** The route named {@code rule} in {@code book}: one of its routes, or its default route. */
    public static Optional<Route> route(RuleBook book, String rule) {
        return book.routes().stream().filter(r -> r.name().equals(rule)).findFirst()
                .or(() -> book.fallback().name().equals(rule) ? Optional.of(book.fallback()) : Optional.empty());
    }

    /**
     * Everyone the handoff has been with: the person it was first routed to, everyone it was transferred
     * or re-routed to, and the person it is with now. A re-route never goes back to any of them.
     */
    public static Set<String> assignedSoFar(Waiting waiting, String firstAssignee) {
        Set<String> ids = new LinkedHashSet<>();
        if (firstAssignee != null) {
            ids.add(firstAssignee);
        }
        for (HandoffEvent event : waiting.events()) {
            if (event.kind().equals("transferred") || event.kind().equals(Step.REROUTE.eventKind())) {
                Matcher to = TO.matcher(event.detail());
                if (to.find()) {
                    ids.add(to.group(1));
                }
            }
        }
        ids.add(waiting.handoff().assigneeId());
        return ids;
    }

    /** The detail of a re-route event, in the same "to &lt;id&gt;: …" form as a person's transfer. */
    static String rerouteDetail(String toPersonId, String why) {
        return "to " + toPersonId + ": " + why;
    }

    /** The index of the event that began the wait in progress; -1 when there is none. */
    private static int startIndex(List<HandoffEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (WAIT_STARTS.contains(events.get(i).kind())) {
                return i;
            }
        }
        return -1;
    }

    private static List<HandoffEvent> after(List<HandoffEvent> events, int index) {
        return events.subList(index + 1, events.size());
    }
}
