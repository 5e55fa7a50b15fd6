package dev.baton.console.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.console.api.PlaygroundMessage;
import dev.baton.console.web.ApiError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversationTextTest {

    private static PlaygroundMessage customer(String text) {
        return new PlaygroundMessage("customer", text);
    }

    private static String refusal(String text) {
        ApiError error = assertThrows(ApiError.class, () -> ConversationText.parse(text));
        assertEquals(400, error.status());
        return error.getMessage();
    }

    @Test
    void eachPrefixedLineIsOneMessage() {
        assertEquals(List.of(customer("I was charged twice"),
                        new PlaygroundMessage("bot", "When was the charge?"),
                        new PlaygroundMessage("staff", "Looking now."),
                        customer("yesterday")),
                ConversationText.parse("customer: I was charged twice\nbot: When was the charge?\n"
                        + "staff: Looking now.\ncustomer: yesterday\n"));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "Customer:  hello  | customer",
            "BOT: hello        | bot",
            "baton: hello      | bot",
            "  staff :hello    | staff",
    })
    void prefixesIgnoreCaseAndSpaces(String line, String author) {
        assertEquals(List.of(customer("hi"), new PlaygroundMessage(author, "hello")),
                ConversationText.parse("customer: hi\n" + line));
    }

    @Test
    void aLineWithoutAPrefixContinuesTheMessageAboveSoPastedMessagesStayWhole() {
        assertEquals(List.of(customer("first line\nsecond line"), new PlaygroundMessage("bot", "ok")),
                ConversationText.parse("customer: first line\r\n  second line\nbot: ok"));
    }

    @Test
    void beforeAnyPrefixItIsTheCustomerSpeaking() {
        assertEquals(List.of(customer("my father passed away")), ConversationText.parse("\n\nmy father passed away\n"));
    }

    @Test
    void aPrefixedLineMayBeEmptyWhenTheNextLinesCarryTheText() {
        assertEquals(List.of(customer("hello\nthere")), ConversationText.parse("customer:\nhello\nthere"));
    }

    @Test
    void anEmptyConversationIsRefused() {
        assertEquals("\"conversation\" is empty: write at least one customer message, e.g. customer: I was charged twice",
                refusal(" \n \n"));
    }

    @Test
    void anEmptyMessageNamesItsLine() {
        assertEquals("\"conversation\" line 2: the message after \"bot:\" is empty",
                refusal("customer: hi\nbot:\ncustomer: still there?"));
    }

    @Test
    void aConversationWithoutACustomerIsRefused() {
        assertEquals("\"conversation\" has no customer message to decide on: start a line with customer:",
                refusal("bot: hello\nstaff: hi"));
    }

    @Test
    void tooManyOrTooLongMessagesAreRefused() {
        assertEquals("\"conversation\" has 51 messages: at most 50", refusal("customer: x\n".repeat(51)));
        assertEquals("\"conversation\" line 1: the message is too long: at most 4000 characters",
                refusal("customer: " + "x".repeat(4001)));
    }
}
