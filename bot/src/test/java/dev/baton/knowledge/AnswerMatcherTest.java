package dev.baton.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.learn.TestModels;
import dev.baton.text.HashingEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerMatcherTest {

    private static final KnowledgeBase KB = new KnowledgeBase("test", List.of(
            new KnowledgeEntry("refunds", null, List.of("can I get a refund", "how do refunds work",
                    "refund my order"), "Refunds go back to the card within 5 days.", null),
            new KnowledgeEntry("shipping", null, List.of("how long does shipping take"),
                    "Shipping takes 3 days.", null)));

    private final AnswerMatcher matcher = new AnswerMatcher(KB, new HashingEmbedder(), TestModels.fixed().answers());

    @Test
    void theMatchSaysHowManyPhrasingsItsEntryHasAndHowBigTheKnowledgeBaseIs() {
        AnswerMatcher.Candidate refund = matcher.candidate("can I get a refund please");
        AnswerMatcher.Candidate shipping = matcher.candidate("how long does shipping take to Canada");

        int phrasings = AnswerMatcher.FEATURES.indexOf("log_phrasings");
        int entries = AnswerMatcher.FEATURES.indexOf("log_entries");
        assertEquals("refunds", refund.entry().id());
        assertEquals(Math.log(3), refund.features()[phrasings], 1e-6);
        assertEquals("shipping", shipping.entry().id());
        assertEquals(0, shipping.features()[phrasings], 1e-6);
        assertEquals(Math.log(2), shipping.features()[entries], 1e-6);
    }

    @Test
    void aWrappedQuestionIsAsSureAsTheQuestionAloneWhenBothPickTheSameEntry() {
        String message = "my parcel from grandma finally arrived, the cake was squashed lol. how long does shipping take";

        Match match = matcher.match(message);

        assertEquals("shipping", match.entry().id());
        assertEquals(matcher.match("how long does shipping take").confidence(), match.confidence(), 1e-9);
        assertTrue(match.confidence() > probability(matcher.candidate(message)), match::toString);
        assertEquals("how long does shipping take", match.matchedQuestion());
    }

    @Test
    void theQuestionAloneNeverBringsInAnotherEntry() {
        // The message as a whole is about refunds; its last clause alone is the shipping phrasing word for word.
        String message = "refund my order, refund it, can I get a refund or how do refunds work. how long does shipping take";

        Match match = matcher.match(message);

        assertEquals("refunds", matcher.candidate(message).entry().id());
        assertEquals("shipping", matcher.candidate("how long does shipping take").entry().id());
        assertEquals("refunds", match.entry().id());
        assertEquals(probability(matcher.candidate(message)), match.confidence(), 1e-9);
    }

    @Test
    void theCustomersEarlierMessageOfTheTurnMakesBatonSurerOfTheSameEntryButNeverPicksAnother() {
        String tail = "shipping to Canada?";

        Match alone = matcher.match(tail);
        Match withItsQuestion = matcher.match(tail, List.of("how long does shipping take"));
        Match withAnotherTopic = matcher.match("how long does shipping take", List.of("refund my order, refund it"));

        assertEquals("shipping", alone.entry().id());
        assertEquals("shipping", withItsQuestion.entry().id());
        assertTrue(withItsQuestion.confidence() > alone.confidence(), withItsQuestion::toString);
        assertEquals("shipping", withAnotherTopic.entry().id());
        assertEquals(matcher.match("how long does shipping take").confidence(), withAnotherTopic.confidence(), 1e-9);
    }

    @Test
    void chatShorthandIsReadWrittenOutToo() {
        AnswerMatcher accounts = new AnswerMatcher(new KnowledgeBase("test", List.of(
                new KnowledgeEntry("password", null, List.of("where do I change my account password"),
                        "Settings > Security > Password.", null),
                new KnowledgeEntry("shipping", null, List.of("how long does shipping take"), "Shipping takes 3 days.",
                        null))), new HashingEmbedder(), TestModels.fixed().answers());
        String message = "where do I change my acc pw";

        Match match = accounts.match(message);

        assertEquals("password", match.entry().id());
        assertTrue(match.confidence() > TestModels.fixed().answers().probability(0,
                accounts.candidate(message).features()), match::toString);
        assertEquals(accounts.match("where do I change my account password").confidence(), match.confidence(), 1e-9);
    }

    @Test
    void whenTheWordsRuledOutPickedTheEntryTheRestOfTheMessageIsTheQuestion() {
        AnswerMatcher plans = new AnswerMatcher(new KnowledgeBase("test", List.of(
                new KnowledgeEntry("cancel", null, List.of("cancel my plan today"), "Account > Plan > Cancel.", null),
                new KnowledgeEntry("pause", null, List.of("can I pause"), "Account > Plan > Pause.", null))),
                new HashingEmbedder(), TestModels.fixed().answers());
        String message = "can I pause instead of cancel my plan today";

        Match match = plans.match(message);

        assertEquals("cancel", plans.candidate(message).entry().id());
        assertEquals("pause", match.entry().id());
        assertEquals(plans.match("can I pause").confidence(), match.confidence(), 1e-9);
    }

    private static double probability(AnswerMatcher.Candidate candidate) {
        return TestModels.fixed().answers().probability(0, candidate.features());
    }
}
