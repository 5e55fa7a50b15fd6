package dev.baton.discord;

import static dev.baton.discord.BatonOnFakeDiscord.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.aftercare.AfterCareButtons;
import dev.baton.aftercare.Asked;
import dev.baton.aftercare.Verdict;
import dev.baton.desk.Reaction;
import dev.baton.desk.TestClock;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.PostedMessage;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffRecord;
import dev.baton.triage.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * After-care end to end: a person resolves (with {@code /resolve} or from the console), Baton asks the
 * customer in the thread, on the person's behalf, and takes one answer through real JDA against the fake
 * Discord: the buttons, the comment box, and every refusal.
 */
@Tag("database")
class AfterCareOnDiscordTest {

    private static final String HUMAN = "I want to speak to a real person.";
    private static final String GRIEF = "My father passed away last month. I need to cancel his Lumen Plus"
            + " subscription, he was the one who paid for it.";
    private static final String CRISIS = "I can't do this anymore, I want to end it all.";
    private static final int EPHEMERAL = 1 << 6;

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
    void afterResolveInDiscordTheCustomerIsAskedOnThePersonsBehalfWithThumbsUpAndDown() {
        baton.startBot();
        Handed handed = handOff(HUMAN);
        fake.slashCommand(handed.thread, baton.alex, "resolve", Map.of());

        PostedMessage prompt = awaitPrompt(handed.thread);
        assertEquals("Alex marked this as sorted. Did this help?", prompt.content());
        assertEquals(List.of(AfterCareButtons.answer(Verdict.UP, handed.handoff.id()),
                AfterCareButtons.answer(Verdict.DOWN, handed.handoff.id())), customIds(prompt.components()));
        JsonNode allowed = fake.requests().stream().filter(r -> r.is("POST", "/channels/\\d+/messages")
                && r.body().path("content").asText().equals(prompt.content())).findFirst().orElseThrow()
                .body().path("allowed_mentions");
        assertEquals(0, allowed.path("parse").size(), "pings nobody: " + allowed);
        awaitResponse(r -> r.path("type").asInt() == 4 && r.path("data").path("content").asText()
                .startsWith("Resolved")); // /resolve is acknowledged, whichever of the two reaches Discord first
        assertEquals("rating", event(handed.handoff, "aftercare_asked").detail());
        await(() -> asked(handed).messageId() != null);
        assertEquals(String.valueOf(prompt.id()), asked(handed).messageId());
        assertEquals(String.valueOf(baton.ann), asked(handed).customerId());
        assertTrue(baton.transcript(handed.question).stream().anyMatch(m -> m.text().equals(prompt.content())
                && String.valueOf(prompt.id()).equals(m.discordId())), "the transcript shows what the thread shows");
    }

    @Test
    void afterAResolveInTheConsoleTheCustomerIsAskedTheSameWay() {
        baton.startBot();
        Handed handed = handOff(HUMAN);
        baton.desk.actions().resolve(handed.handoff.id(), "sam", "solved", "");

        PostedMessage prompt = awaitPrompt(handed.thread);
        assertEquals("Sam marked this as sorted. Did this help?", prompt.content());
        assertEquals(2, customIds(prompt.components()).size());
    }

    @Test
    void thumbsUpIsTakenAndTheButtonsMakeWayForTheThanksAndACommentButton() {
        baton.startBot();
        Handed handed = handOff(HUMAN);
        PostedMessage prompt = resolveAndAwaitPrompt(handed);

        fake.pressButton(handed.thread, prompt.id(), baton.ann, AfterCareButtons.answer(Verdict.UP, handed.handoff.id()));

        JsonNode update = awaitResponse(r -> r.path("type").asInt() == 7);
        assertEquals("Alex marked this as sorted. Did this help?\n\nThank you for letting us know!",
                update.path("data").path("content").asText());
        JsonNode allowed = update.path("data").path("allowed_mentions");
        assertFalse(allowed.isMissingNode(), update::toString);
        assertEquals(0, allowed.path("parse").size(), () -> "the edit pings nobody: " + update);
        assertEquals(List.of(AfterCareButtons.comment(handed.handoff.id())), customIds(update.path("data")));
        JsonNode message = fake.message(handed.thread, prompt.id());
        assertEquals(List.of(AfterCareButtons.comment(handed.handoff.id())), customIds(message.path("components")));
        assertEquals(Verdict.UP, asked(handed).verdict());
        assertEquals("up", event(handed.handoff, "aftercare_answered").detail());
        assertEquals(HandoffEvent.CUSTOMER, event(handed.handoff, "aftercare_answered").actor());
        assertTrue(baton.metrics.scrape().contains("baton_csat_total{verdict=\"up\"} 1.0"), baton.metrics.scrape());
    }

    @Test
    void onlyTheFirstAnswerCountsASecondClickIsThankedPrivately() {
        baton.startBot();
        Handed handed = handOff(HUMAN);
        PostedMessage prompt = resolveAndAwaitPrompt(handed);
        fake.pressButton(handed.thread, prompt.id(), baton.ann, AfterCareButtons.answer(Verdict.DOWN, handed.handoff.id()));
        awaitResponse(r -> r.path("type").asInt() == 7);

        // A client that has not redrawn the message yet still shows the old buttons.
        fake.pressButton(handed.thread, prompt.id(), baton.ann, AfterCareButtons.answer(Verdict.UP, handed.handoff.id()));

        assertEquals("You already told us \u2014 thank you.", awaitEphemeral().path("data").path("content").asText());
        assertEquals(Verdict.DOWN, asked(handed).verdict());
        assertEquals(1, baton.handoffs.events(handed.handoff.id()).stream()
                .filter(e -> e.kind().equals("aftercare_answered")).count());
    }

    @Test
    void someoneElsesClickIsRefusedPrivatelyAndLeavesTheQuestionOpen() {
        baton.startBot();
        Handed handed = handOff(HUMAN);
        PostedMessage prompt = resolveAndAwaitPrompt(handed);

        fake.pressButton(handed.thread, prompt.id(), baton.bob, AfterCareButtons.answer(Verdict.DOWN, handed.handoff.id()));

        assertEquals("Only the person who asked can answer this.",
                awaitEphemeral().path("data").path("content").asText());
        assertNull(asked(handed).verdict());
        assertEquals(customIds(prompt.components()), customIds(fake.message(handed.thread, prompt.id())
                .path("components")), "the buttons stay for the customer");
    }

    @Test
    void theCommentButtonOpensAOneLineBoxAndTheCommentIsKept() {
        baton.startBot();
        Handed handed = handOff(HUMAN);
        PostedMessage prompt = resolveAndAwaitPrompt(handed);
        fake.pressButton(handed.thread, prompt.id(), baton.ann, AfterCareButtons.answer(Verdict.UP, handed.handoff.id()));
        awaitResponse(r -> r.path("type").asInt() == 7);

        fake.pressButton(handed.thread, prompt.id(), baton.ann, AfterCareButtons.comment(handed.handoff.id()));
        JsonNode modal = awaitResponse(r -> r.path("type").asInt() == 9);
        assertEquals(AfterCareButtons.comment(handed.handoff.id()), modal.path("data").path("custom_id").asText());
        JsonNode input = modal.path("data").path("components").get(0).path("component");
        assertEquals(4, input.path("type").asInt(), "a text input inside a label: " + modal);
        assertEquals(200, input.path("max_length").asInt());
        assertTrue(!input.path("required").asBoolean(true), "the comment is optional");

        fake.submitModal(handed.thread, prompt.id(), baton.ann, AfterCareButtons.comment(handed.handoff.id()),
                Map.of("comment", "Quick and kind, thanks Alex"));

        assertEquals("Thank you, we've passed your comment on.",
                awaitEphemeral().path("data").path("content").asText());
        assertEquals("Quick and kind, thanks Alex", asked(handed).comment());
        assertEquals("Quick and kind, thanks Alex", event(handed.handoff, "aftercare_comment").detail());
    }

    @Test
    void aClickAfterTheButtonsExpiredIsToldTheQuestionHasClosed() {
        TestClock clock = new TestClock(Instant.now());
        baton.clock = clock;
        baton.startBot();
        Handed handed = handOff(HUMAN);
        PostedMessage prompt = resolveAndAwaitPrompt(handed);

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        fake.pressButton(handed.thread, prompt.id(), baton.ann, AfterCareButtons.answer(Verdict.UP, handed.handoff.id()));

        assertEquals("This question has closed, but you can always write here if you need us.",
                awaitEphemeral().path("data").path("content").asText());
        assertNull(asked(handed).verdict());
    }

    @Test
    void afterACrisisNothingIsPostedAndTheTimelineSaysWhy() {
        baton.startBot();
        Handed handed = handOff(CRISIS);
        assertEquals("crisis", handed.handoff.reason());
        long before = postsIn(handed.thread);

        baton.desk.actions().resolve(handed.handoff.id(), handed.handoff.assigneeId(), "solved", "");

        String why = awaitEvent(handed.handoff, "aftercare_not_sent").detail();
        assertTrue(why.contains("crisis"), why);
        assertEquals(before, postsIn(handed.thread));
        assertTrue(baton.aftercare.asked(handed.handoff.id()).isEmpty());
    }

    @Test
    void griefGetsOnlyAKindClosingLineWithoutButtons() {
        baton.startBot();
        Handed handed = handOff(GRIEF);
        assertEquals("sadness_grief", handed.handoff.reason());

        baton.desk.actions().resolve(handed.handoff.id(), "sam", "solved", "");

        PostedMessage line = fake.awaitPostedMessage(p -> p.channelId() == handed.thread
                && p.content().startsWith("Sam has marked this as done."), BatonOnFakeDiscord.WAIT);
        assertEquals("Sam has marked this as done. We're thinking of you, and we're here whenever you need us.",
                line.content());
        assertEquals(List.of(), customIds(line.components()));
        assertEquals("closing_line", event(handed.handoff, "aftercare_asked").detail());
    }

    @Test
    void aPracticeHandoffIsNeverFollowedUpInDiscord() {
        baton.startBot();
        Reaction.HandOff practice = baton.desk.practice("alex", List.of(Message.customer(HUMAN))).orElseThrow();
        int before = fake.postedMessages().size();

        baton.desk.actions().resolve(practice.handoff().id(), "alex", "solved", "");

        String why = awaitEvent(practice.handoff(), "aftercare_not_sent").detail();
        assertTrue(why.contains("practice"), why);
        assertEquals(before, fake.postedMessages().size());
    }

    // ------------------------------------------------------------------------------------ helpers

    private record Handed(long question, long thread, HandoffRecord handoff) {
    }

    /** Ann writes in #support and the handoff's notice has gone out in the thread. */
    private Handed handOff(String text) {
        long question = fake.sendMessage(baton.support, baton.ann, text);
        long thread = baton.threadFor(question);
        await(() -> !baton.openHandoffs().isEmpty());
        HandoffRecord handoff = baton.openHandoffs().get(0);
        awaitEvent(handoff, "notified");
        return new Handed(question, thread, handoff);
    }

    private PostedMessage resolveAndAwaitPrompt(Handed handed) {
        fake.slashCommand(handed.thread, baton.alex, "resolve", Map.of());
        PostedMessage prompt = awaitPrompt(handed.thread);
        await(() -> asked(handed).messageId() != null);
        return prompt;
    }

    private PostedMessage awaitPrompt(long thread) {
        return fake.awaitPostedMessage(p -> p.channelId() == thread && p.components() != null
                && p.components().toString().contains(AfterCareButtons.PREFIX), BatonOnFakeDiscord.WAIT);
    }

    private Asked asked(Handed handed) {
        return baton.aftercare.asked(handed.handoff.id()).orElseThrow();
    }

    private long postsIn(long channel) {
        return fake.postedMessages().stream().filter(p -> p.channelId() == channel).count();
    }

    private HandoffEvent awaitEvent(HandoffRecord handoff, String kind) {
        await(() -> find(handoff, kind).isPresent());
        return find(handoff, kind).orElseThrow();
    }

    private HandoffEvent event(HandoffRecord handoff, String kind) {
        return find(handoff, kind).orElseThrow(() -> new AssertionError("no " + kind + " event in "
                + baton.handoffs.events(handoff.id())));
    }

    private Optional<HandoffEvent> find(HandoffRecord handoff, String kind) {
        return baton.handoffs.events(handoff.id()).stream().filter(e -> e.kind().equals(kind)).findFirst();
    }

    /** The latest interaction callback that matches, waiting for it. */
    private JsonNode awaitResponse(Predicate<JsonNode> match) {
        await(() -> fake.interactionResponses().stream().anyMatch(match));
        List<JsonNode> matching = fake.interactionResponses().stream().filter(match).toList();
        return matching.get(matching.size() - 1);
    }

    /** The latest reply only its clicker sees (type 4, ephemeral) that is not /resolve's own. */
    private JsonNode awaitEphemeral() {
        return awaitResponse(r -> r.path("type").asInt() == 4
                && (r.path("data").path("flags").asInt() & EPHEMERAL) != 0
                && !r.path("data").path("content").asText().startsWith("Resolved"));
    }

    private static List<String> customIds(JsonNode components) {
        return components == null ? List.of() : components.findValuesAsText("custom_id");
    }
}
