package dev.baton.handoff;

import java.time.Instant;

/**
 * One change in a handoff's life, for the timeline and the audit trail. {@code actor} is
 * {@code baton}, {@code customer} (the conversation's customer, answering after-care) or a roster id; the states are null for events that change none (a notification).
 */
public record HandoffEvent(long id, long handoffId, Instant at, String actor, String kind, HandoffState from,
                           HandoffState to, String detail) {

    public static final String BATON = "baton";
    public static final String CUSTOMER = "customer";
}
