package dev.baton.console.api;

/**
 * What became of a reply from the console.
 *
 * @param via       {@code webhook} (under the person's own name), {@code bot} (by Baton, prefixed with
 *                  the person's name), or {@code stored} (a practice handoff, or Discord not connected)
 * @param delivered whether the customer can see it
 * @param detail    what went wrong when not delivered, in words for the person who replied
 */
public record ReplyOutcome(HandoffDetail handoff, String via, boolean delivered, String detail) {
}
