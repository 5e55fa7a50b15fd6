package dev.baton.desk;

import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.PlaceKind;

/**
 * Locks by lane, the place where order matters (see {@link dev.baton.conversation.Place#lane}): one
 * customer's messages are grouped and decided one after another, while other lanes go on in parallel.
 * A fixed set of stripes, so the locks never grow with the number of customers; two lanes sharing a
 * stripe only wait for each other. Code holds at most one stripe at a time, so stripes cannot deadlock.
 */
final class LaneLocks {

    private static final int STRIPES = 64;
    private final Object[] stripes = new Object[STRIPES];

    LaneLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    Object of(String lane) {
        return stripes[Math.floorMod(lane.hashCode(), STRIPES)];
    }

    /** The lane a conversation's customer writes in now: its thread once it has one. */
    Object of(ConversationRecord conversation) {
        if (conversation.threadId() != null) {
            return of(conversation.threadId());
        }
        return of(conversation.place() == PlaceKind.CHANNEL
                ? conversation.channelId() + "/" + conversation.customerId() : conversation.channelId());
    }
}
