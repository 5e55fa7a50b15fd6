package dev.baton.yaml;

import java.util.regex.Pattern;

/**
 * Discord ids (users, channels, roles, servers) are "snowflakes": unsigned 64-bit numbers, which for
 * anything created since Discord's early days have 17 to 20 digits.
 */
public final class Snowflakes {

    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{16,19}");

    /** Where to find an id, for hints: every config file that asks for one can say the same. */
    public static final String HOW_TO_COPY = "in Discord, turn on Settings > Advanced > Developer Mode, then"
            + " right-click it and choose Copy ID";

    private Snowflakes() {
    }

    public static boolean isSnowflake(String text) {
        if (text == null || !DIGITS.matcher(text).matches()) {
            return false;
        }
        try {
            Long.parseUnsignedLong(text);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }
}
