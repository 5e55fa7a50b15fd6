package dev.baton.conversation;

import java.time.Instant;
import java.util.List;

/** A message as kept in the database, with its edit and delete marks. */
public record StoredMessage(long id, String discordId, Long conversationId, String channelId, String authorId,
                            String authorName, AuthorKind authorKind, String text, List<String> attachments,
                            String replyTo, String kbId, Instant createdAt, Instant editedAt, Instant deletedAt) {

    public StoredMessage {
        attachments = List.copyOf(attachments);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
