package dev.baton.desk;

import static dev.baton.desk.Messages.idOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Wiring;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Incoming;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffWording;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.live.RulesInForce;
import dev.baton.llm.Assistant;
import dev.baton.metrics.BatonMetrics;
import dev.baton.routing.TwoPersonTeam;
import dev.baton.store.Database;
import dev.baton.store.TestDatabases;
import dev.baton.triage.TriageEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What catching up after a shard takeover asks of the desk: messages stored but never decided are decided exactly
 * once, and a reply that was stored but never confirmed by Discord is either confirmed (it was posted) or withdrawn
 * with its decision, so that the message is decided again.
 */
@Tag("database")
class CatchUpDeskTest {

    private static final KnowledgeBase KNOWLEDGE = KnowledgeBaseLoader.load(Path.of("..", "config", "knowledge.yaml"));
    private static final TriageEngine ENGINE = new Wiring().engine(KNOWLEDGE);
    private static final Instant START = Instant.parse("2024-06-12T12:00:00Z");
    private static final String PRICE_QUESTION = "How much does Lumen Plus cost?";

    private final TestClock clock = new TestClock(START);
    private final Messages messages = new Messages(clock);
    private Database database;
    private ConversationStore conversations;
    private SupportDesk desk;

    @BeforeEach
    void open() {
        database = TestDatabases.fresh();
        conversations = new ConversationStore(database);
        HandoffStore handoffs = new HandoffStore(database);
        RulesInForce rules = new RulesInForce(ENGINE, KNOWLEDGE, TwoPersonTeam.roster(idOf("alex"), idOf("sam")),
                HandoffWording.defaults());
        desk = new SupportDesk(conversations, handoffs, () -> rules, Duration.ofMinutes(30), BatonMetrics.standalone(),
                Assistant.off(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Instant since() {
        return clock.instant().minus(Duration.ofHours(1));
    }

    @Test
    void aMessageStoredButNeverDecidedIsFoundAndDecidedExactlyOnce() {
        Incoming question = messages.from("ann").says(PRICE_QUESTION);
        // The stopped holder got as far as storing it: the same intake, without the decision.
        new Intake(conversations, Duration.ofMinutes(30)).store(question, desk.rules().roster()).orElseThrow();

        List<String[]> waiting = desk.storedButUndecided(since());
        assertEquals(1, waiting.size());
        assertEquals(question.discordId(), waiting.get(0)[0]);
        assertEquals(question.place().channelId(), waiting.get(0)[1]);

        assertInstanceOf(Reaction.Answer.class, desk.decideStored(question.discordId()));
        assertInstanceOf(Reaction.Silence.class, desk.decideStored(question.discordId()), "a second catch-up is silent");
        assertEquals(List.of(), desk.storedButUndecided(since()));
    }

    @Test
    void aMessageDecidedLiveIsNotDecidedAgainByACatchUp() {
        Incoming question = messages.from("ann").says(PRICE_QUESTION);
        assertInstanceOf(Reaction.Answer.class, desk.onMessage(question));

        assertEquals(List.of(), desk.storedButUndecided(since()));
        assertInstanceOf(Reaction.Silence.class, desk.decideStored(question.discordId()));
    }

    @Test
    void aReplyStoredButNeverPostedIsWithdrawnWithItsDecisionAndTheMessageDecidedAgain() {
        Incoming question = messages.from("ann").says(PRICE_QUESTION);
        Reaction.Answer answer = assertInstanceOf(Reaction.Answer.class, desk.onMessage(question));
        clock.advance(Duration.ofSeconds(5));

        List<UnconfirmedReply> unconfirmed = desk.unconfirmedReplies(since(), clock.instant());
        assertEquals(1, unconfirmed.size());
        UnconfirmedReply reply = unconfirmed.get(0);
        assertEquals(answer.pendingRow(), reply.row());
        assertEquals(question.discordId(), reply.customerMessageId());
        assertTrue(!reply.handedOff());

        desk.withdraw(reply);
        assertEquals(1, desk.storedButUndecided(since()).size(), "undecided again");
        assertInstanceOf(Reaction.Answer.class, desk.decideStored(question.discordId()));
        long decisions = database.read(c -> {
            try (var s = c.prepareStatement("SELECT COUNT(*) FROM decisions"); var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(1, decisions, "the withdrawn decision is gone, the new one counts");
    }

    @Test
    void aReplyFoundPostedIsConfirmedAndNoLongerUnconfirmed() {
        Incoming question = messages.from("ann").says(PRICE_QUESTION);
        Reaction.Answer answer = assertInstanceOf(Reaction.Answer.class, desk.onMessage(question));
        clock.advance(Duration.ofSeconds(5));
        UnconfirmedReply reply = desk.unconfirmedReplies(since(), clock.instant()).get(0);

        desk.sent(reply.row(), "990000000000000001", question.discordId(), answer.text());

        assertEquals(List.of(), desk.unconfirmedReplies(since(), clock.instant()));
        assertTrue(desk.isStored("990000000000000001"));
        assertEquals(List.of(), desk.storedButUndecided(since()));
    }

    @Test
    void repliesStoredAfterTheTakeoverAreThisInstancesOwnAndLeftAlone() {
        Instant takenAt = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(Reaction.Answer.class, desk.onMessage(messages.from("ann").says(PRICE_QUESTION)));

        assertEquals(List.of(), desk.unconfirmedReplies(since(), takenAt));
    }
}
