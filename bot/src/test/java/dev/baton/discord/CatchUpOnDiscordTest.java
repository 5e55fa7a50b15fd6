package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Baton;
import dev.baton.Settings;
import dev.baton.Wiring;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Incoming;
import dev.baton.conversation.Place;
import dev.baton.desk.Reaction;
import dev.baton.desk.SupportDesk;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffWording;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeBaseLoader;
import dev.baton.live.RulesInForce;
import dev.baton.llm.Assistant;
import dev.baton.metrics.BatonMetrics;
import dev.baton.routing.TwoPersonTeam;
import dev.baton.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catching up after a takeover, against the fake Discord: the database is left as an instance that stopped mid-way
 * leaves it (messages stored and never decided, a reply stored and never posted, a handoff notice stored and never
 * posted, while Discord still holds every customer message), then a Baton takes the shards and settles each, once.
 */
class CatchUpOnDiscordTest {

    private static final Wiring WIRING = new Wiring();
    private static final KnowledgeBase KNOWLEDGE = KnowledgeBaseLoader.load(Path.of("..", "config", "knowledge.yaml"));

    @Test
    void whatTheStoppedHolderLeftHalfDoneIsAnsweredOnceAfterTheTakeover(@TempDir Path dir) throws Exception {
        try (FakeDiscord fake = FakeDiscord.start()) {
            long support = fake.addTextChannel("support");
            long ann = fake.addMember("ann");
            long bob = fake.addMember("bob");
            long cid = fake.addMember("cid");
            long dee = fake.addMember("dee");
            Path config = ConfigForFake.write(fake, dir.resolve("config"), null, List.of(support), 60);
            // In Discord (nobody connected to hear them): four customers' messages.
            long neverDecided = fake.sendMessage(support, ann, "How much does Lumen Plus cost?");
            long answerNeverPosted = fake.sendMessage(support, bob, "Where can I download Lumen?");
            long noticeNeverPosted = fake.sendMessage(support, cid,
                    "This is ridiculous, I've been charged twice and nobody answers. Fix it NOW.");
            long neverStored = fake.sendMessage(support, dee, "Which printers does Lumen support?");

            // What the stopped holder wrote: the first stored only, the second and third decided with their replies
            // stored but never posted, the fourth nothing at all.
            try (Database database = Database.open(dir.resolve("data").resolve("baton.db"))) {
                ConversationStore conversations = new ConversationStore(database);
                RulesInForce rules = new RulesInForce(WIRING.engine(KNOWLEDGE), KNOWLEDGE,
                        TwoPersonTeam.roster(String.valueOf(fake.addMember("alex")), String.valueOf(fake.addMember("sam"))), HandoffWording.defaults());
                SupportDesk desk = new SupportDesk(conversations, new HandoffStore(database), () -> rules,
                        Duration.ofMinutes(30), BatonMetrics.standalone(), Assistant.off(), Clock.systemUTC());
                conversations.rememberCustomer(person(ann, "ann"), java.time.Instant.now());
                conversations.insert(new ConversationStore.NewMessage(String.valueOf(neverDecided),
                        conversations.start(String.valueOf(ann), dev.baton.conversation.PlaceKind.CHANNEL,
                                String.valueOf(support), null, java.time.Instant.now()).id(),
                        String.valueOf(support), String.valueOf(ann), "ann", dev.baton.conversation.AuthorKind.CUSTOMER,
                        "How much does Lumen Plus cost?", List.of(), null, null, java.time.Instant.now()));
                assertInstanceOf(Reaction.Answer.class, desk.onMessage(incoming(answerNeverPosted, bob, "bob", support,
                        "Where can I download Lumen?")));
                assertInstanceOf(Reaction.HandOff.class, desk.onMessage(incoming(noticeNeverPosted, cid, "cid", support,
                        "This is ridiculous, I've been charged twice and nobody answers. Fix it NOW.")));
            }
            Thread.sleep(20); // the takeover comes after what the stopped holder stored

            Map<String, String> env = ConfigForFake.environment(fake, config, dir.resolve("data"), "off", "0-1/2");
            try (Baton baton = Baton.start(Settings.fromEnvironment(env), WIRING, Clock.systemUTC())) {
                long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                List<Long> all = List.of(neverDecided, answerNeverPosted, noticeNeverPosted, neverStored);
                while (all.stream().anyMatch(id -> replies(fake, support, id) == 0)) {
                    assertTrue(System.nanoTime() < deadline, "every message answered after the takeover: "
                            + all.stream().map(id -> replies(fake, support, id)).toList());
                    Thread.sleep(50);
                }
                Thread.sleep(1_500); // a second reply would come about now
                for (long id : all) {
                    assertEquals(1, replies(fake, support, id), "exactly one reply to " + id);
                }
                PostedMessage notice = fake.postedMessages().stream()
                        .filter(p -> Long.valueOf(noticeNeverPosted).equals(p.replyToMessageId())).findFirst().orElseThrow();
                assertTrue(notice.content().contains("Alex"), "the stored notice, as written: " + notice.content());
            }
        }
    }

    /** Baton's posts about a customer message: in the thread started from it, or in the channel replying to it. */
    private static long replies(FakeDiscord fake, long support, long messageId) {
        return fake.postedMessages().stream().filter(p -> p.channelId() == messageId
                || (p.channelId() == support && Long.valueOf(messageId).equals(p.replyToMessageId()))).count();
    }

    private static Incoming.Person person(long id, String name) {
        return new Incoming.Person(String.valueOf(id), name, List.of(), null);
    }

    private static Incoming incoming(long messageId, long authorId, String name, long channel, String text) {
        return new Incoming(String.valueOf(messageId), person(authorId, name), Place.channel(String.valueOf(channel)),
                text, List.of(), null, java.time.Instant.now());
    }
}
