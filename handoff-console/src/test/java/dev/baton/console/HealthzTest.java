package dev.baton.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.console.api.DiscordStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthzTest {

    @Test
    void aSingleBatonSaysOnlyItsStatusAndDiscordsState() {
        assertEquals(Map.of("status", "ok", "discord", "off"), HandoffConsole.health(DiscordStatus.OFF));
    }

    @Test
    void aShardedInstanceAlsoSaysWhichShardsItHoldsNowAndOfHowMany() {
        DiscordStatus sharded = new DiscordStatus() {
            @Override
            public State state() {
                return State.CONNECTED;
            }

            @Override
            public Optional<HeldShards> shards() {
                return Optional.of(new HeldShards(List.of(0, 2), 4));
            }
        };
        assertEquals(Map.of("status", "ok", "discord", "connected", "shards", List.of(0, 2), "shard_total", 4),
                HandoffConsole.health(sharded));
    }
}
