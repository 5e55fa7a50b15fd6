package dev.baton.conversation;

import java.util.Locale;

/** Who is speaking for the community in a conversation. */
public enum ConversationState {
    /** Baton may answer. */
    BOT,
    /** A person has it: Baton stays quiet and only keeps the record. */
    HANDED_OFF,
    /** Resolved; the customer's next message starts a new conversation. */
    CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConversationState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
