package dev.baton.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.knowledge.KnowledgeEntry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GroundingTest {

    private static final KnowledgeEntry REFUNDS = new KnowledgeEntry("refunds", "billing",
            List.of("How do I get a refund?", "can I get my money back"),
            "Refunds within 30 days from Settings > Billing.", "https://baton.dev/help/refunds");

    private static KnowledgeEntry entry(String answer) {
        return new KnowledgeEntry("plans", null, List.of("what does it cost"), answer, null);
    }

    @Test
    void anInventedRefundIsRejectedForItsAmountAndForTheAction() {
        assertEquals(List.of("the number \"50\" is not in entry refunds",
                        "it claims an action Baton cannot take: \"I've refunded\""),
                Grounding.problems("I've refunded you $50", REFUNDS));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "You can get your money back within 30 days: open Settings > Billing. More at https://baton.dev/help/refunds.",
        "Refunds are possible for 30 days, from **Settings > Billing** ([details](https://baton.dev/help/refunds)).",
        "Sure! Within thirty days you can ask for a refund in your billing settings.",
        "I can't refund you myself, but you can do it within 30 days from Settings > Billing.",
    })
    void aFaithfulRephrasePasses(String phrased) {
        assertEquals(List.of(), Grounding.problems(phrased, REFUNDS));
    }

    @Test
    void aLinkNotInTheEntryIsRejected() {
        assertEquals(List.of("the URL \"https://baton.dev/help/returns\" is not in entry refunds"),
                Grounding.problems("See https://baton.dev/help/returns for refunds.", REFUNDS));
    }

    @Test
    void theEntrysLinkPassesWithATrailingFullStopAndAnotherCaseInItsHost() {
        assertEquals(List.of(), Grounding.problems("Refunds: see HTTPS://Baton.dev/help/refunds.", REFUNDS));
    }

    @Test
    void aMarkdownLinksTargetMustBeInTheEntry() {
        assertEquals(List.of("the URL \"https://evil.example/refunds\" is not in entry refunds"),
                Grounding.problems("See [the refund page](https://evil.example/refunds).", REFUNDS));
        assertEquals(List.of("the URL \"/help/refunds\" is not in entry refunds"),
                Grounding.problems("See [the refund page](/help/refunds).", REFUNDS));
    }

    @ParameterizedTest(name = "\"{1}\" is supported by \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Up to 1000 messages a day.      | Up to 1,000 messages a day.
            Up to 1,000 messages a day.     | You can send 1000 messages a day.
            The Pro Plan costs $12.50.      | Pro Plan: 12.50 a month.
            The Pro Plan costs 12.50 EUR.   | Pro Plan: €12.50 (EUR) a month.
            Support hours are 9am-5pm.      | We answer from 9 to 5.
            Write to help@baton.dev.        | Just e-mail HELP@baton.dev!
            """)
    void numbersAndAddressesWrittenDifferentlyAreTheSameFact(String answer, String phrased) {
        assertEquals(List.of(), Grounding.problems(phrased, entry(answer)));
    }

    @ParameterizedTest(name = "\"{1}\" against \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Support hours are 9am-5pm.   | We answer from 9pm.                 | the number "9pm" is not in entry plans
            The Pro Plan costs $12.50.   | The Pro Plan costs $15.             | the number "15" is not in entry plans
            The Pro Plan costs $12.50.   | The Max Plan costs $12.50.          | the name "Max Plan" is not in entry plans
            The Pro Plan costs $12.50.   | Pay for the Pro Plan with Stripe.   | the name "Stripe" is not in entry plans
            The Pro Plan costs $12.50.   | The Pro Plan costs $12.50 with SAVE20. | the code "SAVE20" is not in entry plans
            Write to help@baton.dev.     | Write to billing@baton.dev.         | the e-mail address "billing@baton.dev" is not in entry plans
            We are open every weekday.   | We are open on Monday.              | the name "Monday" is not in entry plans
            """)
    void aFactNotInTheEntryIsRejected(String answer, String phrased, String problem) {
        assertEquals(List.of(problem), Grounding.problems(phrased, entry(answer)));
    }

    @Test
    void aNameInAnotherCasePasses() {
        KnowledgeEntry avatar = entry("Change your avatar in your profile settings.");

        assertEquals(List.of(), Grounding.problems("You can change it under Profile Settings.", avatar));
        assertEquals(List.of(), Grounding.problems("You can change it under settings > billing.", REFUNDS));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            <@123456> refunds within 30 days from Settings > Billing.  | <@123456>
            Refunds within 30 days, ask <@&777> for help.              | <@&777>
            See <#42> for refunds.                                     | <#42>
            @everyone refunds are within 30 days.                      | @everyone
            @here refunds are within 30 days.                          | @here
            """)
    void aMentionIsRejected(String phrased, String mention) {
        assertEquals(List.of("it mentions \"" + mention + "\""), Grounding.problems(phrased, REFUNDS));
    }

    @Test
    void aMentionIsRejectedEvenWhenTheEntryHasIt() {
        assertEquals(List.of("it mentions \"@here\""),
                Grounding.problems("@here asks for refunds.", entry("Never write @here asks for refunds.")));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            I have issued a refund for your order.              | I have issued
            I processed it this morning.                        | I processed
            I'll cancel your plan now.                          | I'll cancel
            I've escalated this to the team.                    | I've escalated
            We have credited your account.                      | We have credited
            I've reset your password.                           | I've reset
            Your refund has been approved.                      | has been approved
            Good news: your refund was processed.               | was processed
            It’s been refunded already.                         | It’s been refunded
            I've added the role.                                | I've added
            I have changed your e-mail.                         | I have changed
            Let me unban you.                                   | Let me unban
            I’ve just gone ahead and waived the fee.            | I’ve just gone ahead and waived
            """)
    void aClaimOfAnActionBatonCannotTakeIsRejected(String phrased, String claim) {
        assertEquals(List.of("it claims an action Baton cannot take: \"" + claim + "\""),
                Grounding.problems(phrased, entry("Anything.")));
    }

    @Test
    void anActionTheEntryItselfDescribesInTheSameWordsPasses() {
        KnowledgeEntry entry = entry("Once we have refunded you, the money takes 5 days to arrive.");

        assertEquals(List.of(), Grounding.problems("Once we have refunded you, it takes 5 days.", entry));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "\n\t"})
    void anEmptyAnswerIsRejected(String phrased) {
        assertEquals(List.of("the answer is empty"), Grounding.problems(phrased, REFUNDS));
    }

    @Test
    void anAnswerMuchLongerThanTheEntryIsRejected() {
        String phrased = "Refunds within 30 days from Settings > Billing. ".repeat(8);

        assertEquals(List.of("the answer is 383 characters long; entry refunds allows 347"),
                Grounding.problems(phrased, REFUNDS));
    }

    @Test
    void aLongEntryMayBeRewordedInUpToTwiceItsLength() {
        String answer = "Refunds within 30 days from Settings > Billing. ".repeat(10).strip();
        String phrased = answer + " " + answer.substring(1);

        assertEquals(List.of(), Grounding.problems(phrased, entry(answer)));
        assertEquals(1, Grounding.problems(phrased + " Thanks!", entry(answer)).size());
    }
}
