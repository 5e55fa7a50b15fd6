package dev.baton.bridge;

import dev.baton.store.TestDatabases;
import dev.baton.llm.Assistant;
import dev.baton.live.RulesInForce;
import dev.baton.config.SampleConfig;
import dev.baton.reload.LiveConfig;
import dev.baton.reload.RuleChangeLog;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import static dev.baton.desk.Messages.idOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.Wiring;
import dev.baton.cli.Cli;
import dev.baton.console.api.ActionRejected;
import dev.baton.console.api.ConsoleEvent;
import dev.baton.console.api.HandoffDetail;
import dev.baton.console.api.HandoffDetail.Cue;
import dev.baton.console.api.HandoffDetail.Line;
import dev.baton.console.api.NoSuchHandoff;
import dev.baton.console.api.PlaygroundMessage;
import dev.baton.console.api.QueueEntry;
import dev.baton.console.api.ReplyOutcome;
import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.Place;
import dev.baton.conversation.StoredMessage;
import dev.baton.desk.Messages;
import dev.baton.desk.Reaction;
import dev.baton.desk.StaffReplies;
import dev.baton.desk.StaffReplies.Delivery;
import dev.baton.desk.SupportDesk;
import dev.baton.desk.TestClock;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffWording;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.metrics.BatonMetrics;
import dev.baton.routing.Person;
import dev.baton.routing.Roster;
import dev.baton.routing.TwoPersonTeam;
import dev.baton.store.Database;
import dev.baton.triage.TriageEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The console's backend over a real desk (MiniLM engine, shipped knowledge base), a real in-memory
 * database and a fake Discord reply path; the roster is Alex (billing) and Sam (support, sensitive).
 */
@Tag("database")
class ConsoleBridgeTest {

    private static final Path KNOWLEDGE_FILE = Path.of("..", "config", "knowledge.yaml");
    private static final KnowledgeBase KNOWLEDGE = KnowledgeBaseLoader.load(KNOWLEDGE_FILE);
    private static final TriageEngine ENGINE = new Wiring().engine(KNOWLEDGE);
    private static final Roster ROSTER = TwoPersonTeam.roster(idOf("alex"), idOf("sam"));
    private static final Instant START = Instant.parse("2024-06-12T12:00:00Z");
    private static final String PRICE_QUESTION = "How much does Lumen Plus cost?";
    private static final String ASK_FOR_A_PERSON = "I want to talk to a human please, not a bot.";
    private static final String BILLING_COMPLAINT =
            "This is ridiculous. I was charged twice this month and nobody answers my emails!";

    private static final List<PlaygroundMessage> COMPLAINT_AFTER_ANSWER = List.of(
            new PlaygroundMessage("customer", PRICE_QUESTION),
            new PlaygroundMessage("bot", KNOWLEDGE.find("plus-price").orElseThrow().answer()),
            new PlaygroundMessage("customer", BILLING_COMPLAINT));
    private static final List<PlaygroundMessage> PRICE_ONLY = List.of(new PlaygroundMessage("customer", PRICE_QUESTION));
    /** What the triage command printed for the two conversations above (run once: it loads its own engine). */
    private static List<JsonNode> triaged;

    private final TestClock clock = new TestClock(START);
    private final Messages messages = new Messages(clock);
    private final FakeReplies replies = new FakeReplies();
    private final List<ConsoleEvent> published = new CopyOnWriteArrayList<>();
    private Database database;
    private ConversationStore conversations;
    private HandoffStore handoffs;
    private SupportDesk desk;
    private ConsoleBridge bridge;
    private LiveConfig live;
    @TempDir
    Path configDir;

    @BeforeAll
    static void runTheTriageCommand() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        triaged = triageCommand(List.of(mapper.writeValueAsString(Map.of("messages", COMPLAINT_AFTER_ANSWER)),
                mapper.writeValueAsString(Map.of("messages", PRICE_ONLY))));
    }

    @BeforeEach
    void open() {
        database = TestDatabases.fresh();
        ConsoleEvents events = new ConsoleEvents();
        handoffs = new HandoffStore(database, events);
        conversations = new ConversationStore(database, events.messagesOf(handoffs));
        BatonMetrics metrics = BatonMetrics.standalone();
        metrics.watchOpenHandoffs(handoffs::openByState);
        RulesInForce rules = new RulesInForce(ENGINE, KNOWLEDGE, ROSTER, HandoffWording.defaults());
        desk = new SupportDesk(conversations, handoffs, () -> rules, Duration.ofMinutes(30), metrics, Assistant.off(),
                clock);
        // The sample configuration is live for the rules pages; the desk decides by the rules above.
        live = LiveConfig.load(SampleConfig.copyTo(configDir), (config, previous, knowledgeChanged) -> rules,
                new RuleChangeLog(database), clock);
        bridge = Wiring.consoleBackend(live, desk, conversations, handoffs, replies, events, metrics, clock);
        bridge.subscribe(published::add);
    }

    @AfterEach
    void close() {
        database.close();
    }

    // ------------------------------------------------------------------------------------- reading

    @Test
    void theQueueListsOpenHandoffsWithTheCustomerTheAssigneeAndTheSummary() {
        Reaction.HandOff complaint = handedOff(messages.from("ann").says(BILLING_COMPLAINT));
        Reaction.HandOff request = handedOff(messages.from("bob").says(ASK_FOR_A_PERSON));
        bridge.resolve(request.handoff().id(), "sam", false, "solved", "talked it through");

        List<QueueEntry> queue = bridge.queue();

        assertEquals(1, queue.size(), queue::toString);
        QueueEntry entry = queue.get(0);
        assertEquals(complaint.handoff().id(), entry.id());
        assertEquals("waiting", entry.state());
        assertEquals("frustration", entry.reason());
        assertEquals("ann", entry.customerName());
        assertEquals("alex", entry.assigneeId());
        assertEquals("Alex", entry.assigneeName());
        assertEquals(packet(complaint).summary(), entry.summary());
        assertFalse(entry.summary().isBlank());
        assertFalse(entry.practice());
        assertEquals(List.of(request.handoff().id()),
                bridge.recentlyResolved(10).stream().map(QueueEntry::id).toList());
        assertEquals(List.of("alex", "sam"), bridge.staff().stream().map(s -> s.id()).toList());
    }

    @Test
    void theStoryHasTheMessagesWrittenSinceTheHandoffAndItsCuesStillPointAtTheirLines() {
        Reaction.HandOff handOff = handedOff(messages.from("ann").in(Place.thread("t-1", "support"))
                .says(BILLING_COMPLAINT));
        clock.advance(Duration.ofMinutes(3));
        desk.onMessage(messages.from("alex").in(Place.thread("t-1", "support")).says("Sorry Ann, looking at it now."));
        desk.onMessage(messages.from("ann").in(Place.thread("t-1", "support")).says("thank you"));

        HandoffDetail detail = bridge.handoff(handOff.handoff().id()).orElseThrow();

        List<String> texts = detail.transcript().stream().map(Line::text).toList();
        assertEquals(List.of(BILLING_COMPLAINT, handOff.notice(), "Sorry Ann, looking at it now.", "thank you"), texts);
        assertEquals(List.of("customer", "bot", "staff", "customer"),
                detail.transcript().stream().map(Line::author).toList());
        assertEquals("alex", detail.transcript().get(2).authorName());
        Cue fired = detail.cues().stream().filter(Cue::fired).findFirst().orElseThrow();
        assertEquals("frustration", fired.kind());
        assertEquals(BILLING_COMPLAINT, detail.transcript().get(fired.line()).text());
        assertEquals("ann", detail.customer().name());
        assertEquals("created", detail.events().get(0).kind());
        assertEquals("Baton", detail.events().get(0).actorName());
    }

    @Test
    void aLineTakenOutAfterTheHandoffDoesNotShiftTheCues() {
        // Baton's answer is stored pending; the customer complains before Discord confirms it; then Discord refuses it.
        Reaction.Answer answer = assertInstanceOf(Reaction.Answer.class,
                desk.onMessage(messages.from("ann").says(PRICE_QUESTION)));
        clock.advance(Duration.ofSeconds(5));
        Reaction.HandOff handOff = handedOff(messages.from("ann").says(BILLING_COMPLAINT));
        assertEquals(3, packet(handOff).transcript().size(), "question, pending answer, complaint");
        desk.notSent(answer.pendingRow());

        HandoffDetail detail = bridge.handoff(handOff.handoff().id()).orElseThrow();

        assertEquals(List.of(PRICE_QUESTION, BILLING_COMPLAINT, handOff.notice()),
                detail.transcript().stream().map(Line::text).toList());
        for (Cue cue : detail.cues()) {
            if (cue.line() >= 0) {
                assertEquals(BILLING_COMPLAINT, detail.transcript().get(cue.line()).text(), cue::toString);
            }
        }
        assertTrue(detail.cues().stream().anyMatch(c -> c.fired() && c.line() == 1), detail.cues()::toString);
    }

    // ------------------------------------------------------------------------------------- actions

    @Test
    void eachActionChangesTheStateWritesItsEventRowAndIsPublished() {
        long id = handedOff(messages.from("ann").says(BILLING_COMPLAINT)).handoff().id();
        published.clear();

        HandoffDetail claimed = bridge.claim(id, "alex");
        assertEquals("claimed", claimed.entry().state());
        assertEquals(lastEvent(claimed), List.of("claimed", "alex", "Alex", "waiting", "claimed"));

        HandoffDetail transferred = bridge.transfer(id, "alex", false, "sam", "Sam knows refunds");
        assertEquals("transferred", transferred.entry().state());
        assertEquals("sam", transferred.entry().assigneeId());
        assertEquals("Sam", transferred.entry().assigneeName());
        assertEquals(lastEvent(transferred), List.of("transferred", "alex", "Alex", "claimed", "transferred"));

        HandoffDetail noted = bridge.note(id, "sam", "  checking the payment provider  ");
        HandoffDetail.Event note = noted.events().get(noted.events().size() - 1);
        assertEquals("note", note.kind());
        assertEquals("checking the payment provider", note.detail());
        assertEquals(null, note.from());
        assertEquals("transferred", noted.entry().state(), "a note changes no state");

        HandoffDetail resolved = bridge.resolve(id, "sam", false, "not_solvable", "provider issue");
        assertEquals("resolved", resolved.entry().state());
        assertEquals(lastEvent(resolved), List.of("resolved", "sam", "Sam", "transferred", "resolved"));
        assertTrue(resolved.events().get(resolved.events().size() - 1).detail().startsWith("not_solvable"));

        HandoffDetail reopened = bridge.reopen(id, "admin", "customer wrote again");
        assertEquals("waiting", reopened.entry().state());
        assertEquals(lastEvent(reopened), List.of("reopened", "admin", "admin", "resolved", "waiting"));

        assertEquals(List.of(new ConsoleEvent("changed", id), new ConsoleEvent("changed", id),
                new ConsoleEvent("changed", id), new ConsoleEvent("changed", id), new ConsoleEvent("changed", id)),
                published);
    }

    @Test
    void anActionTheStateDoesNotAllowIsRejectedInWordsAndChangesNothing() {
        long id = handedOff(messages.from("ann").says(BILLING_COMPLAINT)).handoff().id();
        bridge.claim(id, "alex");
        int events = handoffs.events(id).size();

        ActionRejected twice = assertThrows(ActionRejected.class, () -> bridge.claim(id, "sam"));
        assertEquals("Handoff " + id + " is already claimed by Alex.", twice.getMessage());
        ActionRejected reopen = assertThrows(ActionRejected.class, () -> bridge.reopen(id, "alex", null));
        assertTrue(reopen.getMessage().contains("only a resolved handoff can be reopened"), reopen.getMessage());
        assertThrows(ActionRejected.class, () -> bridge.transfer(id, "alex", false, "nobody", null));
        assertThrows(ActionRejected.class, () -> bridge.transfer(id, "alex", false, "alex", null));
        assertThrows(ActionRejected.class, () -> bridge.resolve(id, "alex", false, "fixed", null));
        assertThrows(ActionRejected.class, () -> bridge.claim(id, "admin"), "admin is not on the roster");
        assertThrows(ActionRejected.class, () -> bridge.note(id, "alex", "   "));
        bridge.resolve(id, "alex", false, "solved", null);
        ActionRejected resolvedAgain = assertThrows(ActionRejected.class, () -> bridge.resolve(id, "alex", false, "solved", null));
        assertEquals("Handoff " + id + " is already resolved.", resolvedAgain.getMessage());
        assertThrows(ActionRejected.class, () -> bridge.reply(id, "alex", false, "hello?"));

        assertEquals(events + 1, handoffs.events(id).size(), "only the resolve was written");
        assertTrue(replies.calls.isEmpty());
    }

    @Test
    void everyTransferIsFollowedUpWithTheNewPersonAndWhoMadeItAndARefusedOneIsNot() {
        List<String> followed = new CopyOnWriteArrayList<>();
        desk.actions().whenTransferred((handoff, to, actor) -> {
            throw new IllegalStateException("a follower that fails");
        });
        desk.actions().whenTransferred((handoff, to, actor) -> followed.add(handoff.id() + " "
                + handoff.state().wireName() + " to " + to.name() + " by " + actor));
        long id = handedOff(messages.from("ann").says(BILLING_COMPLAINT)).handoff().id();

        assertThrows(ActionRejected.class, () -> bridge.transfer(id, "alex", false, "nobody", null));
        assertThrows(ActionRejected.class, () -> bridge.transfer(id, "alex", false, "alex", null));
        HandoffDetail transferred = bridge.transfer(id, " alex ", false, "sam", null);

        assertEquals("transferred", transferred.entry().state(), "a failing follower never undoes the transfer");
        assertEquals(List.of(id + " transferred to Sam by alex"), followed);
    }

    @Test
    void aClaimedHandoffIsTheClaimantsOthersTakeItOverFirst() {
        long id = handedOff(messages.from("ann").says(BILLING_COMPLAINT)).handoff().id();
        bridge.claim(id, "alex");
        int events = handoffs.events(id).size();

        ActionRejected reply = assertThrows(ActionRejected.class, () -> bridge.reply(id, "sam", false, "I'll help"));
        assertTrue(reply.getMessage().contains("claimed by Alex") && reply.getMessage().contains("Take it over"),
                reply.getMessage());
        assertThrows(ActionRejected.class, () -> bridge.transfer(id, "sam", false, "sam", null));
        assertThrows(ActionRejected.class, () -> bridge.resolve(id, "sam", false, "solved", null));
        assertEquals(events, handoffs.events(id).size(), "nothing was written");
        assertTrue(replies.calls.isEmpty(), "nothing reached the customer");

        HandoffDetail taken = bridge.takeOver(id, "sam");
        assertEquals("claimed", taken.entry().state());
        assertEquals("sam", taken.entry().assigneeId());
        HandoffDetail.Event event = taken.events().get(taken.events().size() - 1);
        assertEquals("taken_over", event.kind());
        assertEquals("sam", event.actor());
        assertTrue(event.detail().contains("alex"), event.detail());
        assertThrows(ActionRejected.class, () -> bridge.takeOver(id, "sam"), "already theirs");

        assertEquals("resolved", bridge.resolve(id, "sam", false, "solved", null).entry().state());
    }

    @Test
    void aManagerMayActOnAHandoffSomeoneElseClaimed() {
        long id = handedOff(messages.from("ann").says(BILLING_COMPLAINT)).handoff().id();
        bridge.claim(id, "alex");
        assertEquals("transferred", bridge.transfer(id, "sam", true, "sam", "taking this").entry().state());
    }

    @Test
    void anUnknownHandoffIsNoSuchHandoffForEveryAction() {
        assertTrue(bridge.handoff(404).isEmpty());
        assertThrows(NoSuchHandoff.class, () -> bridge.claim(404, "alex"));
        assertThrows(NoSuchHandoff.class, () -> bridge.transfer(404, "alex", false, "sam", null));
        assertThrows(NoSuchHandoff.class, () -> bridge.note(404, "alex", "hello"));
        assertThrows(NoSuchHandoff.class, () -> bridge.resolve(404, "alex", false, "solved", null));
        assertThrows(NoSuchHandoff.class, () -> bridge.reopen(404, "alex", null));
        assertThrows(NoSuchHandoff.class, () -> bridge.reply(404, "alex", false, "hello"));
    }

    // --------------------------------------------------------------------------------------- reply

    @Test
    void aReplyIsStoredBeforeItIsSentThenConfirmedAndClaimsTheHandoffForTheReplier() {
        Reaction.HandOff handOff = handedOff(messages.from("ann").in(Place.thread("t-1", "support"))
                .says(BILLING_COMPLAINT));
        long id = handOff.handoff().id();
        replies.next = call -> new Delivery(true, "webhook", "700000000000000001", "t-1", call.text(), null);
        published.clear();

        ReplyOutcome outcome = bridge.reply(id, "sam", false, "Hi Ann, I'm Sam. Let me look at that double charge.");

        assertTrue(outcome.delivered());
        assertEquals("webhook", outcome.via());
        assertEquals(1, replies.calls.size());
        Call call = replies.calls.get(0);
        assertTrue(call.storedBeforeSending(), "the staff message was in the transcript when Discord was asked");
        assertEquals("sam", call.from().id());
        assertEquals(handOff.conversation().id(), call.conversation().id());
        StoredMessage stored = conversations.message("700000000000000001").orElseThrow();
        assertEquals(AuthorKind.STAFF, stored.authorKind());
        assertEquals("Sam", stored.authorName());
        assertEquals("t-1", stored.channelId());
        HandoffDetail detail = outcome.handoff();
        assertEquals("claimed", detail.entry().state(), "replying to a waiting handoff claims it");
        assertEquals("sam", detail.entry().assigneeId());
        List<String> kinds = detail.events().stream().map(HandoffDetail.Event::kind).toList();
        assertEquals(List.of("created", "claimed", "replied"), kinds);
        assertEquals("via webhook", detail.events().get(2).detail());
        Line last = detail.transcript().get(detail.transcript().size() - 1);
        assertEquals("Hi Ann, I'm Sam. Let me look at that double charge.", last.text());
        assertTrue(published.contains(new ConsoleEvent("message", id)), published::toString);
        assertTrue(bridge.metrics().contains("baton_console_replies_total{via=\"webhook\"} 1.0"), bridge::metrics);
    }

    @Test
    void aReplyThatIsNotDeliveredLeavesTheTranscriptAndIsRecordedAsFailed() {
        long id = handedOff(messages.from("ann").says(BILLING_COMPLAINT)).handoff().id();
        int lines = bridge.handoff(id).orElseThrow().transcript().size();
        replies.next = call -> Delivery.failed("Baton may not post in this thread (Missing Access).");

        ReplyOutcome outcome = bridge.reply(id, "alex", false, "Hello Ann");

        assertFalse(outcome.delivered());
        assertEquals("Baton may not post in this thread (Missing Access).", outcome.detail());
        assertTrue(replies.calls.get(0).storedBeforeSending());
        assertEquals(lines, outcome.handoff().transcript().size(), "the unsent reply is gone from the transcript");
        HandoffDetail.Event failed = outcome.handoff().events().get(outcome.handoff().events().size() - 1);
        assertEquals("reply_failed", failed.kind());
        assertTrue(failed.detail().contains("Missing Access") && failed.detail().contains("Hello Ann"), failed.detail());
    }

    @Test
    void aReplyWithoutDiscordSaysSoAndKeepsOnlyTheTimelineRow() {
        ConsoleBridge unconnected = Wiring.consoleBackend(live, desk, conversations, handoffs,
                StaffReplies.NOT_CONNECTED, new ConsoleEvents(), BatonMetrics.standalone(), clock);
        long id = handedOff(messages.from("ann").says(BILLING_COMPLAINT)).handoff().id();

        ReplyOutcome outcome = unconnected.reply(id, "alex", false, "Hello Ann");

        assertFalse(outcome.delivered());
        assertTrue(outcome.detail().contains("DISCORD_TOKEN"), outcome.detail());
        assertTrue(outcome.handoff().transcript().stream().noneMatch(l -> l.text().equals("Hello Ann")));
    }

    // ------------------------------------------------------------------------------ playground

    @Test
    void thePlaygroundPrintsWhatTheTriageCommandPrintsPlusTheAssigneeAndStoresNothing() {
        ObjectNode played = bridge.playground(COMPLAINT_AFTER_ANSWER);

        ObjectNode expected = ((ObjectNode) triaged.get(0)).deepCopy();
        expected.put("assignee", "Alex");
        assertEquals(expected, played);
        assertEquals("handoff", played.get("action").asText());
        assertEquals(0L, (long) database.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM conversations")) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    @Test
    void aPlaygroundAnswerHasNoAssigneeAndBadInputIsRejectedInWords() {
        ObjectNode answer = bridge.playground(PRICE_ONLY);

        assertEquals("answer", answer.get("action").asText());
        assertFalse(answer.has("assignee"));
        assertEquals(triaged.get(1), answer);
        assertThrows(ActionRejected.class, () -> bridge.playground(List.of()));
        assertThrows(ActionRejected.class, () -> bridge.playground(List.of(new PlaygroundMessage("bot", "hi"))));
        assertThrows(ActionRejected.class, () -> bridge.playground(List.of(new PlaygroundMessage("robot", "hi"))));
    }

    // -------------------------------------------------------------------------------- practice

    @Test
    void aPracticeHandoffIsQueuedMarkedPracticeAndItsRepliesAreStoredButNeverSent() {
        published.clear();

        HandoffDetail practice = bridge.practice("sam", List.of(new PlaygroundMessage("customer", BILLING_COMPLAINT)));

        long id = practice.entry().id();
        assertTrue(practice.entry().practice());
        assertEquals("alex", practice.entry().assigneeId(), "routed by the real router: billing goes to Alex");
        assertEquals(List.of(id), bridge.queue().stream().filter(QueueEntry::practice).map(QueueEntry::id).toList());
        assertEquals(BILLING_COMPLAINT, practice.transcript().get(0).text());
        Cue fired = practice.cues().stream().filter(Cue::fired).findFirst().orElseThrow();
        assertEquals(BILLING_COMPLAINT, practice.transcript().get(fired.line()).text());
        assertEquals(new ConsoleEvent("created", id), published.get(0));

        ReplyOutcome outcome = bridge.reply(id, "sam", false, "Hi! Practising here.");

        assertTrue(replies.calls.isEmpty(), "a practice handoff never reaches Discord");
        assertEquals("stored", outcome.via());
        assertTrue(outcome.delivered());
        assertEquals("Hi! Practising here.",
                outcome.handoff().transcript().get(outcome.handoff().transcript().size() - 1).text());
        assertEquals("claimed", bridge.resolve(id, "sam", false, "solved", null).events().stream()
                .filter(e -> e.kind().equals("claimed")).findFirst().orElseThrow().to());
        assertTrue(handoffs.openCounts().isEmpty(), "practice does not count towards anyone's workload");
        assertFalse(bridge.metrics().contains("baton_handoffs_total{reason=\"frustration\"}"), "nor in the metrics");
    }

    @Test
    void aConversationBatonWouldAnswerCannotBePractisedAndStoresNothing() {
        ActionRejected rejected = assertThrows(ActionRejected.class,
                () -> bridge.practice("sam", List.of(new PlaygroundMessage("customer", PRICE_QUESTION))));

        assertTrue(rejected.getMessage().startsWith("Baton would answer this itself"), rejected.getMessage());
        assertTrue(bridge.queue().isEmpty());
        assertEquals(0, conversations.practiceCount());
    }

    @Test
    void aDiscordMessageNeverJoinsAPracticeConversation() {
        HandoffDetail practice = bridge.practice("sam", List.of(new PlaygroundMessage("customer", ASK_FOR_A_PERSON)));
        ConversationRecord conversation = conversations.conversation(
                handoffs.handoff(practice.entry().id()).orElseThrow().conversationId()).orElseThrow();
        assertTrue(conversation.practice());
        assertTrue(conversation.channelId().startsWith("practice:"), conversation.channelId());
        // Even a Discord message claiming the practice customer's id in the practice channel's id starts its own.
        Incoming collision = new Incoming("900000000000009999", new Incoming.Person(conversation.customerId(),
                "someone", List.of(), null), Place.channel(conversation.channelId()), PRICE_QUESTION, List.of(), null,
                clock.instant());
        Incoming inThread = new Incoming("900000000000009998", new Incoming.Person(idOf("ann"), "ann", List.of(), null),
                Place.thread(conversation.channelId(), "support"), PRICE_QUESTION, List.of(), null, clock.instant());

        Reaction first = desk.onMessage(collision);
        Reaction second = desk.onMessage(inThread);

        assertNotEquals(conversation.id(), conversations.message("900000000000009999").orElseThrow().conversationId());
        assertNotEquals(conversation.id(), conversations.message("900000000000009998").orElseThrow().conversationId());
        assertInstanceOf(Reaction.Answer.class, first);
        assertInstanceOf(Reaction.Answer.class, second);
        assertEquals(1, bridge.handoff(practice.entry().id()).orElseThrow().transcript().stream()
                .filter(l -> l.author().equals("customer")).count());
        assertInstanceOf(Reaction.Silence.class, desk.onHumanRequest(conversation.id(), conversation.customerId(), "x"));
    }

    // ---------------------------------------------------------------------------------- events

    @Test
    void theConsoleHearsOfNewHandoffsOfMessagesInThemAndStopsHearingWhenItUnsubscribes() throws Exception {
        List<ConsoleEvent> mine = new ArrayList<>();
        AutoCloseable subscription = bridge.subscribe(mine::add);
        bridge.subscribe(event -> {
            throw new IllegalStateException("a broken listener");
        });

        long id = handedOff(messages.from("ann").says(ASK_FOR_A_PERSON)).handoff().id();
        clock.advance(Duration.ofMinutes(1));
        desk.onMessage(messages.from("ann").says("are you there?"));
        desk.onMessage(messages.from("bob").says(PRICE_QUESTION)); // another conversation, no handoff
        subscription.close();
        desk.onMessage(messages.from("ann").says("hello?"));

        assertEquals(List.of(new ConsoleEvent("created", id), new ConsoleEvent("message", id),
                new ConsoleEvent("message", id)), mine, "created, Baton's notice, Ann's question; then nothing");
        assertEquals(new ConsoleEvent("message", id), published.get(published.size() - 1),
                "the other subscriber still hears, despite the broken one");
    }

    @Test
    void theMetricsCountDecisionsHandoffsAndOpenHandoffs() {
        desk.onMessage(messages.from("bob").says(PRICE_QUESTION));
        handedOff(messages.from("ann").says(BILLING_COMPLAINT));

        String metrics = bridge.metrics();

        assertTrue(metrics.contains("baton_decisions_total{verdict=\"answer\"} 1.0"), metrics);
        assertTrue(metrics.contains("baton_decisions_total{verdict=\"handoff\"} 1.0"), metrics);
        assertTrue(metrics.contains("baton_handoffs_total{reason=\"frustration\"} 1.0"), metrics);
        assertTrue(metrics.contains("baton_decision_seconds_count 2"), metrics);
        assertTrue(metrics.contains("baton_decision_seconds_bucket{le="), metrics);
        assertTrue(metrics.contains("baton_handoffs_open{state=\"waiting\"} 1"), metrics);
        assertTrue(metrics.contains("baton_handoffs_open{state=\"claimed\"} 0"), metrics);
    }

    // ---------------------------------------------------------------------------------- helpers

    private Reaction.HandOff handedOff(Incoming message) {
        return assertInstanceOf(Reaction.HandOff.class, desk.onMessage(message), message.text());
    }

    private HandoffPacket packet(Reaction.HandOff handOff) {
        return handoffs.packet(handOff.handoff().id()).orElseThrow();
    }

    private static List<String> lastEvent(HandoffDetail detail) {
        HandoffDetail.Event e = detail.events().get(detail.events().size() - 1);
        return List.of(e.kind(), e.actor(), e.actorName(), e.from(), e.to());
    }

    /** What {@code baton triage --kb config/knowledge.yaml} prints, one output per input line. */
    private static List<JsonNode> triageCommand(List<String> lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String input = String.join("\n", lines) + "\n";
        int code = new Cli(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).run(new String[] {"triage", "--kb", KNOWLEDGE_FILE.toString()});
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<JsonNode> decisions = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            decisions.add(new ObjectMapper().readTree(line));
        }
        assertEquals(lines.size(), decisions.size());
        return decisions;
    }

    private record Call(ConversationRecord conversation, Person from, String text, boolean storedBeforeSending) {
    }

    /** Discord's side of a console reply: records each call and whether the reply was already stored. */
    private final class FakeReplies implements StaffReplies {
        final List<Call> calls = new ArrayList<>();
        java.util.function.Function<Call, Delivery> next = call -> Delivery.failed("no answer scripted");

        @Override
        public Delivery send(ConversationRecord conversation, Person from, String text) {
            boolean stored = conversations.transcript(conversation.id()).stream()
                    .anyMatch(m -> m.authorKind() == AuthorKind.STAFF && m.text().equals(text) && m.discordId() == null);
            Call call = new Call(conversation, from, text, stored);
            calls.add(call);
            return next.apply(call);
        }
    }
}
