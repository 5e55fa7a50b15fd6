package dev.baton.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where Baton may use a configured language model; each can be switched off in {@code config/llm.yaml}. */
public enum Use {
    /** Three short lines for the person picking up a handoff; each line must be supported by the transcript. */
    SUMMARY,
    /** A structured verdict, asked only when the offline engine is unsure (see {@link Band}). */
    SECOND_OPINION,
    /** The matched knowledge-base answer in conversational words, with no fact that is not in the entry. */
    PHRASING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Use fromWire(String value) {
        for (Use use : values()) {
            if (use.wireName().equals(value)) {
                return use;
            }
        }
        throw new IllegalArgumentException("unknown use \"" + value + "\"; the uses are " + wireNames());
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(Use::wireName).collect(Collectors.joining(", "));
    }
}
