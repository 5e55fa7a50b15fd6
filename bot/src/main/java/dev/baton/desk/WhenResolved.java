package dev.baton.desk;

import dev.baton.handoff.HandoffRecord;

/**
 * Work that follows a person resolving a handoff (after-care in Discord, the repeat check), from the console
 * or from Discord's {@code /resolve} alike. Runs after the resolve is stored, outside the handoff's lock; a
 * failure here is logged and never undoes the resolve.
 */
@FunctionalInterface
public interface WhenResolved {

    /** @param resolved the handoff as resolved; {@code actorId} the roster id of who resolved it */
    void resolved(HandoffRecord resolved, String actorId);
}
