package dev.baton.desk;

import dev.baton.store.TestDatabases;
import dev.baton.live.RulesInForce;
import static dev.baton.desk.Messages.idOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.Wiring;
import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.StoredMessage;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffWording;
import dev.baton.handoff.Summary;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.llm.Assistant;
import dev.baton.llm.Failure;
import dev.baton.llm.FakeModelServer;
import dev.baton.llm.LanguageModelAssistant;
import dev.baton.llm.ModelTuning;
import dev.baton.llm.ScriptedAssistant;
import dev.baton.llm.Use;
import dev.baton.llm.Verdict;
import dev.baton.metrics.BatonMetrics;
import dev.baton.routing.TwoPersonTeam;
import dev.baton.store.Database;
import dev.baton.triage.CueKind;
import dev.baton.triage.TriageEngine;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The desk with a language model (scripted: its background work runs when the test says so). The model is
 * asked only while Baton may still answer, never delays a handoff, and every failure leaves the offline
 * decision and the entry's own words.
 */
@Tag("database")
class SupportDeskModelTest {

    private static final KnowledgeBase KNOWLEDGE = KnowledgeBaseLoader.load(Path.of("..", "config", "knowledge.yaml"));
    private static final TriageEngine ENGINE = new Wiring().engine(KNOWLEDGE);
    private static final String PRICE_QUESTION = "How much does Lumen Plus cost?";
    private static final String BILLING_COMPLAINT =
            "This is ridiculous. I was charged twice this month and nobody answers my emails!";
    private static final String GRIEF = "My father passed away last month. I need to cancel his Lumen Plus"
            + " subscription, he was the one who paid for it.";
    /** As wide as a band goes: every decision that is not a handoff counts as unsure, so every one is asked. */
    private static final double EVERYTHING_UNSURE = 0.5;

    private final TestClock clock = new TestClock(Instant.parse("2024-06-12T12:00:00Z"));
    private final Messages messages = new Messages(clock);
    private Database database;
    private ConversationStore conversations;
    private HandoffStore handoffs;

    @BeforeEach
    void open() {
        database = TestDatabases.fresh();
        conversations = new ConversationStore(database);
        handoffs = new HandoffStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private SupportDesk desk(Assistant assistant) {
        RulesInForce rules = new RulesInForce(ENGINE, KNOWLEDGE,
                TwoPersonTeam.roster(idOf("alex"), idOf("sam")), HandoffWording.defaults());
        return new SupportDesk(conversations, handoffs, () -> rules, Duration.ofMinutes(30),
                BatonMetrics.standalone(), assistant, clock);
    }

    // ------------------------------------------------------------------------------- phrasing

    @Test
    void aSureAnswerIsSentInTheModelsCheckedWordsStoredBeforeItIsSent() {
        ScriptedAssistant model = new ScriptedAssistant(EnumSet.of(Use.PHRASING), 0.1)
                .phrasing("Lumen Plus is the paid plan; the entry's price applies.");
        SupportDesk desk = desk(model);

        Reaction.Deferred deferred = assertInstanceOf(Reaction.Deferred.class,
                desk.onMessage(messages.from("ann").says(PRICE_QUESTION)));
        assertTrue(decisions().isEmpty(), "nothing is decided until the model has answered");
        model.runPending();

        Reaction.Answer answer = assertInstanceOf(Reaction.Answer.class, deferred.later().join());
        assertEquals("plus-price", answer.entry().id());
        assertEquals("Lumen Plus is the paid plan; the entry's price applies.", answer.text());
        StoredMessage stored = botMessages(answer.conversation().id()).get(0);
        assertEquals(answer.text(), stored.text());
        assertEquals("plus-price", stored.kbId());
        assertTrue(decisions().get(0).path("phrasing").asText().startsWith("reworded in"));
    }

    @Test
    void aRejectedWordingSendsTheEntrysOwnWords() {
        ScriptedAssistant model = new ScriptedAssistant(EnumSet.of(Use.PHRASING), 0.1).failingWith(Failure.REJECTED);
        SupportDesk desk = desk(model);

        Reaction.Deferred deferred = assertInstanceOf(Reaction.Deferred.class,
                desk.onMessage(messages.from("ann").says(PRICE_QUESTION)));
        model.runPending();

        Reaction.Answer answer = assertInstanceOf(Reaction.Answer.class, deferred.later().join());
        assertEquals(KNOWLEDGE.find("plus-price").orElseThrow().answer(), answer.text());
        assertTrue(decisions().get(0).path("phrasing").asText().startsWith("entry's own words (rejected"));
    }

    // ------------------------------------------------------------------------------ second opinion

    @Test
    void anAngryCustomerIsHandedOffAtOnceAndTheModelIsNeverAsked() {
        ScriptedAssistant model = new ScriptedAssistant(EnumSet.allOf(Use.class), EVERYTHING_UNSURE)
                .judging(new Verdict(true, List.of()));
        SupportDesk desk = desk(model);

        Reaction reaction = desk.onMessage(messages.from("ann").says(BILLING_COMPLAINT));

        assertInstanceOf(Reaction.HandOff.class, reaction);
        assertTrue(model.questions().isEmpty());
    }

    @Test
    void aSecondOpinionThatTheEntryDoesNotAnswerHandsOffAndIsRecorded() {
        ScriptedAssistant model = new ScriptedAssistant(EnumSet.of(Use.SECOND_OPINION), EVERYTHING_UNSURE)
                .judging(new Verdict(false, List.of()));
        SupportDesk desk = desk(model);

        Reaction.Deferred deferred = assertInstanceOf(Reaction.Deferred.class,
                desk.onMessage(messages.from("ann").says(PRICE_QUESTION)));
        model.runPending();

        Reaction.HandOff handOff = assertInstanceOf(Reaction.HandOff.class, deferred.later().join());
        assertEquals(CueKind.OUT_OF_SCOPE.wireName(), handOff.handoff().reason());
        JsonNode note = decisions().get(0);
        assertEquals("changed", note.path("outcome").asText());
        assertEquals("handoff", verdicts().get(0));
    }

    @Test
    void aSlowModelCostsTheCustomerOneTimeLimitInAllNotOnePerRequest() {
        // The second opinion takes half the 2 s limit; the phrasing would take longer than the limit, so one
        // limit per request made the customer wait 1 s + 2 s.
        Duration limit = Duration.ofSeconds(2);
        try (FakeModelServer server = new FakeModelServer();
             LanguageModelAssistant model = LanguageModelAssistant.of(server.settings(ModelTuning.DEFAULTS
                     .withTimeout(limit).withBand(EVERYTHING_UNSURE)), BatonMetrics.standalone(), clock)) {
            server.repliesWhenBodyContains("unsure_about", FakeModelServer.slow(
                    FakeModelServer.completion("{\"entryAnswers\":true,\"signals\":[]}"), Duration.ofSeconds(1)));
            server.repliesWhenBodyContains("customer_asked", FakeModelServer.slow(
                    FakeModelServer.completion("Lumen Plus is the paid plan."), Duration.ofSeconds(3)));
            SupportDesk desk = desk(model);
            long started = System.nanoTime();

            Reaction.Deferred deferred = assertInstanceOf(Reaction.Deferred.class,
                    desk.onMessage(messages.from("ann").says(PRICE_QUESTION)));
            Reaction.Answer answer = assertInstanceOf(Reaction.Answer.class, deferred.later().join());
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(waited.compareTo(limit.plusMillis(600)) < 0, "the customer waited " + waited.toMillis() + " ms");
            assertEquals("agreed", decisions().get(0).path("outcome").asText());
            assertEquals(KNOWLEDGE.find("plus-price").orElseThrow().answer(), answer.text());
            assertTrue(decisions().get(0).path("phrasing").asText().startsWith("entry's own words (timeout"),
                    decisions().get(0).toString());
        }
    }

    @Test
    void whenTheModelFailsTheOfflineDecisionStandsAndTheFailureIsRecorded() {
        ScriptedAssistant model = new ScriptedAssistant(EnumSet.of(Use.SECOND_OPINION), EVERYTHING_UNSURE)
                .failingWith(Failure.TIMEOUT);
        SupportDesk desk = desk(model);

        Reaction.Deferred deferred = assertInstanceOf(Reaction.Deferred.class,
                desk.onMessage(messages.from("ann").says(PRICE_QUESTION)));
        model.runPending();

        Reaction.Answer answer = assertInstanceOf(Reaction.Answer.class, deferred.later().join());
        assertEquals("plus-price", answer.entry().id());
        assertEquals("failed", decisions().get(0).path("outcome").asText());
        assertTrue(decisions().get(0).path("detail").asText().startsWith("timeout"));
    }

    @Test
    void aCustomerWhoWritesAgainWhileBatonAsksIsDecidedOnTheirLatestMessageOnly() {
        ScriptedAssistant model = new ScriptedAssistant(EnumSet.of(Use.SECOND_OPINION), EVERYTHING_UNSURE)
                .judging(new Verdict(true, List.of()));
        SupportDesk desk = desk(model);
        Reaction.Deferred first = assertInstanceOf(Reaction.Deferred.class,
                desk.onMessage(messages.from("ann").says(PRICE_QUESTION)));
        clock.advance(Duration.ofSeconds(3));

        Reaction.Deferred second = assertInstanceOf(Reaction.Deferred.class,
                desk.onMessage(messages.from("ann").says("Is there a monthly option for Lumen Plus?")));
        model.runPending();

        assertInstanceOf(Reaction.Silence.class, first.later().join());
        assertInstanceOf(Reaction.Answer.class, second.later().join());
        assertEquals(1, decisions().size());
    }

    @Test
    void aPersonAskedForWhileBatonAsksTheModelIsNotInterruptedByALateAnswer() {
        ScriptedAssistant model = new ScriptedAssistant(EnumSet.of(Use.SECOND_OPINION), EVERYTHING_UNSURE)
                .judging(new Verdict(true, List.of()));
        SupportDesk desk = desk(model);
        Reaction.Deferred deferred = assertInstanceOf(Reaction.Deferred.class,
                desk.onMessage(messages.from("ann").says(PRICE_QUESTION)));
        long conversationId = conversations.latestOf(idOf("ann"), Messages.SUPPORT.channelId()).orElseThrow().id();

        Reaction pressed = desk.onHumanRequest(conversationId, idOf("ann"), "pressed \u201cTalk to a person\u201d");
        model.runPending();

        assertInstanceOf(Reaction.HandOff.class, pressed);
        assertInstanceOf(Reaction.Silence.class, deferred.later().join());
        assertTrue(botMessages(conversationId).stream().noneMatch(m -> m.kbId() != null), "no late answer");
    }

    // ------------------------------------------------------------------------------------ summary

    @Test
    void theHandoffIsMadeWithBatonsSummaryAndTheModelsCheckedLinesReplaceItAfterwards() {
        Summary better = new Summary("cancel his father's Lumen Plus subscription", "", "grieving (\"passed away\")");
        ScriptedAssistant model = new ScriptedAssistant(EnumSet.of(Use.SUMMARY), 0.1)
                .summarising(new Assistant.Refined(better, List.of("wants", "feels"), List.of()));
        SupportDesk desk = desk(model);

        Reaction.HandOff handOff = assertInstanceOf(Reaction.HandOff.class,
                desk.onMessage(messages.from("ann").says(GRIEF)));
        long id = handOff.handoff().id();
        String before = handoffs.packet(id).orElseThrow().summary();
        model.runPending();

        assertEquals(better.line(), handoffs.packet(id).orElseThrow().summary());
        HandoffEvent refined = handoffs.events(id).stream().filter(e -> e.kind().equals("summary_refined"))
                .findFirst().orElseThrow();
        assertTrue(refined.detail().endsWith("Baton's summary was: " + before), refined.detail());
    }

    @Test
    void aSummaryTheModelCannotGiveLeavesBatonsOwn() {
        ScriptedAssistant model = new ScriptedAssistant(EnumSet.of(Use.SUMMARY), 0.1).failingWith(Failure.MALFORMED);
        SupportDesk desk = desk(model);
        Reaction.HandOff handOff = assertInstanceOf(Reaction.HandOff.class,
                desk.onMessage(messages.from("ann").says(GRIEF)));
        String before = handoffs.packet(handOff.handoff().id()).orElseThrow().summary();

        model.runPending();

        assertEquals(before, handoffs.packet(handOff.handoff().id()).orElseThrow().summary());
        assertTrue(handoffs.events(handOff.handoff().id()).stream().noneMatch(e -> e.kind().equals("summary_refined")));
    }

    @Test
    void withoutAModelNothingWaitsAndNothingIsRecordedAboutOne() {
        SupportDesk desk = desk(Assistant.off());

        assertInstanceOf(Reaction.Answer.class, desk.onMessage(messages.from("ann").says(PRICE_QUESTION)));

        assertNull(secondOpinionColumn().get(0));
    }

    // ------------------------------------------------------------------------------------ reading

    private List<StoredMessage> botMessages(long conversationId) {
        return conversations.transcript(conversationId).stream().filter(m -> m.authorKind() == AuthorKind.BOT).toList();
    }

    private List<JsonNode> decisions() {
        ObjectMapper json = new ObjectMapper();
        return secondOpinionColumn().stream().map(text -> {
            try {
                return json.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<String> secondOpinionColumn() {
        return column("second_opinion");
    }

    private List<String> verdicts() {
        return column("verdict");
    }

    private List<String> column(String name) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + name + " FROM decisions ORDER BY id");
                 ResultSet rs = s.executeQuery()) {
                List<String> values = new java.util.ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        });
    }

}
