package dev.baton.console.api;

/** @param author {@code customer} or {@code bot} (or {@code staff}), as in the triage command's input */
public record PlaygroundMessage(String author, String text) {
}
