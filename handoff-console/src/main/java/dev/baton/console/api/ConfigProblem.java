package dev.baton.console.api;

/** One mistake in a configuration file; {@code hint} says how to fix it and may be empty. */
public record ConfigProblem(String file, int line, int column, String message, String hint) {
}
