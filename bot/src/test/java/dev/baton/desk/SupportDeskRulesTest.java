package dev.baton.desk;

import dev.baton.store.TestDatabases;
import dev.baton.llm.Assistant;
import dev.baton.live.RulesInForce;
import static dev.baton.desk.Messages.idOf;
import static dev.baton.rules.RuleBookBuilder.rules;
import static dev.baton.rules.RuleBookBuilder.then;
import static dev.baton.rules.RuleBookBuilder.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Wiring;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.Place;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffWording;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.metrics.BatonMetrics;
import dev.baton.routing.Roster;
import dev.baton.routing.RosterLoader;
import dev.baton.rules.Answering;
import dev.baton.rules.Priority;
import dev.baton.rules.RuleBook;
import dev.baton.store.Database;
import dev.baton.triage.Conversation;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSetting;
import dev.baton.triage.Decision;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The desk under a community's rules ({@code rules.yaml}), with the real engine on the shipped knowledge
 * base and a real in-memory database. The roster: Alex (billing, not opted in to sensitive conversations),
 * Sam (support, opted in, seniority 1) and Mei (community, opted in, seniority 3), all on shift all week.
 * Channels: #support (no rules), #billing, and #calm (urgency at low sensitivity, frustration off).
 */
@Tag("database")
class SupportDeskRulesTest {

    private static final KnowledgeBase KNOWLEDGE = KnowledgeBaseLoader.load(Path.of("..", "config", "knowledge.yaml"));
    // Fixed models (no learned cues, the earlier answer weights): these tests are about rules and channels,
    // and must not move whenever the shipped weights are retrained.
    private static final TriageEngine ENGINE = new Wiring(new dev.baton.text.CachingEmbedder(
            new dev.baton.text.MiniLmEmbedder(), 1000), dev.baton.learn.TestModels.fixed()).engine(KNOWLEDGE, 0.5);
    private static final Roster ROSTER = RosterLoader.parse("team.yaml", new StringReader("""
            people:
              - id: alex
                name: Alex
                discord_user_id: "%s"
                team: billing
                topics: [billing, account]
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
              - id: sam
                name: Sam
                discord_user_id: "%s"
                team: support
                topics: [install, printing]
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
                sensitive: true
                seniority: 1
              - id: mei
                name: Mei
                discord_user_id: "%s"
                team: community
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
                sensitive: true
                seniority: 3
            """.formatted(idOf("alex"), idOf("sam"), idOf("mei"))));
    /** A Wednesday, noon UTC. */
    private static final Instant START = Instant.parse("2024-06-12T12:00:00Z");

    private static final String BILLING = "1180000000000000001";
    private static final String CALM = "1180000000000000003";
    private static final Place SUPPORT = Messages.SUPPORT;

    private static final String PRICE_QUESTION = "How much does Lumen Plus cost?";
    /** Urgency scores 0.6 on it; the nearest entry, plus-price, is a confident match. */
    private static final String URGENT_PRICE_QUESTION = "I need this fixed soon. How much does Lumen Plus cost?";
    private static final String ANNOYED_PRICE_QUESTION = "ugh, this is annoying. How much does Lumen Plus cost?";
    private static final String ASK_FOR_A_PERSON = "I want to talk to a human please, not a bot.";
    private static final String BILLING_COMPLAINT =
            "This is ridiculous. I was charged twice this month and nobody answers my emails!";
    private static final String CRISIS = "I can't do this anymore, I want to end it all.";

    private final TestClock clock = new TestClock(START);
    private final Messages messages = new Messages(clock);
    private Database database;
    private ConversationStore conversations;
    private HandoffStore handoffs;
    private RuleBook rules = RuleBook.defaults();
    private boolean privateThreadsByDefault;
    private SupportDesk desk;

    @BeforeEach
    void open() {
        database = TestDatabases.fresh();
        conversations = new ConversationStore(database);
        handoffs = new HandoffStore(database);
        rebuildDesk();
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** The desk reads its rules on every message, as after a hot reload. */
    private void rebuildDesk() {
        desk = new SupportDesk(conversations, handoffs, () -> rulesNow(), Duration.ofMinutes(30),
                BatonMetrics.standalone(), Assistant.off(), clock);
    }

    private RulesInForce rulesNow() {
        return new RulesInForce(ENGINE, KNOWLEDGE, ROSTER, HandoffWording.defaults(), rules, privateThreadsByDefault);
    }

    // ------------------------------------------------------------------------------- decisions

    @Nested
    @DisplayName("Decisions")
    class Decisions {

        @BeforeEach
        void calmChannel() {
            rules = rules()
                    .channel("calm", CALM, Answering.ALWAYS, Map.of(
                            CueKind.URGENCY, new CueSetting(true, CueSetting.LOW),
                            CueKind.FRUSTRATION, new CueSetting(false, CueSetting.NORMAL)))
                    .build();
        }

        @Test
        void aChannelsCueOverridesDecideThereAndInItsThreadsButNowhereElse() {
            Reaction inSupport = desk.onMessage(messages.from("ann").says(URGENT_PRICE_QUESTION));
            Reaction inCalm = desk.onMessage(messages.from("bob").in(Place.channel(CALM)).says(URGENT_PRICE_QUESTION));
            Reaction inCalmThread = desk.onMessage(messages.from("cat").in(Place.thread("t-5", CALM))
                    .says(ANNOYED_PRICE_QUESTION));

            assertEquals("urgency", assertInstanceOf(Reaction.HandOff.class, inSupport).handoff().reason());
            assertEquals("plus-price", assertInstanceOf(Reaction.Answer.class, inCalm).entry().id(),
                    "urgency at 0.6 is below the low sensitivity's 0.7");
            assertEquals("plus-price", assertInstanceOf(Reaction.Answer.class, inCalmThread).entry().id(),
                    "frustration is off in #calm and its threads");
        }

        @Test
        void theAnswerConfidenceComesFromTheRules() {
            rules = rules().answerConfidence(0.99).build();

            Reaction.HandOff handOff = assertInstanceOf(Reaction.HandOff.class,
                    desk.onMessage(messages.from("ann").says(PRICE_QUESTION)));

            assertEquals("out_of_scope", handOff.handoff().reason(), "plus-price matches at 0.94, not 0.99");
        }

        @Test
        void everyDecisionRecordsTheNearestEntryAnswerOrNot() {
            Reaction.Answer answer = assertInstanceOf(Reaction.Answer.class,
                    desk.onMessage(messages.from("ann").says(PRICE_QUESTION)));
            assertInstanceOf(Reaction.HandOff.class, desk.onMessage(messages.from("bob").says(URGENT_PRICE_QUESTION)));

            List<DecisionRow> rows = decisions();
            assertEquals(2, rows.size());
            assertEquals("answer", rows.get(0).verdict());
            assertEquals("plus-price", rows.get(0).nearestKbId());
            assertEquals(answer.entry().id(), rows.get(0).kbId());
            assertTrue(rows.get(0).nearestConfidence() > 0.9, rows.get(0)::toString);
            assertEquals("handoff", rows.get(1).verdict());
            assertNull(rows.get(1).kbId());
            assertEquals("plus-price", rows.get(1).nearestKbId(), "what a replay with urgency off would answer with");
            assertTrue(rows.get(1).nearestConfidence() > 0.8, rows.get(1)::toString);
        }

        @Test
        void aConversationStartedInAThreadKeepsItsParentChannel() {
            Reaction inThread = desk.onMessage(messages.from("ann").in(Place.forumPost("p-1", CALM)).says(PRICE_QUESTION));
            Reaction inChannel = desk.onMessage(messages.from("bob").says(PRICE_QUESTION));

            ConversationRecord thread = conversations.conversation(conversationOf(inThread).id()).orElseThrow();
            ConversationRecord channel = conversations.conversation(conversationOf(inChannel).id()).orElseThrow();
            assertEquals(CALM, thread.parentId());
            assertEquals("p-1", thread.channelId());
            assertNull(channel.parentId());
        }
    }

    // ------------------------------------------------------------------------------- routing

    @Nested
    @DisplayName("Routing")
    class Routing {

        @BeforeEach
        void billingRoutes() {
            rules = rules()
                    .channel("billing", BILLING, Answering.ALWAYS)
                    .route("plus members", when().role("Lumen Plus"), then().person("mei").priority(Priority.URGENT))
                    .route("billing channel", when().channel(BILLING), then().team("support").priority(Priority.HIGH)
                            .privateThread(true))
                    .route("nights", when().time("mon-sun 22:00-06:00"), then().team("community")
                            .priority(Priority.LOW))
                    .build();
        }

        @Test
        void aRouteSendsTheHandoffToItsTeamAndTheHandoffStoresRulePriorityAndPrivateThread() {
            Reaction.HandOff handOff = handedOff(messages.from("ann").in(Place.channel(BILLING)).says(BILLING_COMPLAINT));

            assertEquals("sam", handOff.person().id(), "billing is Alex's topic, but the route says the support team");
            HandoffRecord stored = handoffs.openFor(handOff.conversation().id()).orElseThrow();
            assertEquals("billing channel", stored.rule());
            assertEquals(Priority.HIGH, stored.priority());
            assertTrue(stored.privateThread(), "Baton is about to start the thread, and the route wants it private");
            assertEquals(stored, handOff.handoff());
            assertTrue(handOff.privateThread());
            assertEquals(Priority.HIGH, handOff.priority());
            HandoffPacket.Assignment assignment = handoffs.packet(stored.id()).orElseThrow().assignment();
            assertEquals("billing channel", assignment.rule());
            assertEquals("high", assignment.priority());
            String created = handoffs.events(stored.id()).get(0).detail();
            assertTrue(created.startsWith("routed to Sam: rule \u201cbilling channel\u201d; "), created);
        }

        @Test
        void aThreadInTheChannelTakesTheChannelsRouteButIsNotBatonsToMakePrivate() {
            Reaction.HandOff handOff = handedOff(messages.from("ann").in(Place.thread("t-7", BILLING))
                    .says(BILLING_COMPLAINT));

            assertEquals("billing channel", handOff.handoff().rule());
            assertEquals("sam", handOff.person().id());
            assertFalse(handOff.handoff().privateThread(), "the customer's own thread stays as it is");
        }

        @Test
        void anEarlierRouteWinsAndRolesComeFromTheStoredCustomer() {
            Reaction.HandOff handOff = handedOff(messages.from("ann").withRoles("member", "Lumen Plus")
                    .in(Place.channel(BILLING)).says(BILLING_COMPLAINT));

            assertEquals("plus members", handOff.handoff().rule());
            assertEquals("mei", handOff.person().id());
            assertEquals(Priority.URGENT, handOff.handoff().priority());
            assertEquals(handOff.handoff().createdAt(), handOff.handoff().dueFrom(), "urgent counts at once");
        }

        @Test
        void aTimeOfDayRouteAppliesOnlyInItsWindow() {
            clock.advance(Duration.ofHours(11)); // 23:00 UTC
            Reaction.HandOff night = handedOff(messages.from("ann").says(BILLING_COMPLAINT));
            clock.advance(Duration.ofHours(10)); // 09:00 UTC the next day
            Reaction.HandOff day = handedOff(messages.from("bob").says(BILLING_COMPLAINT));

            assertEquals("nights", night.handoff().rule());
            assertEquals("mei", night.person().id());
            assertEquals(Priority.LOW, night.handoff().priority());
            assertEquals(RuleBook.DEFAULT_ROUTE, day.handoff().rule());
            assertEquals("alex", day.person().id(), "by topic, as without rules");
            assertEquals(Priority.NORMAL, day.handoff().priority());
        }

        @Test
        void withoutAMatchingRouteTheDefaultRouteAndDiscordsThreadSettingApply() {
            privateThreadsByDefault = true;
            rebuildDesk();

            Reaction.HandOff handOff = handedOff(messages.from("ann").says(BILLING_COMPLAINT));

            assertEquals(RuleBook.DEFAULT_ROUTE, handOff.handoff().rule());
            assertEquals(Priority.NORMAL, handOff.handoff().priority());
            assertTrue(handOff.handoff().privateThread(), "discord.yaml's private_threads");
        }

        @Test
        void aRouteThatWantsPrivacyMovesAConversationOutOfItsPublicThread() {
            Reaction.Answer answer = assertInstanceOf(Reaction.Answer.class,
                    desk.onMessage(messages.from("ann").in(Place.channel(BILLING)).says(PRICE_QUESTION)));
            desk.threadStarted(answer.conversation().id(), "t-1");
            desk.sent(answer.pendingRow(), "800000000000000001", "t-1", answer.entry().answer());

            Reaction.HandOff handOff = handedOff(messages.from("ann").in(Place.thread("t-1", BILLING))
                    .says(BILLING_COMPLAINT));

            assertEquals("billing channel", handOff.handoff().rule());
            assertTrue(handOff.handoff().privateThread(), "the route's privacy, though Baton started it public");
            assertTrue(handOff.privateThread());
        }

        @Test
        void theRulesInForceAreReadForEveryMessage() {
            Reaction.HandOff before = handedOff(messages.from("ann").in(Place.channel(BILLING)).says(BILLING_COMPLAINT));
            rules = rules().route("billing to Mei", when().channel(BILLING), then().person("mei")).build();

            Reaction.HandOff after = handedOff(messages.from("bob").in(Place.channel(BILLING)).says(BILLING_COMPLAINT));

            assertEquals("sam", before.person().id());
            assertEquals("mei", after.person().id());
            assertEquals("billing to Mei", after.handoff().rule());
        }

        @Test
        void askingForAPersonGoesThroughTheSameRules() {
            Reaction.Answer answer = assertInstanceOf(Reaction.Answer.class,
                    desk.onMessage(messages.from("ann").in(Place.channel(BILLING)).says(PRICE_QUESTION)));

            Reaction.HandOff handOff = assertInstanceOf(Reaction.HandOff.class,
                    desk.onHumanRequest(answer.conversation().id(), idOf("ann"), "pressed the button"));

            assertEquals("human_request", handOff.handoff().reason());
            assertEquals("billing channel", handOff.handoff().rule());
            assertEquals("sam", handOff.person().id());
        }

        @Test
        void aGrievingCustomerWhoAsksForAPersonTakesTheGriefRouteToSomeoneWhoTakesGrief() {
            rules = rules().route("grief to community", when().cue(CueKind.SADNESS_GRIEF), then().team("community"))
                    .build();

            Reaction.HandOff handOff = assertInstanceOf(Reaction.HandOff.class, desk.onHumanCommand(messages
                    .from("ann").withId("interaction:7")
                    .says("/human my father passed away last month, I need to cancel his Lumen Plus subscription")));

            assertEquals("sadness_grief", handOff.handoff().reason(), "grief leads, so the notice is worded for it");
            assertEquals(List.of("sadness_grief", "human_request"),
                    handoffs.packet(handOff.handoff().id()).orElseThrow().reasons());
            assertEquals("grief to community", handOff.handoff().rule());
            assertEquals("mei", handOff.person().id());
        }

        @Test
        void aPersonRouteForGriefThatTheyDoNotTakeWidensToSomeoneWhoDoes() {
            rules = rules().route("grief to Alex", when().cue(CueKind.SADNESS_GRIEF), then().person("alex")).build();

            Reaction.HandOff handOff = handedOff(messages.from("ann").says("My father passed away last month. I need"
                    + " to cancel his Lumen Plus subscription, he was the one who paid for it."));

            assertEquals("grief to Alex", handOff.handoff().rule());
            assertTrue(handOff.person().takesSensitive(), handOff.person().id());
            String why = handoffs.events(handOff.handoff().id()).get(0).detail();
            assertTrue(why.contains("nobody eligible in Alex"), why);
        }

        @Test
        void aCrisisGoesToTheMostSeniorOptedInPersonWithTheResourcesInTheNotice() {
            rules = RuleBook.defaults();

            Reaction.HandOff handOff = handedOff(messages.from("ann").says(CRISIS));

            assertEquals("crisis", handOff.handoff().reason());
            assertEquals("mei", handOff.person().id());
            String why = handoffs.events(handOff.handoff().id()).get(0).detail();
            assertTrue(why.contains("most senior (seniority 3)"), why);
            assertTrue(handOff.notice().contains(HandoffWording.defaults().crisisResources()), handOff.notice());
        }

        @Test
        void aPracticeHandoffIsInNoChannelSoOnlyRoutesWithoutOneCanTakeIt() {
            rules = rules()
                    .route("billing channel", when().channel(BILLING), then().person("mei"))
                    .route("frustrated", when().cue(CueKind.FRUSTRATION), then().team("support")
                            .priority(Priority.HIGH).privateThread(true))
                    .build();

            Reaction.HandOff practice = desk.practice("alex", List.of(Message.customer(BILLING_COMPLAINT)))
                    .orElseThrow();

            assertEquals("frustrated", practice.handoff().rule());
            assertEquals("sam", practice.person().id());
            assertEquals(Priority.HIGH, practice.handoff().priority());
            assertFalse(practice.handoff().privateThread(), "a practice conversation never has a Discord thread");
        }
    }

    // ------------------------------------------------------------------------------- preview

    @Nested
    @DisplayName("Previewing a conversation under some rules")
    class Previewing {

        private final Conversation complaint = Conversation.of(Message.customer(BILLING_COMPLAINT));

        @Test
        void theLiveRulesAndADraftGiveTheirOwnRouteAndPersonAndNothingIsSaved() {
            RulesInForce live = rulesNow();
            RulesInForce draft = new RulesInForce(ENGINE, KNOWLEDGE, ROSTER, HandoffWording.defaults(),
                    rules().route("billing channel", when().channel(BILLING), then().team("community")
                            .priority(Priority.URGENT).privateThread(true)).build());
            long rowsBefore = rows();

            Preview underLive = desk.preview(live, complaint, BILLING, null, List.of("member"), START);
            Preview underDraft = desk.preview(draft, complaint, BILLING, null, List.of("member"), START);

            assertEquals(RuleBook.DEFAULT_ROUTE, underLive.route().name());
            assertEquals("alex", underLive.routing().person().id());
            assertFalse(underLive.privateThread());
            assertEquals("billing channel", underDraft.route().name());
            assertEquals(Priority.URGENT, underDraft.route().priority());
            assertEquals("mei", underDraft.routing().person().id());
            assertTrue(underDraft.privateThread());
            assertTrue(underDraft.text().contains("Mei"), underDraft.text());
            assertEquals(CueKind.FRUSTRATION, ((Decision.Handoff) underDraft.decision()).reasons().get(0));
            assertEquals(rowsBefore, rows(), "a preview stores nothing");
        }

        @Test
        void aDraftsChannelSettingsDecideThePreview() {
            RulesInForce calm = new RulesInForce(ENGINE, KNOWLEDGE, ROSTER, HandoffWording.defaults(),
                    rules().channel("calm", CALM, Answering.ALWAYS,
                            Map.of(CueKind.URGENCY, new CueSetting(false, CueSetting.NORMAL))).build());
            Conversation urgent = Conversation.of(Message.customer(URGENT_PRICE_QUESTION));

            Preview inSupport = desk.preview(calm, urgent, "support", null, List.of(), START);
            Preview inCalmThread = desk.preview(calm, urgent, "t-3", CALM, List.of(), START);

            assertTrue(inSupport.isHandoff());
            assertEquals(java.util.Set.of("billing"), inSupport.topics(), "plus-price's topic: a fair guess at the subject");
            assertFalse(inCalmThread.isHandoff());
            assertEquals(KNOWLEDGE.find("plus-price").orElseThrow().answer(), inCalmThread.text());
            assertNull(inCalmThread.route());
            assertNull(inCalmThread.routing());
            assertEquals("plus-price", inCalmThread.nearest().entry().id());
        }

        @Test
        void rolesAndTimeAreThoseGivenNotTheClocks() {
            RulesInForce rules = new RulesInForce(ENGINE, KNOWLEDGE, ROSTER, HandoffWording.defaults(),
                    rules().route("plus at night", when().role("Lumen Plus").time("mon-sun 22:00-06:00"),
                            then().person("sam")).build());

            Preview night = desk.preview(rules, complaint, null, null, List.of("lumen plus"),
                    Instant.parse("2024-06-12T23:30:00Z"));
            Preview noon = desk.preview(rules, complaint, null, null, List.of("lumen plus"), START);

            assertEquals("plus at night", night.route().name());
            assertEquals("sam", night.routing().person().id());
            assertFalse(night.privateThread(), "no channel: a DM, where there are no threads");
            assertEquals(RuleBook.DEFAULT_ROUTE, noon.route().name());
        }

        @Test
        void thePlaygroundsRouteGoesThroughTheLiveRules() {
            rules = rules().route("frustrated", when().cue(CueKind.FRUSTRATION), then().person("mei")).build();
            Decision.Handoff decision = (Decision.Handoff) ENGINE.decide(complaint);

            assertEquals("mei", desk.route(complaint, decision).person().id());
        }
    }

    // ------------------------------------------------------------------------------- helpers

    private Reaction.HandOff handedOff(Incoming message) {
        return assertInstanceOf(Reaction.HandOff.class, desk.onMessage(message), message.text());
    }

    private static ConversationRecord conversationOf(Reaction reaction) {
        if (reaction instanceof Reaction.Answer answer) {
            return answer.conversation();
        }
        return ((Reaction.HandOff) reaction).conversation();
    }

    private record DecisionRow(String verdict, String kbId, String nearestKbId, double nearestConfidence) {
    }

    private List<DecisionRow> decisions() {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT verdict, kb_id, nearest_kb_id, nearest_confidence FROM decisions ORDER BY id");
                 ResultSet rs = s.executeQuery()) {
                List<DecisionRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new DecisionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4)));
                }
                return rows;
            }
        });
    }

    /** Every row Baton could have written for a conversation. */
    private long rows() {
        return database.read(c -> {
            long total = 0;
            for (String table : List.of("customers", "conversations", "messages", "decisions", "handoffs",
                    "handoff_events")) {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                     ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
            return total;
        });
    }
}
