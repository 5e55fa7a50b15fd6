package dev.baton.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-handoff locks of {@link StaffActions}: bounded however many handoffs there have been (issue 16). */
class StaffActionsLocksTest {

    @Test
    void aMillionHandoffsShareAFixedNumberOfLocks() {
        LockStripes stripes = new LockStripes(256);
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (long id = 1; id <= 1_000_000; id++) {
            seen.add(stripes.of(id));
        }
        assertEquals(256, seen.size());
    }

    @Test
    void oneHandoffAlwaysGetsTheSameLock() {
        LockStripes stripes = new LockStripes(256);
        assertSame(stripes.of(42), stripes.of(42));
        assertSame(stripes.of(Long.MAX_VALUE), stripes.of(Long.MAX_VALUE));
        assertSame(stripes.of(-3), stripes.of(-3));
    }

    @Test
    void handoffsOpenedTogetherNeverShareALock() {
        LockStripes stripes = new LockStripes(256);
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (long id = 1_000; id < 1_256; id++) {
            seen.add(stripes.of(id));
        }
        assertEquals(256, seen.size());
        assertNotSame(stripes.of(7), stripes.of(8));
    }

    @Test
    void noLocksIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> new LockStripes(0));
    }
}
