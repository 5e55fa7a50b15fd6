package dev.baton.feedback;

/**
 * Feedback that cannot be stored as given. The message is written for the person who clicked; {@link #why}
 * lets the console tell "no such thing" (not found) from "not allowed" (a refused action).
 */
public final class FeedbackRejected extends RuntimeException {

    public enum Why {
        UNKNOWN_KIND, NO_ACTOR, NOTE_TOO_LONG, NO_SUCH_HANDOFF, NO_SUCH_CONVERSATION,
        /** Only should_have_come_sooner applies to a conversation Baton answered. */
        KIND_NOT_FOR_ANSWERED,
        /** A practice conversation from the console's playground has no answered path to judge. */
        PRACTICE,
        /** The conversation was handed off: its feedback belongs on the handoff. */
        HANDED_OFF,
        /** Baton never answered in the conversation, so there is nothing to have come sooner than. */
        NOT_ANSWERED
    }

    private final Why why;

    public FeedbackRejected(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }

    /** Whether the handoff or conversation named does not exist (a 404 rather than a refusal). */
    public boolean notFound() {
        return why == Why.NO_SUCH_HANDOFF || why == Why.NO_SUCH_CONVERSATION;
    }
}
