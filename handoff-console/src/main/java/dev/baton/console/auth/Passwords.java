package dev.baton.console.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.baton.console.web.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hashing and checking console passwords with bcrypt, and the password policy. Neither passwords nor
 * hashes are ever logged.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    public static final int DEFAULT_COST = 12;
    /** zxcvbn's score (0..4) a password must reach: 3 is "safely unguessable" (about 10^8 guesses and more). */
    public static final int MIN_SCORE = 3;
    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

    private final int cost;
    private volatile String dummyHash;

    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, was " + cost);
        }
        this.cost = cost;
    }

    /**
     * What is wrong with a new password, in words for the person choosing it; empty when it is
     * acceptable. Besides length, the zxcvbn estimator refuses common passwords, keyboard patterns,
     * repeats, sequences and passwords built from {@code userInputs} (the user name, say).
     */
    public static Optional<String> problem(String password, String... userInputs) {
        if (password == null || password.isEmpty()) {
            return Optional.of("a password is required (at least " + MIN_LENGTH + " characters)");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("the password must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("the password must be at most " + MAX_BYTES + " bytes long");
        }
        if (password.isBlank()) {
            return Optional.of("the password must not be only spaces");
        }
        List<String> context = new ArrayList<>(List.of("baton", "console", "handoff"));
        for (String input : userInputs) {
            if (input != null && !input.isBlank()) {
                context.add(input);
            }
        }
        Strength strength = ESTIMATOR.measure(password, context);
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning();
            return Optional.of("this password is too easy to guess"
                    + (warning == null || warning.isBlank() ? "" : " (" + warning.replaceAll("\\.$", "") + ")")
                    + "; a few unrelated words make a strong one");
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException when the password breaks the policy */
    public String hash(String password) {
        problem(password).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /**
     * Whether {@code password} matches {@code hash}. With a null hash (an unknown user) a dummy hash is
     * checked anyway, so an unknown user name (or an account still waiting for its setup link)
     * takes as long as a wrong password.
     */
    public boolean matches(String password, String hash) {
        boolean real = hash != null && !hash.isEmpty();
        String against = real ? hash : dummyHash();
        String candidate = password == null ? "" : password;
        if (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            // Still spend the time, on a password that cannot match.
            BCrypt.verifyer().verify("-".toCharArray(), against.toCharArray());
            return false;
        }
        try {
            boolean verified = BCrypt.verifyer().verify(candidate.toCharArray(), against.toCharArray()).verified;
            return verified && real;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String dummyHash() {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = BCrypt.withDefaults().hashToString(cost, Secrets.token().toCharArray());
            dummyHash = dummy;
        }
        return dummy;
    }
}
