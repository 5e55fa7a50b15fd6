package dev.baton.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.api.Account;
import dev.baton.console.auth.Passwords;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Baton sets the admin password beside other start-up work, then starts the console without it. */
class AdminPasswordBeforeStartTest {

    private static final String PASSWORD = "admin password 123";

    private static ConsoleSettings withPassword(String password) {
        return new ConsoleSettings("127.0.0.1", 0, Optional.of(password), Optional.empty(), Optional.empty(),
                Clock.systemUTC());
    }

    @Test
    void theAdminPasswordAppliedFirstLetsTheAdminInToAConsoleStartedWithoutIt() {
        InMemoryAccountStore accounts = new InMemoryAccountStore();
        ConsoleSettings settings = withPassword(PASSWORD);

        HandoffConsole.applyAdminPassword(settings, accounts);
        Account admin = accounts.find("admin").orElseThrow();
        assertEquals(Account.Role.MANAGER, admin.role());
        assertFalse(admin.passwordHash().contains(PASSWORD));

        FakeConsoleBackend backend = new FakeConsoleBackend(Clock.systemUTC());
        try (HandoffConsole console = HandoffConsole.start(settings.withoutAdminPassword(), backend.backends(),
                accounts, new InMemoryAccessLog(), new Passwords(4))) {
            assertTrue(console.firstSetupLink().isEmpty(), "the admin has a password: no setup link");
            WebClient browser = new WebClient("http://127.0.0.1:" + console.port()).login("admin", PASSWORD);
            assertEquals(200, browser.get("/api/access-log").statusCode());
        }
        assertEquals(admin.passwordHash(), accounts.find("admin").orElseThrow().passwordHash(),
                "starting the console did not set the password again");
    }

    @Test
    void applyingThePasswordAgainKeepsTheHashItAlreadyMatches() {
        InMemoryAccountStore accounts = new InMemoryAccountStore();
        HandoffConsole.applyAdminPassword(withPassword(PASSWORD), accounts);
        String first = accounts.find("admin").orElseThrow().passwordHash();

        HandoffConsole.applyAdminPassword(withPassword(PASSWORD), accounts);

        assertEquals(first, accounts.find("admin").orElseThrow().passwordHash());
    }

    @Test
    void aPasswordThatBreaksThePolicyIsRefusedNamingTheVariable() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> HandoffConsole.applyAdminPassword(withPassword("short"), new InMemoryAccountStore()));

        assertTrue(refused.getMessage().startsWith("BATON_ADMIN_PASSWORD: "), refused.getMessage());
    }

    @Test
    void withoutTheAdminPasswordEverythingElseIsKept() {
        ConsoleSettings settings = withPassword(PASSWORD);

        ConsoleSettings without = settings.withoutAdminPassword();

        assertEquals(Optional.empty(), without.adminPassword());
        assertEquals(new ConsoleSettings(settings.host(), settings.port(), Optional.empty(), settings.metricsPort(),
                settings.publicUrl(), settings.clock(), settings.trustedProxies(), settings.accessLogDays()), without);
    }
}
