package dev.baton.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.conversation.ConversationRecord;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.health.History;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@Tag("database")
class FeedbackStoreTest {

    private static final Instant NOW = Instant.parse("2024-06-12T12:00:00Z");

    private final History history = new History().at(NOW.toString());
    private final FeedbackStore feedback = history.feedback;

    @AfterEach
    void close() {
        history.close();
    }

    private List<String> eventKinds(HandoffRecord handoff) {
        return history.handoffs.events(handoff.id()).stream().map(e -> e.kind() + ":" + e.detail())
                .filter(k -> k.startsWith("feedback")).toList();
    }

    private static List<String> clicks(List<Feedback> given) {
        return given.stream().map(f -> f.actor() + " " + f.kind().wireName()).toList();
    }

    @Nested
    class TheKinds {

        @ParameterizedTest(name = "{0}")
        @EnumSource(FeedbackKind.class)
        void everyKindRoundTripsThroughItsWireName(FeedbackKind kind) {
            assertEquals(kind, FeedbackKind.fromWire(kind.wireName()));
        }

        @ParameterizedTest(name = "\"{0}\" suggests {1}")
        @CsvSource({"needed-person, needed_person", "bot_could_anwser, bot_could_answer",
                "should have come sooner, should_have_come_sooner", "asked_agian, asked_again"})
        void aMistypedKindIsRefusedWithTheChoicesAndAGuess(String typed, String guess) {
            FeedbackRejected e = assertThrows(FeedbackRejected.class, () -> FeedbackKind.fromWire(typed));
            assertEquals(FeedbackRejected.Why.UNKNOWN_KIND, e.why());
            assertTrue(e.getMessage().startsWith("\"" + typed + "\" is not a kind of feedback: choose needed_person,"
                    + " bot_could_answer, should_have_come_sooner or asked_again."), e.getMessage());
            assertTrue(e.getMessage().endsWith("Did you mean " + guess + "?"), e.getMessage());
        }

        @Test
        void somethingNothingLikeAKindGetsNoGuess() {
            FeedbackRejected e = assertThrows(FeedbackRejected.class, () -> FeedbackKind.fromWire("great job"));
            assertFalse(e.getMessage().contains("Did you mean"), e.getMessage());
            assertFalse(e.notFound());
        }

        @Test
        void noKindAtAllIsRefused() {
            assertEquals(FeedbackRejected.Why.UNKNOWN_KIND,
                    assertThrows(FeedbackRejected.class, () -> FeedbackKind.fromWire(null)).why());
            assertEquals(FeedbackRejected.Why.UNKNOWN_KIND,
                    assertThrows(FeedbackRejected.class, () -> FeedbackKind.fromWire("  ")).why());
        }
    }

    @Nested
    class OnAHandoff {

        private final HandoffRecord handoff = history.handoff().create();

        @Test
        void isStoredOnTheHandoffsConversationWithWhoWhenAndTheNote() {
            history.after(Duration.ofMinutes(5));
            List<Feedback> given = feedback.onHandoff(handoff.id(), "alex", FeedbackKind.ASKED_AGAIN,
                    "  asked for the order number, which was in the first message ");
            assertEquals(1, given.size());
            Feedback click = given.get(0);
            assertEquals(handoff.conversationId(), click.conversationId());
            assertEquals(handoff.id(), click.handoffId());
            assertEquals(FeedbackKind.ASKED_AGAIN, click.kind());
            assertEquals("alex", click.actor());
            assertEquals(NOW.plus(Duration.ofMinutes(5)), click.at());
            assertEquals("asked for the order number, which was in the first message", click.note());
        }

        @Test
        void addsAFeedbackEventToTheHandoffsTimelineNamingTheKindAndWho() {
            feedback.onHandoff(handoff.id(), "sam", FeedbackKind.NEEDED_PERSON, "");
            HandoffEvent event = history.handoffs.events(handoff.id()).get(1);
            assertEquals("feedback", event.kind());
            assertEquals("needed_person", event.detail());
            assertEquals("sam", event.actor());
            assertEquals(NOW, event.at());
            assertNull(event.from());
            assertNull(event.to());
        }

        @Test
        void clickingAgainChangesNothingAndIsNoError() {
            feedback.onHandoff(handoff.id(), "alex", FeedbackKind.NEEDED_PERSON, "clearly upset");
            history.after(Duration.ofMinutes(1));
            List<Feedback> again = feedback.onHandoff(handoff.id(), "alex", FeedbackKind.NEEDED_PERSON, "second try");
            assertEquals(1, again.size());
            assertEquals("clearly upset", again.get(0).note());
            assertEquals(NOW, again.get(0).at());
            assertEquals(List.of("feedback:needed_person"), eventKinds(handoff));
        }

        @Test
        void twoPeopleGivingTheSameKindAreTwoClicks() {
            feedback.onHandoff(handoff.id(), "alex", FeedbackKind.NEEDED_PERSON, "");
            List<Feedback> given = feedback.onHandoff(handoff.id(), "sam", FeedbackKind.NEEDED_PERSON, "");
            assertEquals(List.of("alex needed_person", "sam needed_person"), clicks(given));
        }

        @Test
        void isListedPerConversationOldestFirst() {
            feedback.onHandoff(handoff.id(), "sam", FeedbackKind.SHOULD_HAVE_COME_SOONER, "");
            history.after(Duration.ofMinutes(1));
            feedback.onHandoff(handoff.id(), "alex", FeedbackKind.ASKED_AGAIN, "");
            history.after(Duration.ofMinutes(1));
            feedback.onHandoff(handoff.id(), "admin", FeedbackKind.BOT_COULD_ANSWER, "");
            HandoffRecord another = history.handoff().create();
            feedback.onHandoff(another.id(), "alex", FeedbackKind.NEEDED_PERSON, "");
            assertEquals(List.of("sam should_have_come_sooner", "alex asked_again", "admin bot_could_answer"),
                    clicks(feedback.forConversation(handoff.conversationId())));
            assertEquals(List.of("alex needed_person"), clicks(feedback.forConversation(another.conversationId())));
        }

        @Test
        void neededAPersonAndBotCouldHaveAnsweredReplaceEachOtherForTheSamePerson() {
            feedback.onHandoff(handoff.id(), "alex", FeedbackKind.NEEDED_PERSON, "");
            feedback.onHandoff(handoff.id(), "sam", FeedbackKind.NEEDED_PERSON, "");
            List<Feedback> changed = feedback.onHandoff(handoff.id(), "alex", FeedbackKind.BOT_COULD_ANSWER, "mis-click");
            assertEquals(List.of("sam needed_person", "alex bot_could_answer"), clicks(changed));
            assertEquals(List.of("feedback:needed_person", "feedback:needed_person", "feedback:bot_could_answer",
                    "feedback_withdrawn:needed_person"), eventKinds(handoff));
            List<Feedback> back = feedback.onHandoff(handoff.id(), "alex", FeedbackKind.NEEDED_PERSON, "");
            assertEquals(List.of("sam needed_person", "alex needed_person"), clicks(back));
        }

        @Test
        void askedAgainAndShouldHaveComeSoonerStandBesideAnyOtherJudgement() {
            feedback.onHandoff(handoff.id(), "alex", FeedbackKind.BOT_COULD_ANSWER, "");
            feedback.onHandoff(handoff.id(), "alex", FeedbackKind.ASKED_AGAIN, "");
            List<Feedback> given = feedback.onHandoff(handoff.id(), "alex", FeedbackKind.SHOULD_HAVE_COME_SOONER, "");
            assertEquals(3, given.size());
        }

        @Test
        void isTakenOnAResolvedHandoffToo() {
            history.lifecycle.resolve(handoff.id(), "alex", dev.baton.handoff.Outcome.SOLVED, null);
            assertEquals(1, feedback.onHandoff(handoff.id(), "alex", FeedbackKind.NEEDED_PERSON, "").size());
        }

        @Test
        void onAPracticeHandoffIsTakenSoANewcomerRehearsesThePage() {
            HandoffRecord practice = history.handoff().practice().create();
            feedback.onHandoff(practice.id(), "sam", FeedbackKind.NEEDED_PERSON, "");
            assertEquals(List.of("feedback:needed_person"), eventKinds(practice));
        }

        @Test
        void withoutAKindIsRefusedWithTheChoices() {
            FeedbackRejected e = assertThrows(FeedbackRejected.class,
                    () -> feedback.onHandoff(handoff.id(), "alex", null, ""));
            assertEquals("Say which feedback this is: needed_person, bot_could_answer, should_have_come_sooner or"
                    + " asked_again.", e.getMessage());
        }

        @Test
        void onAHandoffThatDoesNotExistIsNotFound() {
            FeedbackRejected e = assertThrows(FeedbackRejected.class,
                    () -> feedback.onHandoff(999, "alex", FeedbackKind.NEEDED_PERSON, ""));
            assertEquals(FeedbackRejected.Why.NO_SUCH_HANDOFF, e.why());
            assertTrue(e.notFound());
            assertEquals("There is no handoff 999.", e.getMessage());
        }

        @Test
        void needsSomeoneToHaveGivenIt() {
            FeedbackRejected e = assertThrows(FeedbackRejected.class,
                    () -> feedback.onHandoff(handoff.id(), " ", FeedbackKind.NEEDED_PERSON, ""));
            assertEquals(FeedbackRejected.Why.NO_ACTOR, e.why());
            assertTrue(feedback.forConversation(handoff.conversationId()).isEmpty());
            assertEquals(List.of(), eventKinds(handoff));
        }

        @Test
        void aNoteLongerThanAThousandCharactersIsRefusedAndNothingIsStored() {
            FeedbackRejected e = assertThrows(FeedbackRejected.class,
                    () -> feedback.onHandoff(handoff.id(), "alex", FeedbackKind.ASKED_AGAIN, "x".repeat(1001)));
            assertEquals(FeedbackRejected.Why.NOTE_TOO_LONG, e.why());
            assertEquals("A feedback note is at most 1000 characters; this one has 1001.", e.getMessage());
            assertTrue(feedback.forConversation(handoff.conversationId()).isEmpty());
            assertEquals(1, feedback.onHandoff(handoff.id(), "alex", FeedbackKind.ASKED_AGAIN, "x".repeat(1000)).size());
        }

        @Test
        void theConsoleHearsOfTheNewEventButNotOfAClickThatChangedNothing() {
            List<Long> changed = new ArrayList<>();
            HandoffStore listened = new HandoffStore(history.database, new HandoffStore.Listener() {
                @Override
                public void created(long handoffId) {
                }

                @Override
                public void changed(long handoffId) {
                    changed.add(handoffId);
                }
            });
            FeedbackStore heard = new FeedbackStore(history.database, history.conversations, listened, history.clock);
            heard.onHandoff(handoff.id(), "alex", FeedbackKind.NEEDED_PERSON, "");
            heard.onHandoff(handoff.id(), "alex", FeedbackKind.NEEDED_PERSON, "");
            assertEquals(List.of(handoff.id()), changed);
        }
    }

    @Nested
    class OnAConversationBatonAnswered {

        private final ConversationRecord answered = history.answered();

        @Test
        void shouldHaveComeSoonerIsStoredWithoutAHandoff() {
            List<Feedback> given = feedback.onAnswered(answered.id(), "sam",
                    FeedbackKind.SHOULD_HAVE_COME_SOONER, "asked twice for a person");
            assertEquals(1, given.size());
            assertNull(given.get(0).handoffId());
            assertEquals(answered.id(), given.get(0).conversationId());
            assertEquals("asked twice for a person", given.get(0).note());
        }

        @Test
        void clickingAgainChangesNothing() {
            feedback.onAnswered(answered.id(), "sam", FeedbackKind.SHOULD_HAVE_COME_SOONER, "first");
            List<Feedback> again = feedback.onAnswered(answered.id(), "sam", FeedbackKind.SHOULD_HAVE_COME_SOONER, "");
            assertEquals(1, again.size());
            assertEquals("first", again.get(0).note());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = FeedbackKind.class, names = "SHOULD_HAVE_COME_SOONER", mode = EnumSource.Mode.EXCLUDE)
        void takesNoOtherKind(FeedbackKind kind) {
            FeedbackRejected e = assertThrows(FeedbackRejected.class,
                    () -> feedback.onAnswered(answered.id(), "sam", kind, ""));
            assertEquals(FeedbackRejected.Why.KIND_NOT_FOR_ANSWERED, e.why());
            assertEquals("On a conversation Baton answered, the only feedback is should_have_come_sooner; "
                    + kind.wireName() + " is for handoffs.", e.getMessage());
            assertTrue(feedback.forConversation(answered.id()).isEmpty());
        }

        @Test
        void thatDoesNotExistIsNotFound() {
            FeedbackRejected e = assertThrows(FeedbackRejected.class,
                    () -> feedback.onAnswered(999, "sam", FeedbackKind.SHOULD_HAVE_COME_SOONER, ""));
            assertEquals(FeedbackRejected.Why.NO_SUCH_CONVERSATION, e.why());
            assertTrue(e.notFound());
        }

        @Test
        void isRefusedForPracticeWhichNeverCounts() {
            HandoffRecord practice = history.handoff().practice().create();
            FeedbackRejected e = assertThrows(FeedbackRejected.class, () -> feedback.onAnswered(
                    practice.conversationId(), "sam", FeedbackKind.SHOULD_HAVE_COME_SOONER, ""));
            assertEquals(FeedbackRejected.Why.PRACTICE, e.why());
            assertTrue(e.getMessage().contains("practice"), e.getMessage());
        }

        @Test
        void isRefusedForAConversationThatWasHandedOffPointingToItsHandoff() {
            history.answerAgain(answered);
            HandoffRecord handoff = history.handoff().in(answered.id()).create();
            FeedbackRejected e = assertThrows(FeedbackRejected.class, () -> feedback.onAnswered(
                    answered.id(), "sam", FeedbackKind.SHOULD_HAVE_COME_SOONER, ""));
            assertEquals(FeedbackRejected.Why.HANDED_OFF, e.why());
            assertEquals("Conversation " + answered.id() + " was handed off (handoff " + handoff.id()
                    + "): give this feedback on the handoff's page.", e.getMessage());
            assertEquals(1, feedback.onHandoff(handoff.id(), "sam", FeedbackKind.SHOULD_HAVE_COME_SOONER, "").size());
        }

        @Test
        void isRefusedWhereBatonNeverAnswered() {
            ConversationRecord silent = history.unanswered();
            FeedbackRejected e = assertThrows(FeedbackRejected.class, () -> feedback.onAnswered(
                    silent.id(), "sam", FeedbackKind.SHOULD_HAVE_COME_SOONER, ""));
            assertEquals(FeedbackRejected.Why.NOT_ANSWERED, e.why());
            assertTrue(feedback.forConversation(silent.id()).isEmpty());
        }
    }

    @Test
    void aClickBecomesTheConsolesViewWithTheActorsName() {
        HandoffRecord handoff = history.handoff().create();
        Feedback click = feedback.onHandoff(handoff.id(), "alex", FeedbackKind.NEEDED_PERSON, "yes").get(0);
        var view = click.view("Alex");
        assertEquals("needed_person", view.kind());
        assertEquals("alex", view.actorId());
        assertEquals("Alex", view.actorName());
        assertEquals(NOW, view.at());
        assertEquals("yes", view.note());
        assertEquals(handoff.id(), view.handoffId());
    }
}
