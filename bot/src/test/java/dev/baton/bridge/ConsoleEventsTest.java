package dev.baton.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.api.ConsoleEvent;
import dev.baton.fanout.Change;
import dev.baton.fanout.Fanout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ConsoleEventsTest {

    private final ConsoleEvents events = new ConsoleEvents();

    @Test
    void theSameListenerSubscribedTwiceHearsTwiceUntilEachSubscriptionIsClosed() throws Exception {
        List<ConsoleEvent> heard = new ArrayList<>();
        Consumer<ConsoleEvent> listener = heard::add;
        AutoCloseable first = events.subscribe(listener);
        events.subscribe(listener);

        events.created(1);
        first.close();
        events.changed(1);

        assertEquals(List.of(new ConsoleEvent("created", 1), new ConsoleEvent("created", 1),
                new ConsoleEvent("changed", 1)), heard);
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthersNorTheCaller() {
        List<ConsoleEvent> heard = new ArrayList<>();
        events.subscribe(event -> {
            throw new IllegalStateException("broken");
        });
        events.subscribe(heard::add);

        events.changed(7);

        assertEquals(List.of(new ConsoleEvent("changed", 7)), heard);
    }

    /** A fanout that keeps what it was asked to send. */
    private static final class SentOut implements Fanout {
        final List<Change> sent = new ArrayList<>();

        @Override
        public void send(Change change) {
            sent.add(change);
        }

        @Override
        public void start(Consumer<Change> heard, Runnable refresh) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aChangeMadeHereIsShownHereAndSentToTheOtherInstances() {
        SentOut fanout = new SentOut();
        ConsoleEvents shared = new ConsoleEvents(fanout);
        List<ConsoleEvent> heard = new ArrayList<>();
        shared.subscribe(heard::add);

        shared.created(3);

        assertEquals(List.of(new ConsoleEvent("created", 3)), heard);
        assertEquals(List.of(new Change("created", 3)), fanout.sent);
    }

    @Test
    void aChangeHeardFromAnotherInstanceIsShownHereAndNotSentBack() {
        SentOut fanout = new SentOut();
        ConsoleEvents shared = new ConsoleEvents(fanout);
        List<ConsoleEvent> heard = new ArrayList<>();
        shared.subscribe(heard::add);

        shared.heard(new Change("message", 5));
        shared.refresh();

        assertEquals(List.of(new ConsoleEvent("message", 5), new ConsoleEvent("refresh", ConsoleEvents.NO_HANDOFF)),
                heard);
        assertEquals(List.of(), fanout.sent);
    }
}
