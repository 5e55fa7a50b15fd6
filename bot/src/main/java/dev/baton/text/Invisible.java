package dev.baton.text;

import java.util.regex.Pattern;

/**
 * Removes characters that change how text looks or joins but carry no words: zero-width spaces and
 * joiners, the byte-order mark, and bidirectional controls. Customers paste them in unknowingly (and
 * spammers on purpose); left in, "re\u200Bfund" would not match "refund". The stored message keeps
 * them; only what the engine reads is cleaned.
 */
public final class Invisible {

    // U+200B..U+200F zero-width and directional marks, U+202A..U+202E embeddings and overrides,
    // U+2060..U+2064 word joiner and invisible operators, U+2066..U+2069 isolates, U+FEFF BOM, U+00AD soft hyphen.
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\u00AD]");

    private Invisible() {
    }

    public static String strip(String text) {
        return INVISIBLE.matcher(text).replaceAll("");
    }
}
