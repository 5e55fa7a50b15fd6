package dev.baton.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.baton.console.ConsoleFixture;
import dev.baton.console.RawHttp;
import dev.baton.console.api.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login attacks from several addresses (distinct 127.0.0.x loopback addresses, a real server and socket). */
class LoginAttackTest {

    private static final String SAM_PASSWORD = "sam's quiet harbour lantern";

    private ConsoleFixture console;

    @BeforeEach
    void start() {
        console = ConsoleFixture.builder().start();
        console.addAccount("sam", Account.Role.AGENT, SAM_PASSWORD);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void fiveWrongPasswordsFromFiveAddressesDoNotLockSamOut() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, RawHttp.login(console, "127.0.0.1" + i, "sam", "guess number " + i).status());
        }
        RawHttp.Response sam = RawHttp.login(console, "127.0.0.20", "sam", SAM_PASSWORD);
        assertEquals(200, sam.status(), sam.text());
    }

    @Test
    void manyAddressesGuessingAtTheAttackersRateNeverKeepTheRightPasswordFromACleanAddressOut() {
        for (int address = 1; address <= 10; address++) {
            for (int guess = 0; guess < 4; guess++) {
                RawHttp.login(console, "127.0.1." + address, "sam", "guess " + guess);
            }
        }
        assertEquals(200, RawHttp.login(console, "127.0.2.1", "sam", SAM_PASSWORD).status());
    }

    @Test
    void anAddressThatFailedIsSlowedDownForAUserUnderAttack() {
        for (int address = 1; address <= 5; address++) {
            assertEquals(401, RawHttp.login(console, "127.0.3." + address, "sam", "guess").status());
        }
        RawHttp.Response slowed = RawHttp.login(console, "127.0.3.1", "sam", "another guess");
        assertEquals(429, slowed.status(), slowed.text());
        assertNotNull(slowed.header("Retry-After"));
    }

    @Test
    void fiveFailuresForOneUserFromOneAddressStopThatAddressOnly() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, RawHttp.login(console, "127.0.4.1", "sam", "guess " + i).status());
        }
        assertEquals(429, RawHttp.login(console, "127.0.4.1", "sam", SAM_PASSWORD).status());
        assertEquals(200, RawHttp.login(console, "127.0.4.2", "sam", SAM_PASSWORD).status());
        assertEquals(200, RawHttp.login(console, "127.0.4.1", ConsoleFixture.AGENT, ConsoleFixture.PASSWORD).status(),
                "other people behind the same address still log in");
    }

    @Test
    void twentyFailuresFromOneAddressStopThatAddressForEveryUserName() {
        for (int i = 0; i < 20; i++) {
            assertEquals(401, RawHttp.login(console, "127.0.5.1", "user" + i, "guess").status());
        }
        assertEquals(429, RawHttp.login(console, "127.0.5.1", "sam", SAM_PASSWORD).status());
        assertEquals(200, RawHttp.login(console, "127.0.5.2", "sam", SAM_PASSWORD).status());
    }
}
