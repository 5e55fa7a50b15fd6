package dev.baton.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.api.ConsoleEvent;
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
}
