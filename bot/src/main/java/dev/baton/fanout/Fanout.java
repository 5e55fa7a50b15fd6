package dev.baton.fanout;

import java.util.function.Consumer;

/**
 * Tells the other Batons on the same database what changed here, and hears what changed there, so every
 * instance's console updates live whichever instance made the change.
 */
public interface Fanout extends AutoCloseable {

    /** Passes a change made here to the other instances; never blocks on the database. */
    void send(Change change);

    /**
     * Starts hearing other instances' changes.
     *
     * @param heard   called with each change another instance made, on the listening thread
     * @param refresh called after the connection was lost and made again: changes in the gap were not heard,
     *                so whoever shows them should reload everything
     */
    void start(Consumer<Change> heard, Runnable refresh);

    @Override
    void close();

    /** One Baton on its own (SQLite): nobody to tell, nothing to hear. */
    static Fanout none() {
        return new Fanout() {
            @Override
            public void send(Change change) {
            }

            @Override
            public void start(Consumer<Change> heard, Runnable refresh) {
            }

            @Override
            public void close() {
            }
        };
    }
}
