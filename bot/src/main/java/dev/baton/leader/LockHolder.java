package dev.baton.leader;

/** One lock that at most one instance holds, and that is let go by itself when its holder dies. */
public interface LockHolder {

    /** Takes the lock if nobody holds it; false when another instance does, or the database cannot be reached. */
    boolean tryTake();

    /** Whether the lock taken is still held (its connection still alive). */
    boolean stillHeld();

    /** Lets the lock go (and whatever holds it). */
    void release();
}
