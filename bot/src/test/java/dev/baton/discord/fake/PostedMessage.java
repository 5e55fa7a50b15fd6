package dev.baton.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message the bot made appear in a channel: a channel message, a webhook execution, an interaction
 * reply or followup.
 *
 * @param authorName the name it shows: the bot's, or for a webhook execution the {@code username} given
 * @param webhookId the webhook that posted it (the application id for interaction replies); null for
 *     the bot's own channel messages
 * @param components the {@code components} array as sent (empty array when none)
 * @param embeds the {@code embeds} array as sent (empty array when none)
 * @param replyToMessageId the {@code message_reference.message_id}, or null when the message is not a reply
 * @param receivedNanos {@link System#nanoTime()} when the request carrying it reached the fake
 */
public record PostedMessage(
        long id,
        long channelId,
        String content,
        JsonNode components,
        JsonNode embeds,
        Long replyToMessageId,
        long receivedNanos,
        String authorName,
        Long webhookId) {

    public boolean viaWebhook() {
        return webhookId != null;
    }
}
