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
    void tenCharactersAreEnoughWhenTheyAreNotEasyToGuess() {
        assertTrue(Passwords.problem("Tr0ub4dor&3x").isEmpty());
        assertTrue(Passwords.problem("ünïcödé-pässwörd").isEmpty());
    }

    @Test
    void commonAndTrivialPasswordsAreRefusedWhateverTheirLength() {
        for (String weak : new String[] {"1234567890", "qwertyuiop", "password123456", "aaaaaaaaaaaa",
                "abcdefghijklmnop", "iloveyou12345"}) {
            String problem = Passwords.problem(weak).orElse(null);
            assertTrue(problem != null && problem.contains("easy to guess"), weak + ": " + problem);
        }
    }

    @Test
    void aPasswordMadeOfTheUserNameIsRefused() {
        assertTrue(Passwords.problem("Samantha Tanaka!", "sam", "Samantha Tanaka").isPresent());
        assertTrue(Passwords.problem("Samantha Tanaka!").isEmpty(), "only because it is her name");
        assertTrue(Passwords.problem("correct horse battery", "sam", "Samantha Tanaka").isEmpty());
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedRatherThanCut() {
        assertTrue(Passwords.problem("x".repeat(73)).isPresent());
        assertTrue(Passwords.problem("correct horse battery staple ".repeat(3).substring(0, 72)).isEmpty());
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
