package dev.baton.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardRangeTest {

    @Test
    void unsetMeansOneInstanceHoldingTheOnlyShard() {
        assertEquals(ShardRange.SINGLE, ShardRange.parse(null));
        assertEquals(ShardRange.SINGLE, ShardRange.parse("  "));
        assertFalse(ShardRange.SINGLE.sharded());
    }

    @Test
    void aRangeOfShardsOfATotalIsReadAsWritten() {
        ShardRange range = ShardRange.parse("0-3/8");
        assertEquals(List.of(0, 1, 2, 3), range.ids());
        assertEquals(8, range.total());
        assertTrue(range.sharded());
        assertEquals("0-3/8", range.toString());
        assertEquals(List.of(5), ShardRange.parse(" 5/8 ").ids());
    }

    @Test
    void aBadValueIsRefusedInOneLineNamingTheVariable() {
        for (String bad : List.of("0-3", "3-1/8", "8/8", "0-8/8", "x/2", "0/0", "-1/2", "0-3/8/2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardRange.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("BATON_SHARDS"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("0-3/8"), "gives an example: " + e.getMessage());
        }
    }

    @Test
    void aGuildBelongsToTheShardDiscordComputesFromItsId() {
        long guild = (5L << 22) | 12345;
        assertEquals(1, ShardRange.shardOf(guild, 2));
        assertEquals(5, ShardRange.shardOf(guild, 8));
        assertEquals(0, ShardRange.shardOf(guild, 1));
    }
}
