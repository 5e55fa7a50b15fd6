package dev.baton.desk;

import dev.baton.handoff.HandoffRecord;
import dev.baton.routing.Person;

/**
 * Work that follows a person transferring a handoff to a colleague (telling the customer and bringing the
 * colleague into the conversation). Runs after the transfer is stored, outside the handoff's lock; a failure
 * here is logged and never undoes the transfer.
 */
@FunctionalInterface
public interface WhenTransferred {

    /**
     * @param transferred the handoff as transferred
     * @param to          the person it is with now, from the roster in force
     * @param actorId     the roster id of who transferred it
     */
    void transferred(HandoffRecord transferred, Person to, String actorId);
}
