package dev.baton.rules;

/** When Baton speaks in a support channel: to every message, or only when mentioned. */
public enum Answering {
    ALWAYS, WHEN_MENTIONED
}
