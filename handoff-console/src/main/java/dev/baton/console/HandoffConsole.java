package dev.baton.console;

/** The running console: one small web app served by Baton itself. */
public final class HandoffConsole implements AutoCloseable {

    /** Starts serving; returns once the port is bound. */
    public static HandoffConsole start(ConsoleSettings settings, ConsoleBackend backend, AccountStore accounts,
                                       AccessLog accessLog) {
        throw new UnsupportedOperationException("being built (issue 4)");
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        throw new UnsupportedOperationException("being built (issue 4)");
    }

    @Override
    public void close() {
    }
}
