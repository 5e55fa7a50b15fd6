package dev.baton.console.api;

/**
 * A change the console shows live.
 *
 * @param kind {@code created}, {@code changed} (state, assignee, note, notification) or {@code message}
 */
public record ConsoleEvent(String kind, long handoffId) {
}
