package dev.baton.discord;

import static dev.baton.rules.RuleBookBuilder.rules;
import static dev.baton.rules.RuleBookBuilder.then;
import static dev.baton.rules.RuleBookBuilder.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.FakeThread;
import dev.baton.discord.fake.MessageSpec;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.handoff.HandoffRecord;
import dev.baton.rules.Answering;
import dev.baton.rules.Priority;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** rules.yaml at the Discord edge: real JDA and the real engine against the fake Discord on loopback. */
@Tag("database")
class RulesOnDiscordTest {

    private static final String PRICE_QUESTION = "How much does Lumen Plus cost?";
    private static final int PUBLIC_THREAD = 11;
    private static final int PRIVATE_THREAD = 12;

    @TempDir
    Path dataDir;
    private BatonOnFakeDiscord baton;
    private FakeDiscord fake;

    @BeforeEach
    void start() {
        baton = new BatonOnFakeDiscord(dataDir);
        fake = baton.fake;
    }

    @AfterEach
    void stop() {
        baton.close();
    }

    private static Predicate<PostedMessage> in(long channelId) {
        return p -> p.channelId() == channelId;
    }

    private PostedMessage awaitPost(Predicate<PostedMessage> match) {
        return fake.awaitPostedMessage(match, BatonOnFakeDiscord.WAIT);
    }

    @Test
    void inAWhenMentionedChannelBatonIgnoresAnUnmentionedQuestionButAnswersAMentionAndCarriesOnInItsThread() {
        baton.rules = rules().channel("support", String.valueOf(baton.support), Answering.WHEN_MENTIONED).build();
        baton.startBot();

        long unmentioned = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        long mention = fake.sendMessage(MessageSpec.of(baton.support, baton.bob,
                FakeDiscord.mention(FakeDiscord.BOT_USER_ID) + " Where can I download Lumen?").mentioningBot());
        long thread = baton.threadFor(mention);
        PostedMessage answer = awaitPost(in(thread));
        long followUp = fake.sendMessage(thread, baton.bob, PRICE_QUESTION);
        PostedMessage second = awaitPost(in(thread).and(p -> p.id() != answer.id()));

        assertTrue(answer.content().contains("lumen.example.org/download"), answer.content());
        assertTrue(second.content().contains("Lumen Plus"), () -> "no mention needed in Baton's own thread: "
                + second.content());
        assertTrue(baton.conversations.isStored(String.valueOf(followUp)));
        assertFalse(baton.conversations.isStored(String.valueOf(unmentioned)), "not heard at all, so not stored");
        assertEquals(1, fake.threads().size(), () -> "a thread only for the mention: " + fake.threads());
    }

    @Test
    void theRulesAreReadForEveryMessageSoAChangeTakesEffectWithoutARestart() {
        baton.startBot();
        long before = fake.sendMessage(baton.support, baton.ann, PRICE_QUESTION);
        awaitPost(in(baton.threadFor(before)));

        baton.rules = rules().channel("support", String.valueOf(baton.support), Answering.WHEN_MENTIONED).build();
        long after = fake.sendMessage(baton.support, baton.bob, "Where can I download Lumen?");
        long mention = fake.sendMessage(MessageSpec.of(baton.support, baton.bob,
                FakeDiscord.mention(FakeDiscord.BOT_USER_ID) + " Where can I download Lumen?").mentioningBot());

        awaitPost(in(baton.threadFor(mention)));
        assertFalse(baton.conversations.isStored(String.valueOf(after)));
    }

    @Test
    void aRouteWithAPrivateThreadStartsOneForItsHandoffWhileAnswersKeepPublicThreads() {
        long plus = fake.addRole("Lumen Plus");
        long cara = fake.addMember("cara", plus);
        baton.rules = rules()
                .route("plus members in private", when().role("Lumen Plus"),
                        then().person("sam").priority(Priority.HIGH).privateThread(true))
                .build();
        baton.startBot();

        long question = fake.sendMessage(baton.support, baton.bob, PRICE_QUESTION);
        long publicThread = baton.threadFor(question);
        awaitPost(in(publicThread));
        fake.sendMessage(baton.support, cara, "I want to talk to a human please, not a bot.");

        BatonOnFakeDiscord.await(() -> fake.threads().stream().anyMatch(t -> t.type() == PRIVATE_THREAD));
        FakeThread privateThread = fake.threads().stream().filter(t -> t.type() == PRIVATE_THREAD).findFirst()
                .orElseThrow();
        PostedMessage notice = awaitPost(in(privateThread.id()));
        BatonOnFakeDiscord.await(() -> !baton.openHandoffs().isEmpty());
        HandoffRecord handoff = baton.openHandoffs().get(0);

        assertEquals(PUBLIC_THREAD, fake.threads().stream().filter(t -> t.id() == publicThread).findFirst()
                .orElseThrow().type(), "an answer's thread follows discord.yaml: public");
        assertEquals(baton.support, privateThread.parentId());
        assertTrue(notice.content().contains("Sam"), notice.content());
        BatonOnFakeDiscord.await(() -> fake.threadMembersAdded().stream()
                .anyMatch(m -> m[0] == privateThread.id() && m[1] == cara));
        BatonOnFakeDiscord.await(() -> fake.threadMembersAdded().stream()
                .anyMatch(m -> m[0] == privateThread.id() && m[1] == baton.sam));
        assertEquals("plus members in private", handoff.rule());
        assertEquals("sam", handoff.assigneeId());
        assertEquals(Priority.HIGH, handoff.priority());
        assertTrue(handoff.privateThread());
        assertEquals(String.valueOf(privateThread.id()), baton.conversations.conversation(handoff.conversationId())
                .orElseThrow().threadId());
    }
}
