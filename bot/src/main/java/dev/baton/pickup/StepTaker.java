package dev.baton.pickup;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffState;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffStore.Move;
import dev.baton.handoff.NoticeFacts;
import dev.baton.pickup.PickupNotices.Posted;
import dev.baton.pickup.PickupSteps.Due;
import dev.baton.live.RulesInForce;
import dev.baton.routing.Person;
import dev.baton.routing.Pool;
import dev.baton.routing.Roster;
import dev.baton.routing.Router;
import dev.baton.routing.Routing;
import dev.baton.routing.RoutingRequest;
import dev.baton.routing.Workload;
import dev.baton.rules.Deadlines;
import dev.baton.rules.Route;
import dev.baton.text.Words;
import dev.baton.triage.CueKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Takes one pickup step that is due: reminds, re-routes or escalates, writing its event rows, storing
 * what Baton says in the transcript before it is sent, and sending it through {@link PickupNotices}.
 * Refuses (empty) when a person changed the handoff since it was read, so a claim always wins.
 */
final class StepTaker {

    private static final String BATON = HandoffEvent.BATON;

    private final HandoffStore handoffs;
    private final ConversationStore conversations;
    private final PickupNotices notices;
    private final Saying saying;
    private final Clock clock;

    StepTaker(HandoffStore handoffs, ConversationStore conversations, PickupNotices notices, Clock clock) {
        this.handoffs = handoffs;
        this.conversations = conversations;
        this.notices = notices;
        this.saying = new Saying(conversations);
        this.clock = clock;
    }

    /** Empty when someone changed the handoff since it was read: the next tick decides again. */
    Optional<PickupWatch.Taken> take(Waiting waiting, Due due, Deadlines deadlines, RulesInForce now, Instant at) {
        HandoffRecord handoff = waiting.handoff();
        if (!handoffs.handoff(handoff.id()).filter(unchanged(handoff)).isPresent()
                || !lastEventId(handoffs.events(handoff.id())).equals(lastEventId(waiting.events()))) {
            // A reminder or escalation changes no state, only adds an event: a new event means another
            // tick (another instance's) may have just taken this very step.
            return Optional.empty();
        }
        ConversationRecord conversation = conversations.conversation(handoff.conversationId()).orElseThrow();
        Step step = due.step();
        String late = "after " + PickupWords.written(due.after()) + " (the " + step.ruleKey() + " deadline; rule \""
                + handoff.rule() + "\", " + handoff.priority().wireName() + " priority)";
        return switch (step) {
            case REMIND -> Optional.of(remind(waiting, conversation, late, now, at));
            case REROUTE -> reroute(waiting, conversation, late, now, at);
            case ESCALATE -> Optional.of(escalate(waiting, conversation, deadlines, late, now, at));
        };
    }

    // ------------------------------------------------------------------------------------- remind

    private PickupWatch.Taken remind(Waiting waiting, ConversationRecord conversation, String late, RulesInForce now, Instant at) {
        HandoffRecord handoff = waiting.handoff();
        Optional<Person> person = now.roster().byId(handoff.assigneeId());
        String detail;
        if (person.isEmpty()) {
            detail = "nobody to remind " + late + ": " + handoff.assigneeId() + " is no longer on the roster"
                    + " (config/team.yaml)";
        } else {
            String waited = PickupWords.waited(Duration.between(since(waiting), at));
            String text = mention(person.get()) + " a reminder: " + customerName(conversation) + " has been waiting "
                    + waited + " for someone to pick this up (handoff #" + handoff.id() + "). Reply here or claim it"
                    + " in the console.";
            Posted posted = say(conversation, text, at, () -> notices.remind(conversation, person.get(), text));
            detail = "reminded " + person.get().name() + " " + late + "; " + outcome(posted);
        }
        handoffs.note(handoff.id(), BATON, Step.REMIND.eventKind(), detail, at);
        return new PickupWatch.Taken(handoff.id(), Step.REMIND, detail);
    }

    // ------------------------------------------------------------------------------------ reroute

    private Optional<PickupWatch.Taken> reroute(Waiting waiting, ConversationRecord conversation, String late, RulesInForce now,
                                    Instant at) {
        HandoffRecord handoff = waiting.handoff();
        HandoffPacket packet = handoffs.packet(handoff.id()).orElseThrow();
        Set<String> tried = PickupSteps.assignedSoFar(waiting, packet.assignment().personId());
        Pool pool = PickupSteps.pool(now.book(), handoff).without(tried);
        RoutingRequest request = RoutingRequest.forHandoff(topics(packet, now, handoff.rule()), cues(waiting.reasons()));
        Routing routing = Router.route(request, now.roster(), new Workload(handoffs.openCounts(),
                handoffs.lastRoutedAt(now.roster().ids())), at, pool);
        String from = name(now.roster(), handoff.assigneeId());
        if (tried.contains(routing.person().id())) {
            // The router ignores "already tried" only when that leaves nobody eligible at all.
            String detail = "nobody else can take it " + late + ": " + tried.stream().map(id -> name(now.roster(), id))
                    .collect(Collectors.joining(", ")) + " already had it; it stays with " + from;
            handoffs.note(handoff.id(), BATON, Step.NOT_REROUTED, detail, at);
            return Optional.of(new PickupWatch.Taken(handoff.id(), Step.REROUTE, detail));
        }
        Person to = routing.person();
        String why = from + " did not pick it up " + late + "; " + routing.why();
        Optional<HandoffRecord> moved = handoffs.moveIf(handoff.id(), unchanged(handoff), new Move(
                HandoffState.TRANSFERRED, BATON, Step.REROUTE.eventKind(), PickupSteps.rerouteDetail(to.id(), why),
                to.id(), null, null), at);
        if (moved.isEmpty()) {
            return Optional.empty();
        }
        NoticeFacts facts = new NoticeFacts(to.name(), to.team(), mention(to), routing.onShift(),
                now.roster().typicalPickup(), ZonedDateTime.ofInstant(routing.availableAt(), to.hours().zone()),
                ZonedDateTime.ofInstant(at, to.hours().zone()));
        String notice = now.wording().rerouted(primary(handoff), facts);
        // The new person is pinged so Discord notifies them; the wording may already mention them.
        String text = notice.contains(mention(to)) ? notice : notice + "\n" + mention(to);
        Posted posted = say(conversation, text, at, () -> notices.reroute(conversation, to, text));
        if (!conversation.practice()) { // as for a practice handoff itself: nobody was to be notified
            handoffs.note(handoff.id(), BATON, posted.delivered() ? "notified" : "notify_failed",
                    "told the customer " + to.name() + " is picking this up instead; " + outcome(posted),
                    clock.instant());
        }
        return Optional.of(new PickupWatch.Taken(handoff.id(), Step.REROUTE, "re-routed from " + from + " to " + to.name() + " "
                + late + "; " + outcome(posted)));
    }

    /**
     * The subject, for the router's topic match, from what is stored: the rule's {@code topic:} condition
     * and roster topics the customer named, as the desk found them at handoff time.
     */
    private static Set<String> topics(HandoffPacket packet, RulesInForce now, String rule) {
        Set<String> topics = new LinkedHashSet<>();
        PickupSteps.route(now.book(), rule).map(Route::when).ifPresent(when -> topics.addAll(when.topics()));
        Set<String> said = new HashSet<>();
        packet.transcript().stream().filter(line -> AuthorKind.CUSTOMER.wireName().equals(line.author()))
                .forEach(line -> said.addAll(Words.words(line.text())));
        now.roster().people().forEach(p -> p.topics().stream().filter(said::contains).forEach(topics::add));
        return topics;
    }

    private static List<CueKind> cues(List<String> reasons) {
        List<CueKind> cues = new ArrayList<>();
        for (String reason : reasons) {
            try {
                cues.add(CueKind.fromWire(reason));
            } catch (IllegalArgumentException retired) {
                // A cue from an older version: it cannot make a re-route more or less sensitive.
            }
        }
        return cues;
    }

    // ----------------------------------------------------------------------------------- escalate

    private PickupWatch.Taken escalate(Waiting waiting, ConversationRecord conversation, Deadlines deadlines, String late,
                           RulesInForce now, Instant at) {
        HandoffRecord handoff = waiting.handoff();
        String roleId = deadlines.escalateRoleId();
        String holder = name(now.roster(), handoff.assigneeId());
        Optional<Person> person = now.roster().byId(handoff.assigneeId());
        // Not about anyone's shift (the escalation wording has no {when}), so "on shift" and UTC are placeholders.
        NoticeFacts facts = new NoticeFacts(holder, person.map(Person::team).orElse(null),
                person.map(StepTaker::mention).orElse(null), true, now.roster().typicalPickup(), null,
                ZonedDateTime.ofInstant(at, ZoneOffset.UTC));
        String forCustomer = now.wording().escalated(primary(handoff), facts);
        String forStaff = "<@&" + roleId + "> handoff #" + handoff.id() + " has waited "
                + PickupWords.waited(Duration.between(since(waiting), at)) + " and nobody has picked it up yet (it is"
                + " with " + holder + "). Can one of you help?";
        String text = forCustomer + "\n\n" + forStaff;
        Posted posted = say(conversation, text, at, () -> notices.escalate(conversation, roleId, forCustomer, forStaff));
        String detail = "called in role " + roleId + " " + late + "; " + outcome(posted);
        handoffs.note(handoff.id(), BATON, Step.ESCALATE.eventKind(), detail, at);
        return new PickupWatch.Taken(handoff.id(), Step.ESCALATE, detail);
    }

    // ------------------------------------------------------------------------------------- saying

    /**
     * Stores {@code text} as Baton's message before it is sent (see {@link Saying}). A practice conversation
     * keeps it and sends nothing.
     */
    private Posted say(ConversationRecord conversation, String text, Instant at, Supplier<Posted> send) {
        long row = saying.stored(conversation, text, at);
        if (conversation.practice()) {
            return new Posted(false, null, null, text, "a practice handoff: stored, never sent to Discord");
        }
        return saying.sent(conversation, row, text, send);
    }

    private static String outcome(Posted posted) {
        return Saying.outcome(posted);
    }

    // ------------------------------------------------------------------------------------ helpers

    /** The handoff is still as it was read: nobody claimed, transferred, resolved or re-routed it since. */
    private static Predicate<HandoffRecord> unchanged(HandoffRecord read) {
        return current -> current.state() == read.state() && current.assigneeId().equals(read.assigneeId())
                && current.updatedAt().equals(read.updatedAt());
    }

    private static Optional<Long> lastEventId(List<HandoffEvent> events) {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1).id());
    }

    private static Instant since(Waiting waiting) {
        return PickupSteps.currentWait(waiting).map(PickupSteps.Wait::since).orElse(waiting.handoff().createdAt());
    }

    static CueKind primary(HandoffRecord handoff) {
        try {
            return CueKind.fromWire(handoff.reason());
        } catch (IllegalArgumentException retired) {
            return CueKind.OUT_OF_SCOPE; // the default wording
        }
    }

    private String customerName(ConversationRecord conversation) {
        return conversations.customer(conversation.customerId()).map(ConversationStore.Customer::name)
                .orElse("The customer");
    }

    static String mention(Person person) {
        return "<@" + person.discordUserId() + ">";
    }

    private static String name(Roster roster, String id) {
        return roster.byId(id).map(Person::name).orElse(id);
    }
}
