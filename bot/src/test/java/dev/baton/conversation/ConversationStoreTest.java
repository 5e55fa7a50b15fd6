package dev.baton.conversation;

import dev.baton.store.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("database")
class ConversationStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private final Database database = TestDatabases.fresh();
    private final ConversationStore store = new ConversationStore(database);

    @AfterEach
    void close() {
        database.close();
    }

    private ConversationRecord conversationOf(String customer) {
        store.rememberCustomer(new Incoming.Person(customer, customer, List.of("Member"), T0.minusSeconds(86_400)), T0);
        return store.start(customer, PlaceKind.CHANNEL, "support", null, T0);
    }

    private NewMessage message(String discordId, ConversationRecord c, String text) {
        return new NewMessage(discordId, c.id(), "support", c.customerId(), c.customerId(), AuthorKind.CUSTOMER, text,
                List.of(), null, null, T0);
    }

    @Test
    void theListenerHearsOfEveryChangeToAConversationsMessagesAndNothingElse() {
        List<Long> heard = new ArrayList<>();
        ConversationStore listened = new ConversationStore(database, heard::add);
        ConversationRecord c = conversationOf("ann");
        listened.insert(message("100", c, "hi"));
        listened.insert(message("100", c, "hi")); // redelivered: nothing changed
        long pending = listened.insert(new NewMessage(null, c.id(), "support", "baton", "Baton", AuthorKind.BOT,
                "Hello!", List.of(), null, null, T0)).orElseThrow();
        listened.confirmSent(pending, "101", "t-1", "Hello!");
        long unsent = listened.insert(new NewMessage(null, c.id(), "support", "baton", "Baton", AuthorKind.BOT,
                "Anything else?", List.of(), null, null, T0)).orElseThrow();
        listened.forget(unsent);
        listened.recordEdit("100", "hi there", T0.plusSeconds(1));
        listened.recordEdit("100", "hi there", T0.plusSeconds(2)); // an embed unfurling: same text
        listened.recordDelete("100", T0.plusSeconds(3));
        listened.insert(new NewMessage("102", null, "general", "ann", "ann", AuthorKind.CUSTOMER, "elsewhere",
                List.of(), null, null, T0));

        assertEquals(Collections.nCopies(7, c.id()), heard,
                "stored, stored, confirmed, stored, forgotten, edited, deleted");
    }

    @Test
    void discordLookupsNeverFindAPracticeConversation() {
        store.rememberCustomer(new Incoming.Person("practice:1", "Practice customer", List.of(), null), T0);
        ConversationRecord practice = store.startPractice("practice:1", "practice:1", T0);
        store.insert(new NewMessage("200", practice.id(), "practice:1", "practice:1", "Practice customer",
                AuthorKind.CUSTOMER, "help", List.of(), null, null, T0));

        assertTrue(practice.practice());
        assertTrue(store.conversation(practice.id()).orElseThrow().practice());
        assertTrue(store.latestOf("practice:1", "practice:1").isEmpty());
        assertTrue(store.latestInChannelOrDm("practice:1").isEmpty());
        assertTrue(store.ofMessage("200").isEmpty());
        assertEquals(1, store.practiceCount());
        assertFalse(conversationOf("ann").practice());
        assertThrows(IllegalArgumentException.class,
                () -> store.startPractice("123456789012345678", "practice:2", T0));
    }

    @Test
    void aRedeliveredMessageIsStoredOnceAndTheSecondInsertSaysSo() {
        ConversationRecord c = conversationOf("ann");
        assertTrue(store.insert(message("100", c, "hi")).isPresent());
        assertTrue(store.insert(message("100", c, "hi")).isEmpty());
        assertEquals(1, store.transcript(c.id()).size());
    }

    @Test
    void anEditKeepsTheEarlierTextAndMarksTheMessage() {
        ConversationRecord c = conversationOf("ann");
        long row = store.insert(message("100", c, "my card was charged twice")).orElseThrow();
        assertTrue(store.recordEdit("100", "my card was charged three times", T0.plusSeconds(60)));
        StoredMessage edited = store.message("100").orElseThrow();
        assertEquals("my card was charged three times", edited.text());
        assertNotNull(edited.editedAt());
        assertEquals(List.of("my card was charged twice"), store.earlierVersions(row));
    }

    @Test
    void aDeleteMarksTheMessageButKeepsItsTextForThePeopleHelping() {
        ConversationRecord c = conversationOf("ann");
        store.insert(message("100", c, "here is my order number 5521"));
        assertTrue(store.recordDelete("100", T0.plusSeconds(5)));
        StoredMessage deleted = store.message("100").orElseThrow();
        assertTrue(deleted.isDeleted());
        assertEquals("here is my order number 5521", deleted.text());
        assertFalse(store.recordDelete("never-stored", T0));
    }

    @Test
    void theConversationOfAMessageAndTheLatestInAThreadAreFound() {
        ConversationRecord c = conversationOf("ann");
        store.insert(message("100", c, "hi"));
        store.setThread(c.id(), "t-1");
        assertEquals(c.id(), store.ofMessage("100").orElseThrow().id());
        assertEquals("t-1", store.latestInThread("t-1").orElseThrow().threadId());
        assertTrue(store.latestInThread("t-2").isEmpty());
    }

    @Test
    void aCustomerKeepsTheirFirstSeenTimeAndJoinDateWhenSeenAgainFromADm() {
        conversationOf("ann");
        store.rememberCustomer(new Incoming.Person("ann", "Ann B", List.of(), null), T0.plusSeconds(600));
        ConversationStore.Customer ann = store.customer("ann").orElseThrow();
        assertEquals("Ann B", ann.name());
        assertEquals(T0, ann.firstSeen());
        assertEquals(T0.minusSeconds(86_400), ann.joinedAt());
    }

    @Test
    void recentMessagesElsewhereExcludeTheCurrentConversation() {
        ConversationRecord first = conversationOf("ann");
        store.insert(message("1", first, "in the first"));
        ConversationRecord second = store.start("ann", PlaceKind.DM, "dm-ann", null, T0);
        store.insert(new NewMessage("2", second.id(), "dm-ann", "ann", "ann", AuthorKind.CUSTOMER, "in a dm",
                List.of(), null, null, T0));
        List<StoredMessage> elsewhere = store.recentElsewhere("ann", second.id(), T0.minusSeconds(60), 10);
        assertEquals(List.of("in the first"), elsewhere.stream().map(StoredMessage::text).toList());
    }
}
