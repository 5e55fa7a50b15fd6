package dev.baton.leader;

/**
 * Whether this Baton is the one that runs the timed jobs (pickup deadlines) right now. Several Batons on
 * one database would otherwise each remind, re-route and escalate the same handoff.
 */
public interface Leadership extends AutoCloseable {

    /** True while this instance runs the jobs; asked before each run, since it can change at any time. */
    boolean leads();

    @Override
    void close();

    /** A Baton on its own (SQLite: one process has the file) always runs its jobs. */
    static Leadership always() {
        return new Leadership() {
            @Override
            public boolean leads() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }
}
