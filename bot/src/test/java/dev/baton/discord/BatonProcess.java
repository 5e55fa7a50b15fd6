package dev.baton.discord;

import dev.baton.discord.fake.FakeDiscord;
import dev.baton.discord.fake.FakeDiscordJda;
import dev.baton.store.DatabaseLocation;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One Baton as its own OS process, run from this JVM's classpath ({@code dev.baton.cli.Main run}) against a
 * {@link FakeDiscord} in this JVM, on a PostgreSQL database, with its own data directory, console port and log.
 * Several of them share one database the way instances behind one URL do; {@link #kill} is {@code kill -9}.
 */
record BatonProcess(String name, Process process, Path log, int consolePort) {

    /** The console's admin password in every instance started here. */
    static final String ADMIN_PASSWORD = "baton-process-admin-password-17";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param extra more environment, e.g. {@code BATON_SHARDS} */
    static BatonProcess start(String name, FakeDiscord fake, DatabaseLocation.Postgres database, Path config, Path dir,
                              Map<String, String> extra) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data-" + name));
        Path log = dir.resolve("baton-" + name + ".log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.baton.cli.Main",
                "run", "--config", config.toString(), "--data", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("BATON_") || k.equals("DISCORD_TOKEN"));
        env.put("DISCORD_TOKEN", FakeDiscordJda.TOKEN);
        env.put("BATON_DISCORD_REST_URL", fake.restBaseUrl());
        env.put("BATON_DISCORD_GATEWAY_URL", fake.gatewayUrl());
        env.put("BATON_DATABASE_URL", database.url());
        env.put("BATON_CONSOLE_PORT", String.valueOf(port));
        env.put("BATON_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(extra);
        return new BatonProcess(name, builder.start(), log, port);
    }

    /** {@code /healthz}'s body; empty while the console does not answer. */
    Optional<String> health() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + consolePort + "/healthz")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether {@code /healthz} says it holds exactly these shards, e.g. {@code "[0,1]"}. */
    boolean holds(String shards) {
        return health().map(h -> h.contains("\"shards\":" + shards)).orElse(false);
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("Baton " + name + " stopped:\n" + tail(40));
        }
    }

    /** {@code kill -9}: no clean stop, nothing released. */
    void kill() {
        process.destroyForcibly();
    }

    List<String> lines(String pattern) {
        try {
            Pattern wanted = Pattern.compile(pattern);
            return Files.readAllLines(log).stream().filter(line -> wanted.matcher(line).find()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGTERM and up to 20 s for the orderly stop, then killed. */
    void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until exactly one of two instances holds shard 0 (and the commands are registered), failing after
     * {@code within} with both logs; returns the holder first, then the standby.
     */
    static List<BatonProcess> holderThenStandby(List<BatonProcess> instances, FakeDiscord fake, Duration within)
            throws Exception {
        long startedAt = System.nanoTime();
        while (true) {
            for (BatonProcess instance : instances) {
                instance.requireAlive();
            }
            Optional<String> a = instances.get(0).health();
            Optional<String> b = instances.get(1).health();
            if (a.isPresent() && b.isPresent() && !fake.registeredCommands().isEmpty()) {
                boolean aHolds = a.get().contains("\"shards\":[0]");
                boolean bHolds = b.get().contains("\"shards\":[0]");
                if (aHolds != bHolds) {
                    return aHolds ? List.of(instances.get(0), instances.get(1))
                            : List.of(instances.get(1), instances.get(0));
                }
            }
            if (System.nanoTime() - startedAt > within.toNanos()) {
                throw new AssertionError("no Baton holds the shard within " + within + ":\n"
                        + instances.get(0).tail(30) + "\n" + instances.get(1).tail(30));
            }
            Thread.sleep(100);
        }
    }
}
