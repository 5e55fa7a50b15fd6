package dev.baton.metrics;

import dev.baton.handoff.HandoffState;
import dev.baton.triage.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Baton's metrics, named once here, kept in a registry passed in (never Micrometer's global one), and
 * read as Prometheus text by the console's {@code /metrics}:
 * <ul>
 *   <li>{@code baton_decisions_total{verdict}}: the engine's verdicts, answer or handoff</li>
 *   <li>{@code baton_decision_seconds}: how long a decision took, as a histogram (percentiles by
 *       {@code histogram_quantile} in Prometheus)</li>
 *   <li>{@code baton_handoffs_total{reason}}: handoffs by main reason (a human request included)</li>
 *   <li>{@code baton_handoffs_open{state}}: open handoffs now, by state (read from the database at scrape)</li>
 *   <li>{@code baton_console_replies_total{via}}: replies from the console by webhook, bot, stored or none</li>
 *   <li>{@code baton_model_requests_total{use,outcome}}: what asking the optional language model gave, per use
 *       (summary, second_opinion, phrasing): {@code ok} or a failure (timeout, rate_limited, breaker_open…)</li>
 *   <li>{@code baton_model_wait_seconds{use}}: how long Baton waited on the model, failures included</li>
 *   <li>{@code baton_model_rejected_total{use}}: well-formed replies Baton's checks refused</li>
 *   <li>{@code baton_handoff_repeats_total{kind}}: resolved handoffs where the customer had to repeat something
 *       after a person picked up ({@code customer_restated}) or was asked for it again ({@code staff_reasked})</li>
 *   <li>{@code baton_handoff_first_reply_seconds}, {@code baton_handoff_resolve_seconds}: from a handoff to the
 *       first message from a person, and to its first resolve, as histograms; observed once per handoff, when
 *       it is first resolved</li>
 * </ul>
 * Practice conversations from the playground are not counted: the numbers describe real customers.
 */
public final class BatonMetrics {

    private final PrometheusMeterRegistry registry;
    private final Timer decisionTime;
    private final AtomicReference<IntSupplier> backlog = new AtomicReference<>(() -> 0);

    public BatonMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.decisionTime = Timer.builder("baton.decision")
                .description("Time the engine took to decide one customer message")
                // Buckets rather than client-side percentiles: they add up across restarts and instances, and
                // Prometheus gives any percentile from them (histogram_quantile). 1 ms to 10 s covers MiniLM's range.
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        Gauge.builder("baton.backlog", () -> backlog.get().getAsInt())
                .description("Customer messages received from Discord and waiting for a free thread to be decided")
                .register(registry);
    }

    /** Metrics in a registry of their own; tests and tools that do not serve them use this. */
    public static BatonMetrics standalone() {
        return new BatonMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public void decided(Decision decision, Duration took) {
        String verdict = decision instanceof Decision.Answer ? "answer"
                : decision instanceof Decision.SmallTalk ? "smalltalk" : "handoff";
        Counter.builder("baton.decisions").description("The engine's decisions by verdict")
                .tag("verdict", verdict).register(registry).increment();
        decisionTime.record(took);
    }

    public void handedOff(String reason) {
        Counter.builder("baton.handoffs").description("Handoffs to a person by main reason")
                .tag("reason", reason).register(registry).increment();
    }

    public void replied(String via) {
        Counter.builder("baton.console.replies").description("Replies written in the console, by how they went out")
                .tag("via", via).register(registry).increment();
    }

    /** A customer's answer to "Did this help?" after a resolve: {@code up} or {@code down} ({@code baton_csat_total}). */
    public void csat(String verdict) {
        Counter.builder("baton.csat").description("Customers' answers to the after-care question, by verdict")
                .tag("verdict", verdict).register(registry).increment();
    }

    /** One use of the language model: {@code outcome} is {@code ok} or a failure's wire name. */
    public void askedModel(String use, String outcome, Duration waited) {
        Counter.builder("baton.model.requests").description("Requests to the optional language model by use and outcome")
                .tag("use", use).tag("outcome", outcome).register(registry).increment();
        Timer.builder("baton.model.wait").description("Time Baton waited on the language model, failures included")
                .tag("use", use)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(waited);
    }

    /** A reply from the language model that Baton's checks refused (an invented fact, an unsupported line). */
    public void modelRejected(String use) {
        Counter.builder("baton.model.rejected").description("Language model replies refused by Baton's checks, by use")
                .tag("use", use).register(registry).increment();
    }

    /** A resolved handoff where the customer had to repeat themselves ({@code kind} is the repeat's wire name). */
    public void repeatFound(String kind) {
        Counter.builder("baton.handoff.repeats").description("Resolved handoffs where the customer had to repeat"
                + " themselves after a person picked up, by kind").tag("kind", kind).register(registry).increment();
    }

    /**
     * A handoff's first resolve: how long until a person first wrote to the customer ({@code null} when nobody
     * did) and until it was resolved.
     */
    public void handoffTimes(Duration toFirstReply, Duration toResolve) {
        if (toFirstReply != null) {
            handoffTimer("baton.handoff.first.reply", "Time from a handoff to the first message from a person")
                    .record(toFirstReply);
        }
        handoffTimer("baton.handoff.resolve", "Time from a handoff to its first resolve").record(toResolve);
    }

    /** Buckets from ten seconds to a week: a person may reply within a minute or after the weekend. */
    private Timer handoffTimer(String name, String description) {
        return Timer.builder(name).description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(10))
                .maximumExpectedValue(Duration.ofDays(7))
                .register(registry);
    }

    /** Reports open handoffs by state, asking {@code counts} at each scrape. */
    public void watchOpenHandoffs(Supplier<Map<HandoffState, Integer>> counts) {
        for (HandoffState state : HandoffState.values()) {
            if (state.isOpen()) {
                Gauge.builder("baton.handoffs.open", () -> counts.get().getOrDefault(state, 0))
                        .description("Open handoffs by state, practice ones left out")
                        .tag("state", state.wireName())
                        .register(registry);
            }
        }
    }

    /** Reports the customer messages received but not yet being decided, asking {@code waiting} at each scrape. */
    public void watchBacklog(IntSupplier waiting) {
        backlog.set(waiting); // the latest Discord connection's lanes: a reconnect makes new ones
    }

    /** How long a message waited in its lane before Baton started on it. */
    public void waitedInLane(Duration waited) {
        Timer.builder("baton.lane.wait")
                .description("Time a message from Discord waited in its lane before being handled")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(waited);
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }
}
