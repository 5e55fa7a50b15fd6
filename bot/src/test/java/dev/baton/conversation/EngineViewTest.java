package dev.baton.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.triage.Author;
import dev.baton.triage.Message;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineViewTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aCustomersMessageIsReadWithoutItsInvisibleCharactersAndSurroundingSpace() {
        Message read = EngineView.of(AuthorKind.CUSTOMER, "  where is my\u200b order?  ", false, AT, "1", "0")
                .orElseThrow();
        assertEquals(Author.CUSTOMER, read.author());
        assertEquals("where is my order?", read.text());
    }

    @Test
    void aDeletedAnEmptyAndABystandersMessageAreNotRead() {
        assertTrue(EngineView.of(AuthorKind.CUSTOMER, "refund please", true, AT, null, null).isEmpty());
        assertTrue(EngineView.of(AuthorKind.CUSTOMER, " \u200b ", false, AT, null, null).isEmpty());
        assertTrue(EngineView.of(AuthorKind.OTHER, "same problem here", false, AT, null, null).isEmpty());
    }

    @Test
    void thereIsNoConversationToReadUntilTheCustomerHasSaidSomething() {
        Message bot = EngineView.of(AuthorKind.BOT, "How can I help?", false, AT, null, null).orElseThrow();
        Message customer = EngineView.of(AuthorKind.CUSTOMER, "my print fails", false, AT, null, null).orElseThrow();
        assertTrue(EngineView.conversationOf(List.of(bot)).isEmpty());
        assertEquals(2, EngineView.conversationOf(List.of(bot, customer)).orElseThrow().size());
    }
}
