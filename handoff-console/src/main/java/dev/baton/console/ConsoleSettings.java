package dev.baton.console;

import dev.baton.console.web.TrustedProxies;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * How the console is served.
 *
 * @param host          where to listen; {@code 127.0.0.1} unless exposed on purpose (behind a TLS proxy)
 * @param port          0 picks a free port (tests)
 * @param adminPassword from {@code BATON_ADMIN_PASSWORD}: sets the {@code admin} manager's password at
 *                      start; when empty and no account exists, a one-time setup link is logged
 * @param metricsPort   when present, {@code /metrics} is also served without login on this port, on
 *                      {@code host}, for a Prometheus scraper
 * @param publicUrl     how people reach the console (for the setup link), e.g. {@code http://127.0.0.1:8080}
 * @param trustedProxies reverse proxies whose {@code X-Forwarded-For} is believed ({@code BATON_TRUSTED_PROXIES})
 * @param accessLogDays how many days the access log keeps ({@code BATON_ACCESS_LOG_DAYS}); older rows are
 *                      deleted at start and daily
 */
public record ConsoleSettings(String host, int port, Optional<String> adminPassword, Optional<Integer> metricsPort,
                              Optional<String> publicUrl, Clock clock, TrustedProxies trustedProxies,
                              int accessLogDays) {

    public static final int DEFAULT_ACCESS_LOG_DAYS = 90;

    public ConsoleSettings {
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        if (accessLogDays < 1) {
            throw new IllegalArgumentException("the access log must keep at least 1 day, not " + accessLogDays);
        }
    }

    /** Keeping the access log {@link #DEFAULT_ACCESS_LOG_DAYS} days. */
    public ConsoleSettings(String host, int port, Optional<String> adminPassword, Optional<Integer> metricsPort,
                           Optional<String> publicUrl, Clock clock, TrustedProxies trustedProxies) {
        this(host, port, adminPassword, metricsPort, publicUrl, clock, trustedProxies, DEFAULT_ACCESS_LOG_DAYS);
    }

    /** Trusting no proxy: the client's address is always the direct peer. */
    public ConsoleSettings(String host, int port, Optional<String> adminPassword, Optional<Integer> metricsPort,
                           Optional<String> publicUrl, Clock clock) {
        this(host, port, adminPassword, metricsPort, publicUrl, clock, TrustedProxies.none());
    }

    /**
     * The host to put in a link to a console bound to {@code host}: a wildcard ({@code 0.0.0.0}, {@code ::},
     * as in the container image) is not an address a browser can open, so it becomes {@code localhost};
     * an IPv6 address is bracketed. Set {@code BATON_CONSOLE_URL} for the address people really use.
     */
    public static String linkHost(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals("0.0.0.0") || bare.equals("::") || bare.equals("::0") || bare.equals("0:0:0:0:0:0:0:0")) {
            return "localhost";
        }
        return bare.contains(":") ? "[" + bare + "]" : bare;
    }

    /**
     * These settings once the admin password has been applied ({@link HandoffConsole#applyAdminPassword}):
     * starting with them does not hash or check it again. The admin account has a password by then, so no
     * setup link is logged either, as with the password.
     */
    public ConsoleSettings withoutAdminPassword() {
        return new ConsoleSettings(host, port, Optional.empty(), metricsPort, publicUrl, clock, trustedProxies,
                accessLogDays);
    }

    /** Never prints the admin password: only whether there is one. */
    @Override
    public String toString() {
        return "ConsoleSettings[host=" + host + ", port=" + port + ", adminPassword="
                + (adminPassword.filter(p -> !p.isEmpty()).isPresent() ? "****" : "unset")
                + ", metricsPort=" + metricsPort.map(String::valueOf).orElse("unset")
                + ", publicUrl=" + publicUrl.orElse("unset") + ", clock=" + clock + ", trustedProxies=" + trustedProxies
                + (accessLogDays == DEFAULT_ACCESS_LOG_DAYS ? "" : ", accessLogDays=" + accessLogDays) + "]";
    }
}
