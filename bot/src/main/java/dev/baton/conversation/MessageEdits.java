package dev.baton.conversation;

import dev.baton.conversation.ConversationStore.Listener;
import dev.baton.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Edits and deletions of stored messages: the text a person sees is the latest, and every earlier version
 * is kept, so the people helping read what the customer saw and what Baton read when it decided.
 */
record MessageEdits(Database database, Listener listener) {

    /** Keeps the old text in {@code message_edits}; returns false when the message was never stored. */
    boolean recordEdit(String discordId, String newText, Instant at) {
        Optional<StoredMessage> before = database.transaction(c -> {
            Optional<StoredMessage> old = ConversationStore.message(c, discordId);
            if (old.isEmpty() || old.get().text().equals(newText)) {
                return old; // an embed unfurling also arrives as an edit; nothing the person wrote changed
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO message_edits (message_id, old_text, edited_at) VALUES (?, ?, ?)")) {
                s.setLong(1, old.get().id());
                s.setString(2, old.get().text());
                s.setLong(3, at.toEpochMilli());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE messages SET text = ?, edited_at = ? WHERE id = ?")) {
                s.setString(1, newText);
                s.setLong(2, at.toEpochMilli());
                s.setLong(3, old.get().id());
                s.executeUpdate();
            }
            return old;
        });
        before.filter(old -> !old.text().equals(newText) && old.conversationId() != null)
                .ifPresent(old -> listener.messagesChanged(old.conversationId()));
        return before.isPresent();
    }

    /** Earlier versions of a message, oldest first. */
    List<String> earlierVersions(long messageId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT old_text FROM message_edits WHERE message_id = ? ORDER BY id")) {
                s.setLong(1, messageId);
                List<String> texts = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        texts.add(rs.getString(1));
                    }
                }
                return texts;
            }
        });
    }

    /** Marks a message deleted; the text stays for the people helping. Returns false if never stored. */
    boolean recordDelete(String discordId, Instant at) {
        Optional<StoredMessage> stored = database.transaction(c -> {
            Optional<StoredMessage> message = ConversationStore.message(c, discordId);
            if (message.isPresent() && !message.get().isDeleted()) {
                try (PreparedStatement s = c.prepareStatement("UPDATE messages SET deleted_at = ? WHERE id = ?")) {
                    s.setLong(1, at.toEpochMilli());
                    s.setLong(2, message.get().id());
                    s.executeUpdate();
                }
            }
            return message;
        });
        stored.filter(m -> !m.isDeleted() && m.conversationId() != null)
                .ifPresent(m -> listener.messagesChanged(m.conversationId()));
        return stored.isPresent();
    }
}
