package dev.baton.desk;

import dev.baton.conversation.EngineView;
import dev.baton.conversation.StoredMessage;
import dev.baton.triage.Conversation;
import dev.baton.triage.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stored conversation as the engine reads it, and where each message it read sits in the stored
 * transcript (the packet's cue evidence points at transcript lines, the engine at its own indexes).
 *
 * @param conversation null while the engine can read nothing (no customer message with text)
 */
record Reading(List<StoredMessage> transcript, Conversation conversation, int[] engineToTranscript) {

    static Reading of(List<StoredMessage> transcript) {
        List<Message> messages = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < transcript.size(); i++) {
            StoredMessage m = transcript.get(i);
            Optional<Message> read = EngineView.of(m.authorKind(), m.text(), m.isDeleted(), m.createdAt(),
                    m.discordId(), m.replyTo(), m.kbId());
            if (read.isPresent()) {
                messages.add(read.get());
                positions.add(i);
            }
        }
        return new Reading(transcript, EngineView.conversationOf(messages).orElse(null),
                positions.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The messages the engine read, for the summary; none when it read nothing. */
    List<Message> messages() {
        return conversation == null ? List.of() : conversation.messages();
    }
}
