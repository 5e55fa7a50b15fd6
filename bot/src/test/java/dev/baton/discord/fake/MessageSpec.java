package dev.baton.discord.fake;

import java.util.List;
import java.util.Objects;

/**
 * A message a "user" sends, for {@link FakeDiscord#sendMessage(MessageSpec)}. Whether it is a guild or
 * a DM message follows from the channel: a channel from {@link FakeDiscord#openDm(long)} is a DM.
 *
 * <p>The content is delivered as given: put {@link FakeDiscord#mention(long)} into it when the bot
 * parses mentions; {@code mentionsBot} only fills the {@code mentions} array (as a reply ping does).
 *
 * @param replyToMessageId sets {@code message_reference} (and {@code referenced_message} when the fake
 *     knows that message); null for none
 * @param attachments file names; each becomes an attachment object served by the fake
 */
public record MessageSpec(
        long channelId,
        long authorId,
        String content,
        Long replyToMessageId,
        boolean mentionsBot,
        List<String> attachments) {

    public MessageSpec {
        Objects.requireNonNull(content, "content");
        attachments = List.copyOf(attachments);
    }

    public static MessageSpec of(long channelId, long authorId, String content) {
        return new MessageSpec(channelId, authorId, content, null, false, List.of());
    }

    public MessageSpec replyingTo(long messageId) {
        return new MessageSpec(channelId, authorId, content, messageId, mentionsBot, attachments);
    }

    public MessageSpec mentioningBot() {
        return new MessageSpec(channelId, authorId, content, replyToMessageId, true, attachments);
    }

    public MessageSpec withAttachments(String... fileNames) {
        return new MessageSpec(channelId, authorId, content, replyToMessageId, mentionsBot, List.of(fileNames));
    }
}
