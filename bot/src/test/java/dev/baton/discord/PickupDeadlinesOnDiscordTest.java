package dev.baton.discord;

import dev.baton.knowledge.KnowledgeBase;
import dev.baton.live.RulesInForce;
import static dev.baton.discord.BatonOnFakeDiscord.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.StoredMessage;
import dev.baton.desk.TestClock;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.MessageSpec;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.discord.fake.RecordedRequest;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffWording;
import dev.baton.pickup.PickupWatch;
import dev.baton.pickup.Step;
import dev.baton.rules.Conditions;
import dev.baton.rules.Deadlines;
import dev.baton.rules.Priority;
import dev.baton.rules.Route;
import dev.baton.rules.RuleBook;
import dev.baton.rules.Target;
import dev.baton.triage.CueSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pickup deadlines end to end: real JDA against the fake Discord, with the watch's clock moved by the
 * test. Each step arrives in the customer's thread and pings exactly whom it is for.
 */
@Tag("database")
class PickupDeadlinesOnDiscordTest {

    /** The pickup watch reads no knowledge base. */
    private static final KnowledgeBase NO_KNOWLEDGE = new KnowledgeBase("none", List.of());

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

    @Test
    void theReminderTheReRouteAndTheEscalationArriveInTheThreadMentioningWhomTheyAreFor() {
        long moderators = fake.addRole("Moderators");
        baton.startBot();
        long question = fake.sendMessage(baton.support, baton.ann, "I want to speak to a real person about billing.");
        long thread = baton.threadFor(question);
        await(() -> !baton.openHandoffs().isEmpty());
        HandoffRecord handoff = baton.openHandoffs().get(0);
        await(() -> baton.handoffs.events(handoff.id()).stream().anyMatch(e -> e.kind().equals("notified")));
        assertEquals("alex", handoff.assigneeId(), "billing: Alex");
        TestClock clock = new TestClock(handoff.createdAt());
        PickupWatch watch = watch(moderators, clock);

        clock.advance(Duration.ofMinutes(15));
        assertEquals(List.of(Step.REMIND), steps(watch));
        PostedMessage reminder = lastPostIn(thread);
        assertTrue(reminder.content().startsWith(FakeDiscord.mention(baton.alex) + " a reminder: ann has been waiting"
                + " 15 minutes"), reminder.content());
        assertEquals(List.of(String.valueOf(baton.alex)), allowed(reminder, "users"), "pings Alex and nobody else");

        clock.advance(Duration.ofMinutes(30));
        assertEquals(List.of(Step.REROUTE), steps(watch));
        PostedMessage rerouted = lastPostIn(thread);
        assertTrue(rerouted.content().contains("Sam from support is picking this up instead"), rerouted.content());
        assertTrue(rerouted.content().endsWith(FakeDiscord.mention(baton.sam)), rerouted.content());
        assertEquals(List.of(String.valueOf(baton.sam)), allowed(rerouted, "users"));
        assertTrue(fake.threadMembersAdded().stream().anyMatch(m -> m[0] == thread && m[1] == baton.sam),
                "Sam is added to the thread");
        assertEquals("sam", baton.handoffs.handoff(handoff.id()).orElseThrow().assigneeId());

        clock.advance(Duration.ofMinutes(45));
        assertEquals(List.of(Step.ESCALATE), steps(watch));
        PostedMessage escalated = lastPostIn(thread);
        assertTrue(escalated.content().startsWith("This is taking longer than it should, so I've asked more of the team"
                + " to help."), escalated.content());
        assertTrue(escalated.content().contains("\n\n<@&" + moderators + "> handoff #" + handoff.id()), escalated.content());
        assertEquals(List.of(String.valueOf(moderators)), allowed(escalated, "roles"), "pings the Moderators role");
        assertEquals(List.of(), allowed(escalated, "users"));

        List<StoredMessage> said = baton.transcript(question).stream().filter(m -> m.authorKind() == AuthorKind.BOT)
                .toList();
        List<String> contents = said.stream().map(StoredMessage::text).toList();
        assertTrue(contents.containsAll(List.of(reminder.content(), rerouted.content(), escalated.content())),
                "the transcript shows what the thread shows: " + contents);
        said.forEach(m -> assertNotNull(m.discordId(), "confirmed as sent: " + m.text()));
        assertTrue(baton.handoffs.events(handoff.id()).stream()
                .filter(e -> e.kind().equals("reminded") || e.kind().equals("escalated"))
                .allMatch(e -> e.detail().contains("posted in #")), baton.handoffs.events(handoff.id())::toString);
    }

    @Test
    void inADmWhatIsForStaffIsNotPostedToTheCustomerAndTheTimelineSaysWhy() {
        long moderators = fake.addRole("Moderators");
        baton.startBot();
        long stranger = fake.addUser("stranger");
        long dm = fake.openDm(stranger);
        long question = fake.sendMessage(MessageSpec.of(dm, stranger, "I want to speak to a real person about billing."));
        await(() -> !baton.openHandoffs().isEmpty());
        HandoffRecord handoff = baton.openHandoffs().get(0);
        await(() -> baton.handoffs.events(handoff.id()).stream().anyMatch(e -> e.kind().equals("notified")));
        long postsBefore = fake.postedMessages().stream().filter(p -> p.channelId() == dm).count();
        TestClock clock = new TestClock(handoff.createdAt().plus(Duration.ofHours(2)));

        assertEquals(List.of(Step.REMIND, Step.REROUTE, Step.ESCALATE), steps(watch(moderators, clock)));

        List<PostedMessage> inDm = fake.postedMessages().stream().filter(p -> p.channelId() == dm).toList();
        assertEquals(postsBefore + 2, inDm.size(), "the re-route and the escalation, not the reminder");
        assertTrue(inDm.get(inDm.size() - 2).content().contains("Sam from support is picking this up instead"));
        assertEquals("This is taking longer than it should, so I've asked more of the team to help. Someone will be"
                + " with you as soon as they can, and they'll see everything you've written here.",
                inDm.get(inDm.size() - 1).content(), "no role mention in a DM");
        String reminded = event(handoff, "reminded");
        assertTrue(reminded.contains("not posted: a DM has no place to mention Alex, and config/discord.yaml names no"
                + " staff_channel"), reminded);
        String escalated = event(handoff, "escalated");
        assertTrue(escalated.contains("posted in DM"), escalated);
        assertTrue(escalated.contains("the role: not posted: a DM has no place to mention a role"), escalated);
        List<String> said = baton.transcript(question).stream().filter(m -> m.authorKind() == AuthorKind.BOT)
                .map(StoredMessage::text).toList();
        assertEquals(3, said.size(), "what the customer saw: the handoff notice, the re-route, the escalation: " + said);
        assertEquals(List.of(inDm.get(inDm.size() - 2).content(), inDm.get(inDm.size() - 1).content()),
                said.subList(1, 3));
    }

    private String event(HandoffRecord handoff, String kind) {
        return baton.handoffs.events(handoff.id()).stream().filter(e -> e.kind().equals(kind)).findFirst()
                .orElseThrow().detail();
    }

    /** Normal priority: remind at 15m, re-route at 45m, escalate to the Moderators at 1h30m. */
    private PickupWatch watch(long moderators, TestClock clock) {
        RuleBook rules = new RuleBook(CueSettings.standard(), List.of(), List.of(),
                new Route(RuleBook.DEFAULT_ROUTE, 1, Conditions.ALWAYS, new Target.Anyone(), Priority.NORMAL, null, null),
                Map.of(Priority.NORMAL, new Deadlines(Duration.ofMinutes(15), Duration.ofMinutes(45),
                        Duration.ofMinutes(90), String.valueOf(moderators))), 0.5);
        return new PickupWatch(baton.handoffs, baton.conversations,
                () -> new RulesInForce(null, NO_KNOWLEDGE, baton.roster, HandoffWording.defaults(), rules), baton.pickupNotices(), clock);
    }

    private static List<Step> steps(PickupWatch watch) {
        return watch.tick().stream().map(PickupWatch.Taken::step).toList();
    }

    /** The tick waited for Discord's answer, so the post is already recorded. */
    private PostedMessage lastPostIn(long thread) {
        List<PostedMessage> posts = fake.postedMessages().stream().filter(p -> p.channelId() == thread).toList();
        return posts.get(posts.size() - 1);
    }

    /** Whom the post's {@code allowed_mentions} lets it ping ({@code users} or {@code roles}); nothing parsed freely. */
    private List<String> allowed(PostedMessage post, String which) {
        RecordedRequest request = fake.requests().stream()
                .filter(r -> r.is("POST", "/channels/\\d+/messages") && r.body().path("content").asText()
                        .equals(post.content()))
                .findFirst().orElseThrow();
        JsonNode allowed = request.body().path("allowed_mentions");
        assertEquals(0, allowed.path("parse").size(), "no free-for-all parsing: " + allowed);
        return StreamSupport.stream(allowed.path(which).spliterator(), false).map(JsonNode::asText).toList();
    }
}
