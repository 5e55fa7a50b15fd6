package dev.baton.replay;

import dev.baton.store.TestDatabases;
import dev.baton.live.RulesInForce;
import static dev.baton.replay.Past.cue;
import static dev.baton.replay.ReplayTest.DRAFT;
import static dev.baton.replay.ReplayTest.FROM;
import static dev.baton.replay.ReplayTest.KNOWLEDGE;
import static dev.baton.replay.ReplayTest.LIVE;
import static dev.baton.replay.ReplayTest.ROSTER;
import static dev.baton.replay.ReplayTest.TO;
import static dev.baton.replay.ReplayTest.at;
import static dev.baton.triage.CueKind.FRUSTRATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.api.ReplayReport;
import dev.baton.console.api.ReplayReport.Changed;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.rules.RuleBook;
import dev.baton.store.Database;
import dev.baton.triage.Conversation;
import dev.baton.triage.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Where stored evidence is not enough, the nearest knowledge-base entry is found again with the rule set's
 * own engine: decision rows from before Baton stored it, a customer who asked for a person under an
 * undecided message, and a draft with another knowledge base. The engine here embeds by hashing words, so
 * a customer asking a knowledge-base question word for word matches that entry.
 */
@Tag("database")
class ReplaySlowPathTest {

    private static final String RESET = "How do I reset my password?";
    private static final String DISCOUNT = "Do you have a student discount?";

    private final Database database = TestDatabases.fresh();
    private final Past past = new Past(database, KNOWLEDGE, ROSTER);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theEngineMatchesAQuestionAskedWordForWord() {
        Match match = LIVE.engine().nearest(Conversation.of(Message.customer(RESET)));

        assertEquals("reset-password", match.entry().id());
        assertTrue(match.confidence() >= RuleBook.DEFAULT_ANSWER_CONFIDENCE, "confidence " + match.confidence());
    }

    @Test
    void anOldDecisionRowIsMatchedAgainOnceForBothSidesAndItsTopicRoutes() {
        // Stored handed off for frustration, the nearest entry not kept. Found again it is reset-password:
        // the account topic (Alex's) under the live rules, and an answer once the draft turns frustration off.
        Past.Conversation gus = past.conversation("Gus").says(RESET, at("02T10:00"))
                .decidedWithoutStoredNearest(at("02T10:00"), past.nearest("refunds", 0.1), cue(FRUSTRATION, 0.6));

        Replay.Result result = Replay.runWithStats(database, LIVE, DRAFT, FROM, TO);

        assertEquals(List.of(new Changed(gus.id(), null, at("02T10:00"), "Gus", "lost",
                "handoff: frustration → Alex (rule default)", "answer: reset-password")), result.report().changed());
        assertEquals(1, result.stats().foundAgainLive());
        assertEquals(0, result.stats().foundAgainDraft(), "the same knowledge base: the live match serves both");
    }

    @Test
    void theMessageIsMatchedAsItReadWhenBatonDecidedNotAsItWasEditedLater() {
        Past.Conversation ivy = past.conversation("Ivy").says(RESET, at("02T10:00"))
                .decidedWithoutStoredNearest(at("02T10:00"), past.nearest("refunds", 0.1), cue(FRUSTRATION, 0.6))
                .edited("Where can I download Lumen?", at("02T10:05"));

        ReplayReport report = Replay.run(database, LIVE, DRAFT, FROM, TO);

        assertEquals("answer: reset-password", report.changed().get(0).draft());
        assertEquals(ivy.id(), report.changed().get(0).conversationId());
    }

    @Test
    void askingForAPersonUnderAnUndecidedMessageIsMatchedAgainForItsTopic() {
        past.conversation("Jo").says(RESET, at("02T10:00")).handedOffTo("sam", at("02T10:01"));

        Replay.Result result = Replay.runWithStats(database, LIVE, LIVE, FROM, TO);

        assertEquals(Map.of("Alex", 1), result.report().live().byPerson(), "the account topic");
        assertEquals(1, result.stats().foundAgainLive());
    }

    @Test
    void askingForAPersonUnderAnAnswerReusesThatAnswersStoredMatch() {
        past.conversation("Kim").says(RESET, at("02T10:00"))
                .decided(at("02T10:00"), past.nearest("reset-password", 0.9))
                .handedOffTo("sam", at("02T10:01"));

        Replay.Result result = Replay.runWithStats(database, LIVE, LIVE, FROM, TO);

        assertEquals(Map.of("Alex", 1), result.report().live().byPerson());
        assertEquals(0, result.stats().foundAgainLive());
    }

    @Test
    void aDraftWithAnotherKnowledgeBaseMatchesEveryDecisionPointAgainUnderIt() {
        List<KnowledgeEntry> entries = new ArrayList<>(KNOWLEDGE.entries());
        entries.add(new KnowledgeEntry("student-discount", "billing", List.of(DISCOUNT), "Yes, 50%.", null));
        RulesInForce draft = ReplayTest.ruleSet(RuleBook.defaults(), new KnowledgeBase("draft", entries));
        Past.Conversation hal = past.conversation("Hal").says(DISCOUNT, at("02T10:00"))
                .decided(at("02T10:00"), past.nearest("refunds", 0.3)).handedOffTo("alex", at("02T10:00"));
        past.conversation("Ann").says(RESET, at("02T11:00")).decided(at("02T11:00"), past.nearest("reset-password", 0.9));

        Replay.Result result = Replay.runWithStats(database, LIVE, draft, FROM, TO);

        assertEquals(List.of(new Changed(hal.id(), hal.handoffId(), at("02T10:00"), "Hal", "lost",
                "handoff: out of scope → Alex (rule default)", "answer: student-discount")), result.report().changed());
        assertEquals(0, result.stats().foundAgainLive());
        assertEquals(2, result.stats().foundAgainDraft());
    }
}
