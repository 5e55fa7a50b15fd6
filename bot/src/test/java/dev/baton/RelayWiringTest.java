package dev.baton;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.config.BatonConfig;
import dev.baton.discord.Relay;
import dev.baton.reload.ConfigSnapshot;
import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import dev.baton.store.TestDatabases;
import dev.baton.text.HashingEmbedder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay to the shard's holder exists only where several Batons can share a database. */
class RelayWiringTest {

    private static final Path CONFIG = Path.of("../config");
    private static final Wiring WIRING = new Wiring(new HashingEmbedder());

    private static Optional<Relay> relayOn(Database database) {
        Wiring.Parts parts = WIRING.parts(CONFIG, ConfigSnapshot.read(CONFIG), BatonConfig.load(CONFIG),
                Optional.empty(), database, Clock.systemUTC());
        try {
            return parts.relay();
        } finally {
            parts.fanout().close();
        }
    }

    @Test
    void oneBatonOnItsSqliteFileHasNoRelayAndNoListenerThread(@TempDir Path dir) {
        try (Database database = Database.open(new DatabaseLocation.SqliteFile(dir.resolve("baton.db")))) {
            assertTrue(relayOn(database).isEmpty());
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("baton-wire-listen")));
    }

    @Test
    void batonsOnPostgresqlHaveOne() {
        DatabaseLocation.Postgres location = TestDatabases.freshPostgres();
        try (Database database = Database.open(location)) {
            Optional<Relay> relay = relayOn(database);
            assertTrue(relay.isPresent());
            relay.get().close();
        }
    }
}
