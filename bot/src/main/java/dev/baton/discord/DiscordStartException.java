package dev.baton.discord;

/** Baton could not connect to Discord; the message says what to fix. */
public final class DiscordStartException extends RuntimeException {

    public DiscordStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
