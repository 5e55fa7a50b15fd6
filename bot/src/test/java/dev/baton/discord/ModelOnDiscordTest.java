package dev.baton.discord;

import static dev.baton.llm.FakeModelServer.completion;
import static dev.baton.llm.FakeModelServer.slow;
import static dev.baton.llm.FakeModelServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.conversation.StoredMessage;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.handoff.HandoffRecord;
import dev.baton.llm.FakeModelServer;
import dev.baton.llm.LanguageModelAssistant;
import dev.baton.llm.ModelTuning;
import dev.baton.llm.Use;
import dev.baton.metrics.BatonMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baton with a language model (a WireMock stand-in for an OpenAI-compatible endpoint) on the fake Discord:
 * the model's words reach the customer only when they add nothing, a model that is down or slow costs the
 * customer at most its time limit, and a customer who needs a person never waits on it.
 */
@Tag("database")
class ModelOnDiscordTest {

    private static final String PRICE_QUESTION = "How much does Lumen Plus cost?";

    @TempDir
    Path dataDir;
    private BatonOnFakeDiscord baton;
    private FakeDiscord fake;
    private FakeModelServer model;
    private LanguageModelAssistant assistant;

    @BeforeEach
    void start() {
        baton = new BatonOnFakeDiscord(dataDir);
        fake = baton.fake;
        model = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        baton.close();
        if (assistant != null) {
            assistant.close();
        }
        model.close();
    }

    private void startWith(Set<Use> uses, Duration timeout) {
        assistant = LanguageModelAssistant.of(model.settings(ModelTuning.DEFAULTS.withUses(uses).withTimeout(timeout)),
                BatonMetrics.standalone(), Clock.systemUTC());
        baton.assistant = assistant;
        baton.startBot();
    }

    private PostedMessage awaitPost(Predicate<PostedMessage> match) {
        return fake.awaitPostedMessage(match, BatonOnFakeDiscord.WAIT);
    }

    private static Predicate<PostedMessage> in(long channelId) {
        return p -> p.channelId() == channelId;
    }

    @Test
    void anAnswerRewordedWithoutNewFactsReachesTheCustomerAndIsStoredAsSent() {
        String entry = baton.knowledgeAnswer("plus-price");
        String reworded = "Good question! " + entry;
        model.replies(completion(reworded));
        startWith(EnumSet.of(Use.PHRASING), Duration.ofSeconds(4));

        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        PostedMessage answer = awaitPost(in(baton.threadFor(question)));

        assertTrue(answer.content().startsWith(reworded), answer.content());
        assertTrue(answer.components().toString().contains("Talk to a person"));
        BatonOnFakeDiscord.await(() -> baton.transcript(question).size() == 2);
        StoredMessage stored = baton.transcript(question).get(1);
        assertEquals("plus-price", stored.kbId());
        assertTrue(stored.text().startsWith(reworded));
    }

    @Test
    void aRewordingThatInventsAPriceIsNotSentAndTheEntrysOwnWordsAre() {
        model.replies(completion("Lumen Plus is just $1 a month, a bargain!"));
        startWith(EnumSet.of(Use.PHRASING), Duration.ofSeconds(4));

        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        PostedMessage answer = awaitPost(in(baton.threadFor(question)));

        assertTrue(answer.content().startsWith(baton.knowledgeAnswer("plus-price").strip()), answer.content());
        assertTrue(!answer.content().contains("$1 a month"));
    }

    @Test
    void aModelThatIsDownStillLetsBatonAnswerInTheEntrysWords() {
        model.replies(status(503));
        startWith(EnumSet.allOf(Use.class), Duration.ofSeconds(4));

        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        PostedMessage answer = awaitPost(in(baton.threadFor(question)));

        assertTrue(answer.content().startsWith(baton.knowledgeAnswer("plus-price").strip()), answer.content());
    }

    @Test
    void aSlowModelIsAbandonedAtItsTimeLimitAndTheCustomerStillGetsTheAnswer() {
        model.replies(slow(completion("Good question!"), Duration.ofSeconds(30)));
        startWith(EnumSet.of(Use.PHRASING), Duration.ofMillis(800));
        long started = System.nanoTime();

        long question = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        PostedMessage answer = awaitPost(in(baton.threadFor(question)));

        assertTrue(answer.content().startsWith(baton.knowledgeAnswer("plus-price").strip()), answer.content());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(8)) < 0);
    }

    @Test
    void anAngryCustomerIsHandedOffWithoutAskingTheModelEvenWhenItHangs() {
        model.replies(slow(completion("{\"entryAnswers\":true,\"signals\":[]}"), Duration.ofSeconds(30)));
        startWith(EnumSet.of(Use.SECOND_OPINION, Use.PHRASING), Duration.ofSeconds(4));

        long complaint = fake.sendMessage(baton.support, baton.ann,
                "This is ridiculous. I was charged twice this month and nobody answers my emails!");
        PostedMessage notice = awaitPost(in(baton.threadFor(complaint)));

        assertTrue(notice.content().contains("<@"), notice.content());
        HandoffRecord handoff = baton.openHandoffs().get(0);
        assertTrue(Set.of("anger", "frustration").contains(handoff.reason()), handoff.reason());
        assertEquals(0, model.requests());
    }

    @Test
    void theHandoffSummaryIsRefinedByTheModelAfterThePersonIsToldKeepingOnlySupportedLines() {
        model.replies(completion("{\"wants\":\"to cancel his father's Lumen Plus subscription\",\"tried\":\"\","
                + "\"feels\":\"grieving: his father passed away last month\"}"));
        startWith(EnumSet.of(Use.SUMMARY), Duration.ofSeconds(4));

        long message = fake.sendMessage(baton.support, baton.ann, "My father passed away last month. I need to cancel"
                + " his Lumen Plus subscription, he was the one who paid for it.");
        awaitPost(in(baton.threadFor(message)));
        BatonOnFakeDiscord.await(() -> !baton.openHandoffs().isEmpty());
        long id = baton.openHandoffs().get(0).id();
        BatonOnFakeDiscord.await(() -> baton.handoffs.events(id).stream()
                .anyMatch(e -> e.kind().equals("summary_refined")));

        String summary = baton.handoffs.packet(id).orElseThrow().summary();
        assertTrue(summary.startsWith("wants: to cancel his father's Lumen Plus subscription"), summary);
        assertEquals(1, model.requests());
    }
}
