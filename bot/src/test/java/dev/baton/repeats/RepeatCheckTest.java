package dev.baton.repeats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Wiring;
import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.handoff.HandoffEvent;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.Outcome;
import dev.baton.health.History;
import dev.baton.metrics.BatonMetrics;
import dev.baton.repeats.RepeatCheckStore.Checked;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The repeat check on resolved handoffs, over a real database and the shipped detector (MiniLM). */
@Tag("database")
class RepeatCheckTest {

    private static final RepeatDetector DETECTOR = RepeatDetector.shipped(new Wiring().embedder());

    private final History history = new History();
    private final BatonMetrics metrics = BatonMetrics.standalone();
    private final RepeatCheckStore store = new RepeatCheckStore(history.database, history.handoffs);
    private final RepeatCheck check = new RepeatCheck(DETECTOR, history.conversations, history.handoffs, store,
            metrics, history.clock);

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void aPersonAskingForTheOrderNumberTheCustomerGaveIsARepeatWithBothMessages() {
        HandoffRecord handoff = history.handoff().create();
        long given = say(handoff, AuthorKind.CUSTOMER, "My order number is LP-48213 and I was charged twice for it.");
        history.after(Duration.ofMinutes(2)).lifecycle.claim(handoff.id(), "alex");
        history.after(Duration.ofMinutes(1));
        long asked = say(handoff, AuthorKind.STAFF, "Hi, Alex here. Could you send me your order number please?");

        Checked checked = resolveAndCheck(handoff).orElseThrow();

        assertEquals(Kind.STAFF_REASKED, checked.found().orElseThrow().kind());
        assertEquals(asked, checked.found().get().messageId());
        assertEquals(given, checked.found().get().earlierId());
        assertEquals(List.of("repeat"), kinds(handoff, "repeat"));
        assertTrue(metrics.scrape().contains("baton_handoff_repeats_total{kind=\"staff_reasked\"} 1.0"));
    }

    @Test
    void aPersonWhoReadTheStoryLeavesNoRepeatButTheHandoffCountsAsChecked() {
        HandoffRecord handoff = history.handoff().create();
        say(handoff, AuthorKind.CUSTOMER, "My order number is LP-48213 and I was charged twice for it.");
        history.after(Duration.ofMinutes(2)).lifecycle.claim(handoff.id(), "alex");
        history.after(Duration.ofMinutes(1));
        say(handoff, AuthorKind.STAFF, "I can see the second charge on LP-48213; I've refunded it just now.");
        say(handoff, AuthorKind.CUSTOMER, "thank you so much!");

        Checked checked = resolveAndCheck(handoff).orElseThrow();

        assertEquals(Optional.empty(), checked.found());
        assertEquals(List.of(), kinds(handoff, "repeat"));
    }

    @Test
    void aHandoffNobodyWroteInAfterPickupIsNotChecked() {
        HandoffRecord handoff = history.handoff().create();
        history.after(Duration.ofMinutes(2)).lifecycle.claim(handoff.id(), "alex");

        assertEquals(Optional.empty(), resolveAndCheck(handoff));
        assertEquals(Optional.empty(), store.forHandoff(handoff.id()));
    }

    @Test
    void practiceIsNeverChecked() {
        HandoffRecord handoff = history.handoff().practice().create();
        history.after(Duration.ofMinutes(2)).lifecycle.claim(handoff.id(), "alex");
        say(handoff, AuthorKind.STAFF, "What's your order number?");

        assertEquals(Optional.empty(), resolveAndCheck(handoff));
    }

    @Test
    void checkingAgainAfterAReopenKeepsOneEventAndCountsTheRepeatOnce() {
        HandoffRecord handoff = history.handoff().create();
        say(handoff, AuthorKind.CUSTOMER, "My order number is LP-48213 and I was charged twice for it.");
        history.after(Duration.ofMinutes(2)).lifecycle.claim(handoff.id(), "alex");
        say(handoff, AuthorKind.STAFF, "Could you send me your order number please?");
        resolveAndCheck(handoff);
        history.lifecycle.reopen(handoff.id(), "alex", "one more thing");
        say(handoff, AuthorKind.CUSTOMER, "also the invoice address is wrong");

        resolveAndCheck(handoff);

        assertEquals(List.of("repeat"), kinds(handoff, "repeat"));
        assertTrue(metrics.scrape().contains("baton_handoff_repeats_total{kind=\"staff_reasked\"} 1.0"));
    }

    private Optional<Checked> resolveAndCheck(HandoffRecord handoff) {
        history.after(Duration.ofMinutes(5));
        return check.check(history.lifecycle.resolve(handoff.id(), "alex", Outcome.SOLVED, null));
    }

    private long say(HandoffRecord handoff, AuthorKind kind, String text) {
        history.after(Duration.ofSeconds(30));
        String author = kind == AuthorKind.STAFF ? "staff-alex" : history.conversations
                .conversation(handoff.conversationId()).orElseThrow().customerId();
        return history.conversations.insert(new NewMessage(null, handoff.conversationId(), "support", author,
                kind.wireName(), kind, text, List.of(), null, null, history.clock.instant())).orElseThrow();
    }

    private List<String> kinds(HandoffRecord handoff, String kind) {
        return history.handoffs.events(handoff.id()).stream().map(HandoffEvent::kind).filter(kind::equals).toList();
    }
}
