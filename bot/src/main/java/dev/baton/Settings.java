package dev.baton;

import dev.baton.cluster.ShardRange;
import dev.baton.console.ConsoleSettings;
import dev.baton.console.web.TrustedProxies;
import dev.baton.discord.DiscordEndpoints;
import dev.baton.llm.ModelVariables;
import dev.baton.store.DatabaseLocation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Startup settings from the environment: where the config and data live, how to reach Discord, and
 * how the handoff console is served. Fixed for the life of the process; the files in the config
 * directory hold everything else. A bad value fails at startup with the variable's name.
 *
 * @param discord empty when {@code DISCORD_TOKEN} is not set: Baton then runs without Discord
 * @param console empty when {@code BATON_CONSOLE_PORT=off}: Baton then serves no console
 * @param model   the optional language model's variables ({@code BATON_LLM_*}), resolved with {@code llm.yaml}
 * @param database where the data is kept: {@code BATON_DATABASE_URL}'s PostgreSQL, or {@code baton.db} in
 *                 {@code dataDir}
 * @param shards   {@code BATON_SHARDS}: the gateway shards this instance may hold; unset, the only one
 */
public record Settings(Path configDir, Path dataDir, Optional<DiscordEndpoints> discord, Optional<Console> console,
                       ModelVariables model, DatabaseLocation database, ShardRange shards) {

    public static final int DEFAULT_CONSOLE_PORT = 8080;
    public static final String DEFAULT_CONSOLE_HOST = "127.0.0.1";

    public Settings {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(shards, "shards");
    }

    /** Holding the only shard, as one Baton always did. */
    public Settings(Path configDir, Path dataDir, Optional<DiscordEndpoints> discord, Optional<Console> console,
                    ModelVariables model, DatabaseLocation database) {
        this(configDir, dataDir, discord, console, model, database, ShardRange.SINGLE);
    }

    /** With the SQLite file {@code baton.db} in {@code dataDir}. */
    public Settings(Path configDir, Path dataDir, Optional<DiscordEndpoints> discord, Optional<Console> console,
                    ModelVariables model) {
        this(configDir, dataDir, discord, console, model, new DatabaseLocation.SqliteFile(dataDir.resolve("baton.db")));
    }

    /** Without a language model. */
    public Settings(Path configDir, Path dataDir, Optional<DiscordEndpoints> discord, Optional<Console> console) {
        this(configDir, dataDir, discord, console, ModelVariables.NONE);
    }

    /**
     * Reads {@code BATON_CONFIG_DIR}, {@code BATON_DATA_DIR}, Discord's variables (see
     * {@link DiscordEndpoints#fromEnvironment}), the console's (see {@link Console#fromEnvironment}) and the
     * language model's ({@link ModelVariables}), the database's ({@link DatabaseLocation}) and {@code BATON_SHARDS}.
     *
     * @throws IllegalArgumentException naming the variable whose value is wrong
     */
    public static Settings fromEnvironment(Map<String, String> env) {
        Path dataDir = path(env, "BATON_DATA_DIR", "data");
        return new Settings(path(env, "BATON_CONFIG_DIR", "config"), dataDir,
                DiscordEndpoints.fromEnvironment(env), Console.fromEnvironment(env), ModelVariables.fromEnvironment(env),
                DatabaseLocation.fromEnvironment(env, dataDir), ShardRange.parse(env.get(ShardRange.VARIABLE)));
    }

    /** The same settings keeping their data in {@code location}. */
    public Settings withDatabase(DatabaseLocation location) {
        return new Settings(configDir, dataDir, discord, console, model, location, shards);
    }

    /** The same settings with the console switched off (tests, tools that only need storage and Discord). */
    public Settings withoutConsole() {
        return new Settings(configDir, dataDir, discord, Optional.empty(), model, database, shards);
    }

    /** The same settings holding {@code range} of the gateway's shards. */
    public Settings withShards(ShardRange range) {
        return new Settings(configDir, dataDir, discord, console, model, database, range);
    }

    private static Path path(Map<String, String> env, String name, String fallback) {
        String value = env.getOrDefault(name, "").strip();
        return Path.of(value.isEmpty() ? fallback : value);
    }

    /**
     * How the handoff console is served.
     *
     * @param host          {@code BATON_CONSOLE_HOST}, default {@code 127.0.0.1}: only this machine, unless
     *                      exposed on purpose behind a TLS proxy
     * @param port          {@code BATON_CONSOLE_PORT}, default 8080; 0 picks a free port; {@code off} serves no console
     * @param adminPassword {@code BATON_ADMIN_PASSWORD}: sets the {@code admin} manager's password at start;
     *                      unset, a one-time setup link is logged while no account exists. Never logged.
     * @param metricsPort   {@code BATON_METRICS_PORT}: when set, {@code /metrics} is also served without login
     *                      on this port, for a Prometheus scraper
     * @param publicUrl     {@code BATON_CONSOLE_URL}: how people reach the console (for links in the log),
     *                      e.g. {@code https://support.example.org}; default {@code http://host:port}
     * @param trustedProxies {@code BATON_TRUSTED_PROXIES}: comma-separated addresses or CIDR ranges of reverse
     *                      proxies whose {@code X-Forwarded-For} is believed; default none
     * @param accessLogDays {@code BATON_ACCESS_LOG_DAYS}: how many days the console's access log keeps; default 90
     */
    public record Console(String host, int port, Optional<String> adminPassword, Optional<Integer> metricsPort,
                          Optional<String> publicUrl, TrustedProxies trustedProxies, int accessLogDays) {

        public Console {
            Objects.requireNonNull(trustedProxies, "trustedProxies");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(adminPassword, "adminPassword");
            Objects.requireNonNull(metricsPort, "metricsPort");
            Objects.requireNonNull(publicUrl, "publicUrl");
        }

        /** Trusting no proxy. */
        public Console(String host, int port, Optional<String> adminPassword, Optional<Integer> metricsPort,
                       Optional<String> publicUrl) {
            this(host, port, adminPassword, metricsPort, publicUrl, TrustedProxies.none(),
                    ConsoleSettings.DEFAULT_ACCESS_LOG_DAYS);
        }

        /** The console on a free port of loopback, without an admin password; for tests. */
        public static Console onFreePort() {
            return new Console(DEFAULT_CONSOLE_HOST, 0, Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Optional<Console> fromEnvironment(Map<String, String> env) {
            String portText = value(env, "BATON_CONSOLE_PORT");
            if (portText.toLowerCase(Locale.ROOT).equals("off")) {
                return Optional.empty();
            }
            int port = portText.isEmpty() ? DEFAULT_CONSOLE_PORT : port("BATON_CONSOLE_PORT", portText);
            String host = value(env, "BATON_CONSOLE_HOST");
            Optional<Integer> metricsPort = Optional.of(value(env, "BATON_METRICS_PORT"))
                    .filter(v -> !v.isEmpty()).map(v -> port("BATON_METRICS_PORT", v));
            if (metricsPort.isPresent() && metricsPort.get() != 0 && metricsPort.get() == port) {
                throw new IllegalArgumentException("BATON_METRICS_PORT must differ from BATON_CONSOLE_PORT (both are "
                        + port + "): the metrics port serves /metrics without login, the console port needs one");
            }
            // The password is taken as written: spaces may be part of it. Only an empty value means unset.
            String password = env.getOrDefault("BATON_ADMIN_PASSWORD", "");
            Optional<String> url = Optional.of(value(env, "BATON_CONSOLE_URL")).filter(v -> !v.isEmpty())
                    .map(Console::url);
            TrustedProxies proxies = TrustedProxies.parse(value(env, "BATON_TRUSTED_PROXIES"));
            String daysText = value(env, "BATON_ACCESS_LOG_DAYS");
            int days = ConsoleSettings.DEFAULT_ACCESS_LOG_DAYS;
            if (!daysText.isEmpty()) {
                try {
                    days = Integer.parseInt(daysText);
                } catch (NumberFormatException e) {
                    days = -1;
                }
                if (days < 1 || days > 36_500) {
                    throw new IllegalArgumentException("BATON_ACCESS_LOG_DAYS must be a whole number of days from 1"
                            + " to 36500, but is \"" + daysText + "\"");
                }
            }
            return Optional.of(new Console(host.isEmpty() ? DEFAULT_CONSOLE_HOST : host, port,
                    Optional.of(password).filter(p -> !p.isEmpty()), metricsPort, url, proxies, days));
        }

        /** With the clock the console uses for sessions and setup links. */
        public ConsoleSettings toConsoleSettings(Clock clock) {
            return new ConsoleSettings(host, port, adminPassword, metricsPort, publicUrl, clock, trustedProxies, accessLogDays);
        }

        /** How to reach the console once it listens on {@code boundPort}. */
        public String url(int boundPort) {
            return publicUrl.orElse("http://" + ConsoleSettings.linkHost(host) + ":" + boundPort);
        }

        /** Never print the admin password. */
        @Override
        public String toString() {
            return "Console[host=" + host + ", port=" + port + ", adminPassword=" + (adminPassword.isPresent()
                    ? "****" : "unset") + ", metricsPort=" + metricsPort.map(String::valueOf).orElse("unset")
                    + ", publicUrl=" + publicUrl.orElse("unset") + ", trustedProxies=" + trustedProxies
                    + ", accessLogDays=" + accessLogDays + "]";
        }

        private static String value(Map<String, String> env, String name) {
            return env.getOrDefault(name, "").strip();
        }

        private static int port(String name, String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(name + " must be a port number from 0 to 65535"
                    + (name.equals("BATON_CONSOLE_PORT") ? " (0 picks a free one), or off for no console" : "")
                    + ", but is \"" + value + "\"");
        }

        private static String url(String value) {
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("BATON_CONSOLE_URL is not a URL: \"" + value + "\"");
            }
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("BATON_CONSOLE_URL must be an absolute http or https URL like"
                        + " https://support.example.org, but is \"" + value + "\"");
            }
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }
    }
}
