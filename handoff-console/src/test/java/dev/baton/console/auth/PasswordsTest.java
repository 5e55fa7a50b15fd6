package dev.baton.console.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final Passwords passwords = new Passwords(4);

    @Test
    void aPasswordShorterThanTenCharactersIsRefusedSayingSo() {
        String problem = Passwords.problem("short").orElseThrow();
        assertTrue(problem.contains("10"), problem);
        assertTrue(Passwords.problem("").isPresent());
        assertTrue(Passwords.problem(null).isPresent());
        assertTrue(Passwords.problem("123456789").isPresent());
    }

    @Test
    void tenCharactersAreEnough() {
        assertTrue(Passwords.problem("1234567890").isEmpty());
        assertTrue(Passwords.problem("ünïcödé-pässwörd").isEmpty());
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedRatherThanCut() {
        assertTrue(Passwords.problem("x".repeat(73)).isPresent());
        assertTrue(Passwords.problem("x".repeat(72)).isEmpty());
    }

    @Test
    void onlySpacesIsNotAPassword() {
        assertTrue(Passwords.problem("           ").isPresent());
    }

    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        String hash = passwords.hash("correct horse battery");
        assertTrue(hash.startsWith("$2"));
        assertNotEquals("correct horse battery", hash);
        assertTrue(passwords.matches("correct horse battery", hash));
        assertFalse(passwords.matches("correct horse batterY", hash));
        assertFalse(passwords.matches("", hash));
        assertFalse(passwords.matches(null, hash));
    }

    @Test
    void anUnknownUserNeverMatches() {
        assertFalse(passwords.matches("correct horse battery", null));
    }

    @Test
    void hashingAPasswordThatBreaksThePolicyFails() {
        assertThrows(IllegalArgumentException.class, () -> passwords.hash("short"));
    }
}
