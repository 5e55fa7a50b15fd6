package dev.baton.desk;

import dev.baton.conversation.ConversationRecord;
import dev.baton.routing.Person;

/**
 * Delivers what a person wrote in the console to the customer's conversation. The Discord side
 * implements it with a channel webhook under the person's own name and avatar, falling back to
 * Baton's own account with the person's name as a prefix ("Alex: …") when webhooks are not allowed.
 */
public interface StaffReplies {

    /**
     * Sends {@code text} into {@code conversation}'s reply channel (its thread, or where it started).
     * Must not throw for Discord trouble: a failure is reported in the returned delivery.
     */
    Delivery send(ConversationRecord conversation, Person from, String text);

    /**
     * @param via       {@code webhook}, {@code bot}, or {@code none} when nothing reached Discord
     * @param discordId the posted message's id, for the transcript (null when not delivered)
     * @param channelId where it landed (null when not delivered)
     * @param text      the text as posted (with the "Alex: " prefix when sent by the bot)
     * @param detail    why it failed or why the fallback was used, in words for staff
     */
    record Delivery(boolean delivered, String via, String discordId, String channelId, String text, String detail) {

        public static Delivery failed(String detail) {
            return new Delivery(false, "none", null, null, null, detail);
        }
    }

    /** When Baton is not connected to Discord: nothing can be sent, and the console says so. */
    StaffReplies NOT_CONNECTED = (conversation, from, text) ->
            Delivery.failed("Baton is not connected to Discord (DISCORD_TOKEN is not set), so the reply was only stored.");
}
