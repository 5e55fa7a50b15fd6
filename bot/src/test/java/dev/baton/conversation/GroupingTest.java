package dev.baton.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.baton.conversation.Grouping.Candidates;
import dev.baton.conversation.Grouping.Join;
import dev.baton.conversation.Grouping.Start;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupingTest {

    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration GAP = Duration.ofMinutes(30);

    private static Incoming from(String author, Place place, Instant at) {
        return new Incoming("m-" + at.toEpochMilli(), new Incoming.Person(author, author, List.of(), null), place,
                "hello", List.of(), null, at);
    }

    private static ConversationRecord conversation(long id, String customer, ConversationState state, Instant last) {
        return new ConversationRecord(id, customer, PlaceKind.CHANNEL, "support", null, state, last, last);
    }

    @Test
    void aFirstMessageInAChannelStartsAConversationThere() {
        Grouping.Choice choice = Grouping.choose(from("ann", Place.channel("support"), NOON), Candidates.none(), GAP);
        assertEquals(new Start(PlaceKind.CHANNEL, "support", null), choice);
    }

    @Test
    void aMessageWithinTheQuietGapJoinsTheAuthorsLatestConversation() {
        ConversationRecord earlier = conversation(1, "ann", ConversationState.BOT, NOON.minus(Duration.ofMinutes(29)));
        Grouping.Choice choice = Grouping.choose(from("ann", Place.channel("support"), NOON),
                new Candidates(Optional.empty(), Optional.empty(), Optional.of(earlier)), GAP);
        assertEquals(new Join(earlier), choice);
    }

    @Test
    void aMessageAfterTheQuietGapStartsANewConversation() {
        ConversationRecord earlier = conversation(1, "ann", ConversationState.BOT, NOON.minus(Duration.ofMinutes(31)));
        Grouping.Choice choice = Grouping.choose(from("ann", Place.channel("support"), NOON),
                new Candidates(Optional.empty(), Optional.empty(), Optional.of(earlier)), GAP);
        assertInstanceOf(Start.class, choice);
    }

    @Test
    void aHandedOffConversationIsJoinedHoweverLongTheSilenceBecauseAPersonIsStillOnIt() {
        ConversationRecord waiting = conversation(1, "ann", ConversationState.HANDED_OFF, NOON.minus(Duration.ofHours(5)));
        Grouping.Choice choice = Grouping.choose(from("ann", Place.channel("support"), NOON),
                new Candidates(Optional.empty(), Optional.empty(), Optional.of(waiting)), GAP);
        assertEquals(new Join(waiting), choice);
    }

    @Test
    void anotherCustomersConversationInTheSameChannelIsNeverJoinedByProximity() {
        ConversationRecord bobs = conversation(1, "bob", ConversationState.BOT, NOON.minusSeconds(5));
        Grouping.Choice choice = Grouping.choose(from("ann", Place.channel("support"), NOON),
                new Candidates(Optional.empty(), Optional.empty(), Optional.of(bobs)), GAP);
        assertInstanceOf(Start.class, choice);
    }

    @Test
    void aReplyFollowsTheRepliedMessagesConversationEvenAfterTheGap() {
        ConversationRecord replied = conversation(7, "ann", ConversationState.BOT, NOON.minus(Duration.ofHours(3)));
        Grouping.Choice choice = Grouping.choose(from("ann", Place.channel("support"), NOON),
                new Candidates(Optional.empty(), Optional.of(replied), Optional.empty()), GAP);
        assertEquals(new Join(replied), choice);
    }

    @Test
    void aClosedConversationIsNotJoinedByAReply() {
        ConversationRecord closed = conversation(7, "ann", ConversationState.CLOSED, NOON.minusSeconds(60));
        Grouping.Choice choice = Grouping.choose(from("ann", Place.channel("support"), NOON),
                new Candidates(Optional.empty(), Optional.of(closed), Optional.of(closed)), GAP);
        assertInstanceOf(Start.class, choice);
    }

    @Test
    void aMessageInAThreadJoinsTheThreadsConversationWhoeverWritesIt() {
        ConversationRecord inThread = new ConversationRecord(3, "ann", PlaceKind.CHANNEL, "support", "t1",
                ConversationState.HANDED_OFF, NOON, NOON);
        Grouping.Choice choice = Grouping.choose(from("alex-staff", Place.thread("t1", "support"), NOON),
                new Candidates(Optional.of(inThread), Optional.empty(), Optional.empty()), GAP);
        assertEquals(new Join(inThread), choice);
    }

    @Test
    void aForumPostWithoutAConversationStartsOneBoundToThePost() {
        Grouping.Choice choice = Grouping.choose(from("ann", Place.forumPost("post", "forum"), NOON),
                Candidates.none(), GAP);
        assertEquals(new Start(PlaceKind.FORUM_POST, "post", "post"), choice);
    }

    @Test
    void aThreadWhoseConversationWasResolvedStartsAFreshOneInTheSameThread() {
        ConversationRecord resolved = new ConversationRecord(3, "ann", PlaceKind.CHANNEL, "support", "t1",
                ConversationState.CLOSED, NOON, NOON);
        Grouping.Choice choice = Grouping.choose(from("ann", Place.thread("t1", "support"), NOON),
                new Candidates(Optional.of(resolved), Optional.empty(), Optional.empty()), GAP);
        assertEquals(new Start(PlaceKind.THREAD, "t1", "t1"), choice);
    }
}
