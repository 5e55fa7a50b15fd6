package dev.baton.pickup;

import dev.baton.conversation.ConversationRecord;
import dev.baton.routing.Person;

/**
 * Posts what a pickup step says, where the people it concerns will see it. The Discord side implements
 * it; Baton composes every text (mentions included) and records the outcome, so an implementation only
 * chooses the channel, lets exactly the intended mentions ping, and reports what happened.
 *
 * <p>Implementations must not throw for Discord trouble and must not wait unboundedly: a failure is a
 * {@link Posted} that says why.
 */
public interface PickupNotices {

    /**
     * Reminds {@code person} in the conversation's thread or channel; {@code text} mentions them. Where the
     * conversation is a DM (no place to mention anyone), an implementation may post it to the staff
     * channel instead: {@link Posted#channelId()} then differs from the conversation's.
     */
    Posted remind(ConversationRecord conversation, Person person, String text);

    /**
     * Tells the customer {@code to} is picking it up instead ({@code text} mentions them) and brings
     * them into the conversation's thread.
     */
    Posted reroute(ConversationRecord conversation, Person to, String text);

    /**
     * Tells the customer more help is coming and calls in the role {@code roleId}: {@code forCustomer}
     * then {@code forStaff} (which mentions the role). Where the role cannot see the conversation (a DM),
     * an implementation posts {@code forCustomer} there and {@code forStaff} to the staff channel.
     */
    Posted escalate(ConversationRecord conversation, String roleId, String forCustomer, String forStaff);

    /**
     * What was posted in the conversation.
     *
     * @param discordId the message's id, for the transcript; null when nothing was posted there
     * @param channelId where it landed; null when nothing was posted
     * @param text      the text as posted in the conversation (null when nothing was)
     * @param detail    where it went and anything that did not work, in words for the timeline
     */
    record Posted(boolean delivered, String discordId, String channelId, String text, String detail) {

        public static Posted failed(String detail) {
            return new Posted(false, null, null, null, detail);
        }
    }

    /** When Baton is not connected to Discord: the steps still happen and are recorded, nothing is posted. */
    PickupNotices NOT_CONNECTED = new PickupNotices() {
        private static final String WHY = "not posted: Baton is not connected to Discord (DISCORD_TOKEN is not set)";

        @Override
        public Posted remind(ConversationRecord conversation, Person person, String text) {
            return Posted.failed(WHY);
        }

        @Override
        public Posted reroute(ConversationRecord conversation, Person to, String text) {
            return Posted.failed(WHY);
        }

        @Override
        public Posted escalate(ConversationRecord conversation, String roleId, String forCustomer, String forStaff) {
            return Posted.failed(WHY);
        }
    };
}
