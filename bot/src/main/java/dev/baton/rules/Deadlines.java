package dev.baton.rules;

import java.time.Duration;

/**
 * Pickup deadlines, each counted from when the handoff became due (see {@code handoffs.due_from}) and
 * each optional (null: that step never happens).
 *
 * @param remind         remind the assigned person
 * @param reroute        hand it to the next eligible person instead, telling the customer
 * @param escalate       mention a Discord role (e.g. Moderators) in the conversation
 * @param escalateRoleId the role's Discord id; required when {@code escalate} is set
 */
public record Deadlines(Duration remind, Duration reroute, Duration escalate, String escalateRoleId) {

    public static final Deadlines NONE = new Deadlines(null, null, null, null);

    public Deadlines {
        if (escalate != null && escalateRoleId == null) {
            throw new IllegalArgumentException("an escalate deadline needs a role to escalate to");
        }
    }
}
