package dev.baton.desk;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.Customer;
import dev.baton.conversation.PlaceKind;
import dev.baton.conversation.StoredMessage;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffPacket.EarlierConversation;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.NoticeFacts;
import dev.baton.handoff.Summarizer;
import dev.baton.handoff.Summary;
import dev.baton.knowledge.Match;
import dev.baton.live.RulesInForce;
import dev.baton.llm.Assistant;
import dev.baton.llm.Attempt;
import dev.baton.llm.Use;
import dev.baton.metrics.BatonMetrics;
import dev.baton.routing.Routing;
import dev.baton.routing.Workload;
import dev.baton.rules.RouteFacts;
import dev.baton.triage.Conversation;
import dev.baton.triage.Cue;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Building a handoff: where it goes (route and person, against today's workload), the packet the
 * person reads (transcript, cues with their evidence, the customer's other conversations, a summary),
 * and the notice that tells the customer who is coming. Stored before it is returned, so the customer
 * is never told about a handoff that is not there.
 */
final class Handoffs {

    private static final Logger LOG = LoggerFactory.getLogger(Handoffs.class);
    private static final Duration ELSEWHERE = Duration.ofDays(1);
    private static final int ELSEWHERE_LIMIT = 20;
    private static final int EARLIER_LIMIT = 10;

    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final Outbox outbox;
    private final BatonMetrics metrics;
    private final Assistant assistant;
    private final Clock clock;
    /**
     * Held from choosing the person to creating the handoff: the choice reads open counts and last-routed times,
     * so two handoffs decided at once (different customers' lanes) must not both pick by the same stale counts.
     */
    private final Object choosing = new Object();

    /** @param assistant the optional language model, which may refine the summary a moment later */
    Handoffs(ConversationStore conversations, HandoffStore handoffs, Outbox outbox, BatonMetrics metrics,
             Assistant assistant, Clock clock) {
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.outbox = outbox;
        this.metrics = metrics;
        this.assistant = assistant;
        this.clock = clock;
    }

    /**
     * {@link #handOff}, unless the conversation already has an open handoff (a decision on another lane, or a
     * button pressed twice, got there first): then Baton stays silent, and nobody is paged twice.
     */
    Reaction handOffOnce(ConversationRecord conversation, Decision.Handoff decision, Reading reading,
                         RulesInForce rules, Match nearest) {
        try {
            return handOff(conversation, decision, reading, rules, true, nearest);
        } catch (HandoffStore.AlreadyOpen e) {
            return new Reaction.Silence("already with a person (handoff " + e.openId() + ")");
        }
    }

    /**
     * @param counted false for a practice handoff, which the metrics leave out
     * @param nearest the entry nearest the last customer message when already looked up, else null
     */
    Reaction.HandOff handOff(ConversationRecord conversation, Decision.Handoff decision, Reading reading,
                             RulesInForce rules, boolean counted, Match nearest) {
        Instant at = clock.instant();
        List<String> answered = reading.transcript().stream().map(StoredMessage::kbId)
                .filter(Objects::nonNull).toList();
        Customer customer = conversations.customer(conversation.customerId()).orElseGet(() ->
                new Customer(conversation.customerId(), conversation.customerId(), List.of(), null, at, at));
        Set<String> topics = topics(reading.conversation(), answered, rules, nearest);
        // A practice conversation is in no channel, so no channel's route can take it.
        RouteFacts facts = conversation.practice()
                ? facts(decision, topics, null, null, customer.roles(), at)
                : facts(decision, topics, conversation.channelId(), conversation.parentId(), customer.roles(), at);
        synchronized (choosing) {
            return chooseAndCreate(conversation, decision, reading, rules, counted, facts, customer, at);
        }
    }

    private Reaction.HandOff chooseAndCreate(ConversationRecord conversation, Decision.Handoff decision,
                                             Reading reading, RulesInForce rules, boolean counted, RouteFacts facts,
                                             Customer customer, Instant at) {
        Dispatch dispatch = dispatch(rules, facts);
        Routing routing = dispatch.routing();
        boolean privateThread = privateThread(conversation, dispatch, rules.privateThreadsByDefault());
        Summary offlineSummary = Summarizer.summarize(reading.messages(), decision.cues());
        HandoffPacket packet = PacketBuilder.build(conversation, reading,
                conversations.recentElsewhere(customer.id(), conversation.id(), at.minus(ELSEWHERE), ELSEWHERE_LIMIT),
                customer, earlier(customer.id(), conversation.id()), decision, settingsFor(conversation, rules),
                new PacketBuilder.Routed(routing, dispatch.route().name(), dispatch.route().priority(), privateThread),
                offlineSummary.line(), at);
        HandoffRecord handoff = handoffs.create(packet, at); // the conversation goes quiet in the same transaction
        refineLater(handoff.id(), reading.messages(), decision.cues(), offlineSummary);
        if (counted) {
            metrics.handedOff(packet.reason());
        }
        String notice = notice(rules, decision, routing, at);
        return new Reaction.HandOff(conversation, handoff, routing.person(), notice,
                outbox.pending(conversation, notice, null), privateThread, dispatch.route().priority());
    }

    /** The cue settings where the conversation is: its channel's (or its thread's parent's), else the community's. */
    static CueSettings settingsFor(ConversationRecord conversation, RulesInForce rules) {
        return conversation.practice() ? rules.book().cuesIn(null, null)
                : rules.book().cuesIn(conversation.channelId(), conversation.parentId());
    }

    /** Where a handoff would go right now: the route, and the person against today's workload. */
    Dispatch dispatch(RulesInForce rules, RouteFacts facts) {
        Workload workload = new Workload(handoffs.openCounts(), handoffs.lastRoutedAt(rules.roster().ids()));
        return Dispatch.of(rules.book(), rules.roster(), workload, facts, rules.privateThreadsByDefault());
    }

    static RouteFacts facts(Decision.Handoff decision, Set<String> topics, String channelId, String parentId,
                            List<String> roles, Instant at) {
        return new RouteFacts(Set.copyOf(decision.reasons()), topics, channelId, parentId, roles, at);
    }

    /**
     * The subject, for routing (see {@link Topics}).
     *
     * @param conversation null when the engine can read nothing
     * @param nearest      the entry nearest the last customer message if already looked up, else null
     */
    static Set<String> topics(Conversation conversation, List<String> answered, RulesInForce rules, Match nearest) {
        Match found = nearest != null || conversation == null ? nearest : rules.engine().nearest(conversation);
        return Topics.of(conversation, found, answered, rules.knowledge(), rules.roster());
    }

    /** What the customer is told: who is coming, in the wording for the handoff's main reason. */
    static String notice(RulesInForce rules, Decision.Handoff decision, Routing routing, Instant at) {
        NoticeFacts facts = new NoticeFacts(routing.person().name(), routing.person().team(),
                "<@" + routing.person().discordUserId() + ">", routing.onShift(), rules.roster().typicalPickup(),
                ZonedDateTime.ofInstant(routing.availableAt(), routing.person().hours().zone()),
                ZonedDateTime.ofInstant(at, routing.person().hours().zone()));
        return rules.wording().render(decision.reasons().get(0), facts);
    }

    /**
     * Whether the conversation is (or is about to be) in a private thread. A conversation in a channel goes
     * where the route wants: a route that wants privacy moves it out of a public thread Baton started for an
     * earlier answer into a new private one; one that does not keeps the thread it has, started as
     * {@code discord.yaml} says. A DM, a customer's own thread or a forum post is answered in place and is
     * not Baton's to make private.
     */
    private static boolean privateThread(ConversationRecord conversation, Dispatch dispatch, boolean byDefault) {
        if (conversation.practice() || conversation.place() != PlaceKind.CHANNEL) {
            return false;
        }
        return dispatch.wantsPrivateThread() || (conversation.threadId() != null && byDefault);
    }

    private List<EarlierConversation> earlier(String customerId, long conversationId) {
        List<EarlierConversation> earlier = new ArrayList<>();
        for (ConversationRecord c : conversations.conversationsOf(customerId, conversationId, EARLIER_LIMIT)) {
            String reason = handoffs.forConversation(c.id()).stream().reduce((a, b) -> b)
                    .map(HandoffRecord::reason).orElse(null);
            earlier.add(new EarlierConversation(c.id(), c.startedAt(), c.channelId(), c.state().wireName(), reason));
        }
        return earlier;
    }

    /**
     * The person is told at once with Baton's own summary; the model's three lines, if it gives any the
     * transcript supports, replace it a moment later (the console shows the change and keeps the old line
     * in the timeline). Nobody waits for it.
     */
    private void refineLater(long handoffId, List<Message> transcript, List<Cue> cues, Summary offline) {
        if (!assistant.uses(Use.SUMMARY) || transcript.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.runAsync(() -> refine(handoffId, transcript, cues, offline), assistant.background())
                    .exceptionally(e -> {
                        LOG.warn("could not refine the summary of handoff {}; it keeps Baton's", handoffId, e);
                        return null;
                    });
        } catch (RejectedExecutionException e) {
            LOG.debug("handoff {} keeps Baton's summary: the model's queue refused the work", handoffId);
        }
    }

    private void refine(long handoffId, List<Message> transcript, List<Cue> cues, Summary offline) {
        Attempt<Assistant.Refined> refined = assistant.summarize(transcript, cues, offline);
        if (refined instanceof Attempt.Got<Assistant.Refined> got) {
            String detail = "by the language model (kept " + String.join(", ", got.value().kept())
                    + (got.value().dropped().isEmpty() ? "" : "; dropped " + String.join("; ", got.value().dropped()))
                    + "); Baton's summary was: " + offline.line();
            handoffs.refineSummary(handoffId, got.value().summary().line(), detail, clock.instant());
        } else if (refined instanceof Attempt.Failed<Assistant.Refined> failed) {
            LOG.debug("handoff {} keeps Baton's summary: {} ({})", handoffId, failed.failure().wireName(),
                    failed.detail());
        }
    }
}
