package dev.baton.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeasePlanTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final LeaseTerms TERMS = LeaseTerms.DEFAULT;
    private static final ShardRange BOTH = ShardRange.parse("0-1/2");

    @Test
    void aFirstInstanceTakesEveryShardOfItsRangeWithTokenOne() {
        List<LeasePlan.Step> steps = LeasePlan.steps(BOTH, List.of(), NOW, "a", TERMS);
        assertEquals(2, steps.size());
        for (LeasePlan.Step step : steps) {
            LeasePlan.Step.Take take = assertInstanceOf(LeasePlan.Step.Take.class, step);
            assertEquals(Optional.empty(), take.previous());
            assertEquals(1, take.taken().token());
            assertEquals("a", take.taken().holder());
            assertEquals(NOW.plus(TERMS.ttl()), take.taken().expiresAt());
        }
    }

    @Test
    void aStandbyDoesNothingWhileAnotherHoldsALiveLease() {
        Lease held = new Lease(0, 2, "a", 4, NOW.plusSeconds(1));
        assertEquals(List.of(), LeasePlan.steps(ShardRange.parse("0/2"), List.of(held), NOW, "b", TERMS));
    }

    @Test
    void aStandbyTakesAnExpiredLeaseWithTheNextFencingToken() {
        Lease dead = new Lease(0, 2, "a", 4, NOW);
        LeasePlan.Step.Take take = assertInstanceOf(LeasePlan.Step.Take.class,
                LeasePlan.steps(ShardRange.parse("0/2"), List.of(dead), NOW, "b", TERMS).get(0));
        assertEquals(Optional.of(dead), take.previous());
        assertEquals(5, take.taken().token());
        assertEquals("b", take.taken().holder());
    }

    @Test
    void theHolderRenewsEveryThreeSecondsAndNotBefore() {
        Lease fresh = new Lease(0, 1, "a", 1, NOW.plus(TERMS.ttl()));
        assertEquals(List.of(), LeasePlan.steps(ShardRange.SINGLE, List.of(fresh), NOW.plusSeconds(2), "a", TERMS));
        LeasePlan.Step.Renew renew = assertInstanceOf(LeasePlan.Step.Renew.class,
                LeasePlan.steps(ShardRange.SINGLE, List.of(fresh), NOW.plusSeconds(3), "a", TERMS).get(0));
        assertEquals(NOW.plusSeconds(3).plus(TERMS.ttl()), renew.until());
        assertEquals(1, renew.lease().token(), "a renewal keeps the token");
    }

    @Test
    void aHolderWhoseOwnLeaseRanOutTakesItAgainWithANewToken() {
        Lease lapsed = new Lease(0, 1, "a", 7, NOW.minusMillis(1));
        LeasePlan.Step.Take take = assertInstanceOf(LeasePlan.Step.Take.class,
                LeasePlan.steps(ShardRange.SINGLE, List.of(lapsed), NOW, "a", TERMS).get(0));
        assertEquals(8, take.taken().token(), "a takeover, even of one's own lapsed lease, fences what came before");
    }

    @Test
    void onlyShardsOfTheInstancesRangeAndTotalAreConsidered() {
        Lease otherSplit = new Lease(0, 4, "z", 1, NOW.plusSeconds(60));
        List<LeasePlan.Step> steps = LeasePlan.steps(ShardRange.parse("1/2"), List.of(otherSplit), NOW, "a", TERMS);
        assertEquals(1, steps.size());
        assertEquals(1, steps.get(0).shard());
    }

    @Test
    void aHolderStopsActingMarginBeforeItsLeaseEndsSoNobodyElseCanHoldItMeanwhile() {
        Lease lease = new Lease(0, 1, "a", 1, NOW.plus(TERMS.ttl()));
        Map<Integer, Lease> held = Map.of(0, lease);
        assertEquals(Set.of(0), LeasePlan.acting(held, NOW.plus(TERMS.ttl()).minus(TERMS.margin()).minusMillis(1), TERMS));
        assertEquals(Set.of(), LeasePlan.acting(held, NOW.plus(TERMS.ttl()).minus(TERMS.margin()), TERMS));
        // Another instance may take it only from expiresAt on: the holder let go margin earlier.
        assertTrue(LeasePlan.steps(ShardRange.SINGLE, List.of(lease), NOW.plus(TERMS.ttl()).minusMillis(1), "b", TERMS)
                .isEmpty());
    }

    @Test
    void termsThatCannotBeKeptAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new LeaseTerms(
                Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
