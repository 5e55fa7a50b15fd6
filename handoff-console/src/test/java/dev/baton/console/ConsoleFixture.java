package dev.baton.console;

import dev.baton.console.api.Account;
import dev.baton.console.auth.Passwords;
import dev.baton.console.web.TrustedProxies;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A console running on a real port over {@link FakeConsoleBackend}, with a manager ({@code carol})
 * and an agent ({@code alice}) who both have the password {@link #PASSWORD}. For API tests, the demo
 * and browser tests:
 *
 * <pre>{@code
 * try (ConsoleFixture console = ConsoleFixture.builder().start()) {
 *     WebClient agent = console.client().login(ConsoleFixture.AGENT, ConsoleFixture.PASSWORD);
 *     console.backend.add(console.backend.newStory(77, "Nora", "anger", Instant.now(), "hello"));
 * }
 * }</pre>
 */
public final class ConsoleFixture implements AutoCloseable {

    public static final String MANAGER = "carol";
    public static final String AGENT = "alice";
    public static final String PASSWORD = "correct horse battery";
    /** bcrypt's cheapest cost, so tests stay fast; {@link HandoffConsole#start} itself uses cost 12. */
    private static final Passwords FAST = new Passwords(4);

    public final FakeConsoleBackend backend;
    public final InMemoryAccountStore accounts;
    public final InMemoryAccessLog accessLog;
    public final HandoffConsole console;

    private ConsoleFixture(FakeConsoleBackend backend, InMemoryAccountStore accounts, InMemoryAccessLog accessLog,
                           HandoffConsole console) {
        this.backend = backend;
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.console = console;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + console.port();
    }

    /** A fresh client with no cookies: a new browser. */
    public WebClient client() {
        return new WebClient(baseUrl());
    }

    /** Adds an account with a known password (hashed cheaply). */
    public void addAccount(String username, Account.Role role, String password) {
        Instant now = Instant.now();
        accounts.save(new Account(username, FAST.hash(password), role, now, now));
    }

    @Override
    public void close() {
        console.close();
    }

    public static final class Builder {
        private int port = 0;
        private Optional<Integer> metricsPort = Optional.empty();
        private Optional<String> adminPassword = Optional.empty();
        private boolean seedAccounts = true;
        private boolean seedHandoffs = true;
        private Clock clock = Clock.systemUTC();
        private TrustedProxies trustedProxies = TrustedProxies.none();
        private int accessLogDays = ConsoleSettings.DEFAULT_ACCESS_LOG_DAYS;
        private InMemoryAccessLog accessLog = new InMemoryAccessLog();

        public Builder accessLogDays(int days) {
            this.accessLogDays = days;
            return this;
        }

        /** Start with this access log (with rows in it already, say). */
        public Builder accessLog(InMemoryAccessLog log) {
            this.accessLog = log;
            return this;
        }

        /** {@code BATON_TRUSTED_PROXIES}, e.g. {@code 127.0.0.1}. */
        public Builder trustedProxies(String list) {
            this.trustedProxies = TrustedProxies.parse(list);
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder metricsPort(int port) {
            this.metricsPort = Optional.of(port);
            return this;
        }

        public Builder adminPassword(String password) {
            this.adminPassword = Optional.of(password);
            return this;
        }

        /** Start with no account at all (first start: a setup link is made). */
        public Builder noAccounts() {
            this.seedAccounts = false;
            return this;
        }

        public Builder noHandoffs() {
            this.seedHandoffs = false;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public ConsoleFixture start() {
            FakeConsoleBackend backend = seedHandoffs ? FakeConsoleBackend.seeded(clock) : new FakeConsoleBackend(clock);
            InMemoryAccountStore accounts = new InMemoryAccountStore();
            if (seedAccounts) {
                Instant now = clock.instant();
                accounts.save(new Account(MANAGER, FAST.hash(PASSWORD), Account.Role.MANAGER, now, now));
                accounts.save(new Account(AGENT, FAST.hash(PASSWORD), Account.Role.AGENT, now, now));
            }
            ConsoleSettings settings = new ConsoleSettings("127.0.0.1", port, adminPassword, metricsPort,
                    Optional.empty(), clock, trustedProxies, accessLogDays);
            HandoffConsole console = HandoffConsole.start(settings, backend.backends(), accounts, accessLog, FAST);
            return new ConsoleFixture(backend, accounts, accessLog, console);
        }
    }
}
