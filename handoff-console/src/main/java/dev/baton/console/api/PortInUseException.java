package dev.baton.console.api;

/** The console (or its metrics listener) could not listen: another program already has the port. */
public final class PortInUseException extends RuntimeException {

    private final String host;
    private final int port;
    private final boolean metrics;

    public PortInUseException(String host, int port, boolean metrics, Throwable cause) {
        super((metrics ? "the metrics port " : "port ") + port + " of " + host + " is already in use", cause);
        this.host = host;
        this.port = port;
        this.metrics = metrics;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Whether it was the separate metrics port (the console settings' metrics port), not the console's own. */
    public boolean metrics() {
        return metrics;
    }
}
