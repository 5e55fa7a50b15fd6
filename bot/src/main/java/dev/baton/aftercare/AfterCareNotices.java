package dev.baton.aftercare;

import dev.baton.conversation.ConversationRecord;

/**
 * Posts after-care in the conversation, as Baton on the resolving person's behalf. The Discord side
 * implements it; Baton composes the text and records the outcome, so an implementation only finds the
 * conversation's thread, channel or DM, adds the buttons, pings nobody, and reports what happened.
 *
 * <p>Implementations must not throw for Discord trouble and must not wait unboundedly: a failure is a
 * {@link Posted} that says why.
 */
public interface AfterCareNotices {

    /** The question with 👍 / 👎 buttons that carry {@code handoffId} (see {@link AfterCareButtons}). */
    Posted ask(ConversationRecord conversation, long handoffId, String text);

    /** A closing line: no buttons, nothing asked. */
    Posted close(ConversationRecord conversation, String text);

    /**
     * What was posted.
     *
     * @param discordId the message's id; null when nothing was posted
     * @param channelId where it landed; null when nothing was posted
     * @param detail    where it went or why it did not, in words for the timeline
     */
    record Posted(boolean delivered, String discordId, String channelId, String detail) {

        public static Posted failed(String detail) {
            return new Posted(false, null, null, detail);
        }
    }

    /** When Baton is not connected to Discord: the choice is recorded, nothing is posted. */
    AfterCareNotices NOT_CONNECTED = new AfterCareNotices() {
        private static final String WHY = "not posted: Baton is not connected to Discord (DISCORD_TOKEN is not set)";

        @Override
        public Posted ask(ConversationRecord conversation, long handoffId, String text) {
            return Posted.failed(WHY);
        }

        @Override
        public Posted close(ConversationRecord conversation, String text) {
            return Posted.failed(WHY);
        }
    };
}
