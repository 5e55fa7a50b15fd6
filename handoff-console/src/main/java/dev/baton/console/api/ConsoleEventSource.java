package dev.baton.console.api;

import java.util.function.Consumer;

/** The changes the console shows live, as they happen. */
public interface ConsoleEventSource {

    /**
     * Calls {@code listener} on every change the console shows: a handoff created or changed, a
     * message added to a handed-off conversation. Called from Baton's threads; must not block long.
     *
     * @return closing it stops the calls
     */
    AutoCloseable subscribe(Consumer<ConsoleEvent> listener);
}
