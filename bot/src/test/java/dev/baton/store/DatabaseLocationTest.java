package dev.baton.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseLocationTest {

    private static final Path DATA = Path.of("data");

    private static DatabaseLocation from(Map<String, String> env) {
        return DatabaseLocation.fromEnvironment(env, DATA);
    }

    private static String refusal(String url) {
        return assertThrows(IllegalArgumentException.class,
                () -> from(Map.of("BATON_DATABASE_URL", url))).getMessage();
    }

    @Test
    void withoutAUrlTheDataIsKeptInTheSqliteFileInTheDataDirectory() {
        assertEquals(new DatabaseLocation.SqliteFile(DATA.resolve("baton.db")), from(Map.of()));
        assertEquals(new DatabaseLocation.SqliteFile(DATA.resolve("baton.db")), from(Map.of("BATON_DATABASE_URL", " ")));
    }

    @Test
    void aPostgresUrlTakesItsUserAndPasswordFromTheirOwnVariables() {
        DatabaseLocation location = from(Map.of("BATON_DATABASE_URL", "jdbc:postgresql://db.example.org:5432/baton",
                "BATON_DATABASE_USER", "baton", "BATON_DATABASE_PASSWORD", "s3cret"));

        assertEquals(new DatabaseLocation.Postgres("jdbc:postgresql://db.example.org:5432/baton", "baton",
                Optional.of("s3cret")), location);
        assertEquals(Dialect.POSTGRESQL, location.dialect());
    }

    @Test
    void thePasswordIsNeverPartOfHowTheLocationIsShown() {
        DatabaseLocation location = from(Map.of("BATON_DATABASE_URL", "jdbc:postgresql://db/baton",
                "BATON_DATABASE_USER", "baton", "BATON_DATABASE_PASSWORD", "s3cret"));

        assertEquals("jdbc:postgresql://db/baton as baton (password ****)", location.toString());
    }

    @Test
    void anotherDatabasesUrlIsRefusedNamingTheVariableAndTheWayBack() {
        String message = refusal("jdbc:mysql://db/baton");

        assertTrue(message.startsWith("BATON_DATABASE_URL must start with jdbc:postgresql://"), message);
        assertTrue(message.contains("\"jdbc:mysql://db/baton\""), message);
        assertTrue(message.contains("leave it unset to keep the SQLite file"), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void aPasswordWrittenIntoTheUrlIsRefusedWithoutBeingRepeated() {
        String inUserInfo = refusal("jdbc:postgresql://baton:s3cret@db/baton");
        String inQuery = refusal("jdbc:postgresql://db/baton?user=baton&password=s3cret");

        assertTrue(inUserInfo.contains("BATON_DATABASE_PASSWORD"), inUserInfo);
        assertTrue(inQuery.contains("BATON_DATABASE_PASSWORD"), inQuery);
        assertFalse(inUserInfo.contains("s3cret"), inUserInfo);
        assertFalse(inQuery.contains("s3cret"), inQuery);
    }

    @Test
    void aUrlWithoutADatabaseNameOrHostIsRefused() {
        assertTrue(refusal("jdbc:postgresql://db:5432/").contains("names no database"));
        assertTrue(refusal("jdbc:postgresql:///baton").contains("names no host"));
    }

    @Test
    void anUnreachableServerIsOneClearErrorNamingTheLocation() {
        // Port 1 on loopback: nothing listens there, so the refusal is immediate.
        var location = new DatabaseLocation.Postgres("jdbc:postgresql://127.0.0.1:1/baton?connectTimeout=2", "baton",
                Optional.of("s3cret"));

        StoreException e = assertThrows(StoreException.class, () -> Database.open(location));

        assertTrue(e.getMessage().startsWith("cannot open the database jdbc:postgresql://127.0.0.1:1/baton"),
                e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
