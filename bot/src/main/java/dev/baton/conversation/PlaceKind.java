package dev.baton.conversation;

import java.util.Locale;

/** Where a conversation started; decides where Baton replies (a new thread, or in place). */
public enum PlaceKind {
    /** A support channel: Baton starts a thread from the customer's message. */
    CHANNEL,
    /** A thread the customer (or someone) already started: reply in place. */
    THREAD,
    /** A post in a forum channel, which is a thread of its own: reply in place. */
    FORUM_POST,
    /** A direct message with Baton: reply in place. */
    DM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PlaceKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
