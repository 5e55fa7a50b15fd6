package dev.baton.console.api;

import java.util.Locale;

/**
 * Whether Baton is connected to Discord right now, for {@code /healthz}. The bot module implements it;
 * the console only reads it.
 */
@FunctionalInterface
public interface DiscordStatus {

    /** {@code connected}; {@code reconnecting} (a token is set but Discord is not reached yet); {@code off} (no token). */
    enum State {
        CONNECTED, RECONNECTING, OFF;

        /** The word {@code /healthz} shows. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    State state();

    /** Baton runs without Discord (no {@code DISCORD_TOKEN}). */
    DiscordStatus OFF = () -> State.OFF;
}
