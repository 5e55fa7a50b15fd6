package dev.baton.console.web;

import org.eclipse.jetty.io.EofException;

/** A request the client abandoned (a tab closed, a connection dropped): nothing failed on this side. */
public final class ClientGone {

    private ClientGone() {
    }

    /** Whether {@code e} comes from the client going away (Jetty's end-of-stream), at any depth of causes. */
    public static boolean caused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof EofException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
