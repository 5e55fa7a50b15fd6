package dev.baton.console.api;

/**
 * What people do to a handoff from the console. Each action names the acting person by their roster
 * id and answers with the handoff as it stands after it. An action the handoff's state does not allow
 * (claiming a resolved handoff, say) throws {@link ActionRejected} with words fit for the person who
 * tried; an unknown handoff throws {@link NoSuchHandoff}.
 *
 * <p>A claimed handoff is its claimant's: replying to, transferring or resolving it is refused for
 * anyone else unless {@code asManager}; others {@link #takeOver take it over} first.
 */
public interface HandoffActions {

    HandoffDetail claim(long id, String actorId);

    /** Makes a handoff someone else claimed the actor's, with a {@code taken_over} event naming the previous claimant. */
    HandoffDetail takeOver(long id, String actorId);

    HandoffDetail transfer(long id, String actorId, boolean asManager, String toStaffId, String note);

    /**
     * Sends a reply to the customer as the acting person: in Discord under their own name (or
     * prefixed with it when webhooks are not allowed), stored either way. Practice handoffs from the
     * playground are stored and never sent.
     */
    ReplyOutcome reply(long id, String actorId, boolean asManager, String text);

    /** An internal note: for staff only, never shown to the customer. */
    HandoffDetail note(long id, String actorId, String text);

    /** @param outcome {@code solved}, {@code not_solvable} or {@code no_response} */
    HandoffDetail resolve(long id, String actorId, boolean asManager, String outcome, String note);

    HandoffDetail reopen(long id, String actorId, String note);
}
