package dev.baton.desk;

/**
 * A fixed set of locks shared out by handoff id, so actions on one handoff are serialised without
 * keeping a lock per handoff ever seen (a map of those grew by one entry per handoff for the life of
 * the process, issue 16).
 *
 * <p>Handoff ids are consecutive, so ids taken modulo the count spread over every stripe: the handoffs
 * opened around the same time, the ones being worked on together, never share a lock. Two handoffs that
 * do share one only wait for each other; nothing holds two stripes at once, so they cannot deadlock.
 */
final class LockStripes {

    private final Object[] locks;

    LockStripes(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one lock, not " + count);
        }
        locks = new Object[count];
        for (int i = 0; i < count; i++) {
            locks[i] = new Object();
        }
    }

    /** The lock for this handoff: always the same one for the same id. */
    Object of(long id) {
        return locks[(int) Math.floorMod(id, (long) locks.length)];
    }

    int count() {
        return locks.length;
    }
}
