package dev.baton.console.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /** The gateway shards an instance holds now, of {@code total}; see {@link #shards()}. */
    record HeldShards(List<Integer> held, int total) {
        public HeldShards {
            held = List.copyOf(held);
        }
    }

    /** With sharding ({@code BATON_SHARDS}), the shards this instance holds now; empty for a single unsharded Baton. */
    default Optional<HeldShards> shards() {
        return Optional.empty();
    }

    /** Baton runs without Discord (no {@code DISCORD_TOKEN}). */
    DiscordStatus OFF = () -> State.OFF;
}
