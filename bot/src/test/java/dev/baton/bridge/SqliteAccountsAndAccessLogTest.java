package dev.baton.bridge;

import dev.baton.store.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.api.AccessLog;
import dev.baton.console.api.Account;
import dev.baton.store.Database;
import dev.baton.store.DatabaseLocation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

@Tag("database")
class SqliteAccountsAndAccessLogTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    /** A bcrypt hash as the console makes it; stored as given. */
    private static final String HASH = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    private final Database database = TestDatabases.fresh();
    private final SqliteAccounts accounts = new SqliteAccounts(database);
    private final SqliteAccessLog accessLog = new SqliteAccessLog(database);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anAccountComesBackAsSavedAndSavingAgainReplacesIt() {
        Account alex = new Account("alex", HASH, Account.Role.AGENT, T0, T0);
        accounts.save(alex);
        assertEquals(alex, accounts.find("alex").orElseThrow());

        Account promoted = new Account("alex", "$2a$12$other", Account.Role.MANAGER, T0, T0.plusSeconds(60));
        accounts.save(promoted);

        assertEquals(List.of(promoted), accounts.all());
        assertTrue(accounts.find("sam").isEmpty());
    }

    @Test
    void accountsAreListedByNameAndDeletedByName() {
        accounts.save(new Account("sam", HASH, Account.Role.AGENT, T0, T0));
        accounts.save(new Account("admin", HASH, Account.Role.MANAGER, T0, T0));

        assertEquals(List.of("admin", "sam"), accounts.all().stream().map(Account::username).toList());
        accounts.delete("sam");
        accounts.delete("nobody");
        assertEquals(List.of("admin"), accounts.all().stream().map(Account::username).toList());
    }

    @Test
    void theAccessLogGivesTheNewestFirstUpToTheLimit() {
        AccessLog.Entry login = new AccessLog.Entry(T0, "alex", "logged in", null, "127.0.0.1");
        AccessLog.Entry opened = new AccessLog.Entry(T0.plusSeconds(5), "alex", "opened handoff 12", 12L, "127.0.0.1");
        AccessLog.Entry other = new AccessLog.Entry(T0.plusSeconds(9), "sam", "opened handoff 404", 404L, null);
        accessLog.record(login);
        accessLog.record(opened);
        accessLog.record(other);

        assertEquals(List.of(other, opened, login), accessLog.recent(10));
        assertEquals(List.of(other), accessLog.recent(1));
    }

    @Test
    void theAccessLogIsFilteredPagedAndTrimmed() {
        AccessLog.Entry login = new AccessLog.Entry(T0, "alex", "logged in", null, "127.0.0.1");
        AccessLog.Entry opened = new AccessLog.Entry(T0.plusSeconds(5), "alex", "opened handoff 12", 12L, "127.0.0.1");
        AccessLog.Entry other = new AccessLog.Entry(T0.plusSeconds(9), "sam", "opened handoff 404", 404L, null);
        AccessLog.Entry odd = new AccessLog.Entry(T0.plusSeconds(12), "sam", "100%_done", null, null);
        for (AccessLog.Entry entry : List.of(login, opened, other, odd)) {
            accessLog.record(entry);
        }
        assertEquals(List.of(opened, login), accessLog.search(new AccessLog.Query("alex", null, null, null, null, 10, 0)));
        assertEquals(List.of(other), accessLog.search(new AccessLog.Query(null, 404L, null, null, null, 10, 0)));
        assertEquals(List.of(other, opened), accessLog.search(new AccessLog.Query(null, null, "OPENED", null, null, 10, 0)));
        assertEquals(List.of(odd), accessLog.search(new AccessLog.Query(null, null, "%_", null, null, 10, 0)),
                "% and _ are literal");
        assertEquals(List.of(other, opened), accessLog.search(new AccessLog.Query(null, null, null, T0.plusSeconds(5),
                T0.plusSeconds(10), 10, 0)));
        assertEquals(List.of(opened), accessLog.search(new AccessLog.Query(null, null, null, null, null, 1, 2)));
        assertEquals(2, accessLog.deleteBefore(T0.plusSeconds(9)));
        assertEquals(List.of(odd, other), accessLog.recent(10));
    }

    @Test
    void accountsSurviveReopeningTheDatabase(@TempDir Path dir) {
        Account admin = new Account("admin", HASH, Account.Role.MANAGER, T0, T0);
        DatabaseLocation location = TestDatabases.freshLocation(dir);
        try (Database file = Database.open(location)) {
            new SqliteAccounts(file).save(admin);
        }
        try (Database file = Database.open(location)) {
            assertEquals(admin, new SqliteAccounts(file).find("admin").orElseThrow());
        }
    }
}
