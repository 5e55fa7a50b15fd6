package dev.baton.discord;

/** Baton could not connect to Discord; the message says what to fix. */
public final class DiscordStartException extends RuntimeException {

    private final boolean retryable;

    /** A problem only the operator can fix (a bad token, an intent not enabled): retrying does not help. */
    public DiscordStartException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param retryable true when Discord could not be reached or did not answer in time (network down,
     *                  Discord's outage): trying again later may work
     */
    public DiscordStartException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
