package dev.baton.browser;

import dev.baton.Baton;
import dev.baton.Settings;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.TestDatabases;
import dev.baton.Wiring;
import dev.baton.learn.TestModels;
import dev.baton.discord.DiscordEndpoints;
import dev.baton.discord.fake.FakeDiscord;
import dev.baton.routing.TwoPersonTeam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The whole of Baton as {@code java -jar baton.jar} runs it (config files, SQLite file, real engine,
 * real JDA, the console over HTTP), connected to a fake Discord on loopback: a #support channel, a
 * customer (ann) and two people on the roster, Alex (billing) and Sam (support, sensitive). Without a
 * {@code rules.yaml} Baton runs its built-in rules; {@link #withRules} starts it with one.
 */
final class LiveBaton implements AutoCloseable {

    static final String ADMIN_PASSWORD = "correct horse battery staple";
    /** The MiniLM engine is slow to build; every test in the run shares one. */
    private static final Wiring WIRING = new Wiring();
    /**
     * For tests about rules: fixed learned models (the lexicons still fire, the learned heads never do), so
     * that which route an angry billing complaint takes does not move when the shipped heads are retrained.
     */
    private static final Wiring FIXED_MODELS = new Wiring(WIRING.embedder(), TestModels.fixed());

    final FakeDiscord fake = FakeDiscord.start();
    final long support = fake.addTextChannel("support");
    final long ann = fake.addMember("ann");
    final long alex = fake.addMember("alex");
    final long sam = fake.addMember("sam");
    /** The configuration directory Baton watches, where a manager would edit the files by hand. */
    final Path config;
    private final Baton baton;

    LiveBaton(Path dir) {
        this(dir, TestDatabases.freshLocation(dir.resolve("data")));
    }

    /** Baton keeping its data in {@code database}, e.g. one a test has written a history into. */
    LiveBaton(Path dir, DatabaseLocation database) {
        this(dir, null, WIRING, database);
    }

    /** Baton started with this {@code rules.yaml} (the roster's ids are {@code alex} and {@code sam}). */
    static LiveBaton withRules(Path dir, String rulesYaml) {
        return new LiveBaton(dir, rulesYaml, FIXED_MODELS, TestDatabases.freshLocation(dir.resolve("data")));
    }

    private LiveBaton(Path dir, String rulesYaml, Wiring wiring, DatabaseLocation database) {
        try {
            config = Files.createDirectories(dir.resolve("config"));
            Path shipped = Path.of("..", "config");
            Files.copy(shipped.resolve("knowledge.yaml"), config.resolve("knowledge.yaml"));
            Files.copy(shipped.resolve("messages.yaml"), config.resolve("messages.yaml"));
            Files.writeString(config.resolve("team.yaml"),
                    TwoPersonTeam.yaml(String.valueOf(alex), String.valueOf(sam)));
            Files.writeString(config.resolve("discord.yaml"), """
                    guild_id: "%d"
                    support_channels: ["%d"]
                    """.formatted(FakeDiscord.GUILD_ID, support));
            if (rulesYaml != null) {
                Files.writeString(config.resolve("rules.yaml"), rulesYaml);
            }
            Settings settings = new Settings(config, dir.resolve("data"),
                    Optional.of(new DiscordEndpoints("fake-token", fake.restBaseUrl(), fake.gatewayUrl())),
                    Optional.of(new Settings.Console("127.0.0.1", 0, Optional.of(ADMIN_PASSWORD), Optional.empty(),
                            Optional.empty()))).withDatabase(database);
            baton = Baton.start(settings, wiring, Clock.systemUTC());
        } catch (IOException e) {
            fake.close();
            throw new UncheckedIOException(e);
        }
    }

    String consoleUrl() {
        return "http://127.0.0.1:" + baton.consolePort().orElseThrow();
    }

    @Override
    public void close() {
        baton.close();
        fake.close();
    }
}
