package dev.baton.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionClausesTest {

    @Test
    void theQuestionAfterAStoryIsFound() {
        assertEquals(List.of("when's the budget clinic thing?"),
                QuestionClauses.in("i'm a nurse so emergencies are my day job lol. when's the budget clinic thing? want to plan around it"));
    }

    @Test
    void anEmojiOrADashEndsAClauseTheWayAFullStopDoes() {
        assertEquals(List.of("can tally ping me before i blow through it?"),
                QuestionClauses.in("my coffee budget is a crime scene lol ☕ can tally ping me before i blow through it?"));
        assertEquals(List.of("and what do i type in the server list"),
                QuestionClauses.in("sweet 👍 and what do i type in the server list"));
        assertEquals(List.of("how do i add my partner to our shared budget"),
                QuestionClauses.in("this app is sick 🔥how do i add my partner to our shared budget"));
        assertEquals(List.of("how often does it pull in new transactions?"),
                QuestionClauses.in("HELP 😂 jk, just curious — how often does it pull in new transactions?"));
    }

    @Test
    void aQuestionWithoutAQuestionMarkIsStillAQuestion() {
        assertEquals(List.of("and can i delete a transaction completely"),
                QuestionClauses.in("thanks!\nand can i delete a transaction completely"));
        assertEquals(List.of("how do i add a cash payment"), QuestionClauses.in("paid cash for merch. how do i add a cash payment"));
    }

    @Test
    void aMessageThatIsOnlyItsQuestionHasNoClauseToReadApart() {
        assertEquals(List.of(), QuestionClauses.in("how do i export my transactions?"));
    }

    @Test
    void aClauseTooShortToMeanAnythingAloneIsLeftInItsMessage() {
        assertEquals(List.of(), QuestionClauses.in("I put the wrong address on the parcel I sent yesterday. What will happen with it?"));
    }

    @Test
    void statementsAreNotQuestions() {
        assertEquals(List.of(), QuestionClauses.in("the sync broke again. it was fine yesterday."));
    }
}
