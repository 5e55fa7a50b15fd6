package dev.baton.console.api;

/** Baton's metrics for {@code /metrics}. */
public interface MetricsSource {

    /** Prometheus text exposition of Baton's metrics (handoffs by reason, decisions, latencies). */
    String metrics();
}
