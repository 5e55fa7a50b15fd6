package dev.baton.desk;

/**
 * A fixed set of locks shared out by id (a handoff's, a conversation's) or by key (a lane's), so work on
 * one thing is serialised without keeping a lock per thing ever seen (a map of those grew by one entry
 * per handoff for the life of the process, issue 16).
 *
 * <p>Ids are consecutive, so ids taken modulo the count spread over every stripe: the handoffs opened
 * around the same time, the ones being worked on together, never share a lock. Two things that do share
 * one only wait for each other. Nothing holds two stripes of one set at once, so they cannot deadlock;
 * code that holds stripes of two sets always takes them in the same order (see {@link SupportDesk}).
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

    /** The lock for this id: always the same one for the same id. */
    Object of(long id) {
        return locks[(int) Math.floorMod(id, (long) locks.length)];
    }

    /** The lock for this key: always the same one for the same key. */
    Object of(String key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }

    int count() {
        return locks.length;
    }
}
