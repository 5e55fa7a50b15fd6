package dev.baton.console.api;

/**
 * A change the console shows live.
 *
 * @param kind {@code created}, {@code changed} (state, assignee, note, notification), {@code message}, or
 *             {@code refresh} (changes may have been missed: reload everything; its handoff id means nothing)
 */
public record ConsoleEvent(String kind, long handoffId) {
}
