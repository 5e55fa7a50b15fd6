package dev.baton.fanout;

/**
 * One change another Baton's console should show: what happened and to which handoff. Ids only, never
 * content: the instance that hears of it reads what it shows from the shared database.
 *
 * @param kind      {@code created}, {@code changed} or {@code message}, as the console names its events
 * @param handoffId the handoff it concerns
 */
public record Change(String kind, long handoffId) {
}
