package dev.baton.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactsTest {

    @ParameterizedTest(name = "\"{0}\" has the numbers {1}")
    @CsvSource(delimiter = '|', textBlock = """
            It costs $12.50 a month.           | 12.5
            It costs 12.50 a month.            | 12.5
            Up to 1,000 messages.              | 1000
            Up to 1000 messages.               | 1000
            We answer 24/7.                    | 24 7
            Open from 9am, or 9 AM on Sundays. | 9am
            Closes at 5 p.m.                   | 5pm
            It takes 3-5 days.                 | 3 5
            Save 10% or 10 percent.            | 10%
            Just €5, paid on the 1st.          | 5 1
            Sizes 10,12,14.                    | 10 12 14
            Update to 2.3.1 first.             | 2.3.1
            Starts at 09:30, ends at 17:00.    | 9:30 17
            Order #48213 is on its way.        | 48213
            5GB of storage.                    | 5
            """)
    void numbersAreComparedByValueWhateverTheirCurrencyOrSeparators(String text, String numbers) {
        assertEquals(Set.of(numbers.split(" ")), Facts.numbers(text));
    }

    @ParameterizedTest(name = "\"{0}\" has no numbers")
    @CsvSource(delimiter = '|', textBlock = """
            Ask <@123456> in <#987654>.
            Write to help2@baton.dev.
            See https://baton.dev/help/42.
            Order A1234 shipped.
            """)
    void digitsInListNumberingLinksMentionsAndCodesAreNotNumbers(String text) {
        assertEquals(Set.of(), Facts.numbers(text));
    }

    @Test
    void aListsOwnNumberingIsNotANumber() {
        assertEquals(Set.of("30"), Facts.numbers("""
                1. Open Settings
                2) Click Billing within 30 days
                  3. Done
                """));
    }

    @ParameterizedTest(name = "\"{0}\" links to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            See https://Baton.DEV/Help/Refunds.          | baton.dev/Help/Refunds
            See (http://baton.dev/help/refunds).         | baton.dev/help/refunds
            See <https://baton.dev/help/refunds>!        | baton.dev/help/refunds
            See www.baton.dev/help, then ask.            | www.baton.dev/help
            See https://baton.dev/                       | baton.dev
            See [the help page](https://baton.dev/help). | baton.dev/help
            See [the help page](/help/refunds).          | /help/refunds
            Pay at stripe.com/pay.                       | stripe.com/pay
            """)
    void linksAreComparedWithoutSchemeTrailingPunctuationOrTheHostsCase(String text, String url) {
        assertEquals(Set.of(url), Facts.urls(text));
    }

    @Test
    void aFileNameIsNotALink() {
        assertEquals(Set.of(), Facts.urls("Edit config.yaml and rules.yml, not index.html."));
    }

    @Test
    void anEmailAddressIsOneFactAndNotAlsoALink() {
        assertEquals(Set.of("help@baton.dev"), Facts.emails("Write to Help@Baton.dev."));
        assertEquals(Set.of(), Facts.urls("Write to Help@Baton.dev."));
    }

    @Test
    void userRoleAndChannelMentionsAndEveryoneAndHereAreMentions() {
        assertEquals(Set.of("<@123>", "<@!124>", "<@&45>", "<#67>", "@everyone", "@here"),
                Facts.mentions("<@123> <@!124> and <@&45>, see <#67> @everyone @here"));
    }

    @ParameterizedTest(name = "\"{0}\" names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Open the Pro Plan page in Settings.           | Pro Plan,Settings
            PayPal works. I'm sure iOS does too.          | PayPal,iOS
            SKU numbers are printed on the box.           | SKU
            We are closed on Monday and in December.      | Monday,December
            Go to Settings > Billing.                     | Settings,Billing
            Turn on Wi-Fi first.                          | Wi-Fi
            You get 5GB of storage.                       | GB
            """)
    void capitalisedWordsAndRunsAreNames(String text, String names) {
        assertEquals(Set.of(names.split(",")), Facts.names(text));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Refunds take a while. Sorry about that!
            I think so, and I've checked. I'll ask, I'd say.
            - Open the page
            OK, that works.
            """)
    void theFirstWordOfASentenceAndIAreNotNames(String text) {
        assertEquals(Set.of(), Facts.names(text));
    }

    @Test
    void wordsMixingLettersAndDigitsAreCodes() {
        assertEquals(Set.of("a1234", "x86"), Facts.codes("Order A1234 runs on x86."));
    }

    @Test
    void aNameIsInATextThatHasItsWordsInAnyCase() {
        assertEquals(List.of(), Facts.notIn("Open Profile Settings.", "change your avatar in your profile settings"));
        assertEquals(List.of("the name \"Stripe\""),
                Facts.notIn("It is paid by Stripe.", "refunds are paid").stream().map(Facts.Fact::describe).toList());
    }

    @Test
    void aNumberWithoutAUnitIsInATextThatHasItWithOneButNotTheOtherWayRound() {
        assertEquals(List.of(), Facts.notIn("Open from 9 to 5.", "Open 9am-5pm."));
        assertEquals(List.of("the number \"9pm\""),
                Facts.notIn("Open from 9pm.", "Open from 9am.").stream().map(Facts.Fact::describe).toList());
    }
}
