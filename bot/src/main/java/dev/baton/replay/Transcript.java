package dev.baton.replay;

import dev.baton.conversation.AuthorKind;
import dev.baton.text.Invisible;
import dev.baton.triage.Author;
import dev.baton.triage.Conversation;
import dev.baton.triage.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored conversation's messages in the order they were stored, able to say what the engine read at
 * any earlier moment: a message deleted later was still there, and an edited one still had its old text.
 */
final class Transcript {

    /** One earlier version of an edited message: its text until {@code editedAt}. */
    record Edit(String oldText, Instant editedAt) {
    }

    /** One stored message; {@code edits} oldest first. */
    record Line(long id, AuthorKind kind, String text, String kbId, Instant at, Instant deletedAt, List<Edit> edits) {

        Line {
            edits = List.copyOf(edits);
        }

        /** The text as it stood at {@code when}: the first version replaced after then, else today's. */
        String textAt(Instant when) {
            for (Edit edit : edits) {
                if (edit.editedAt().isAfter(when)) {
                    return edit.oldText();
                }
            }
            return text;
        }

        /**
         * What the engine read of this message at {@code when}, as the desk reads a transcript: nothing of
         * a message already deleted, an empty one, or a bystander's.
         */
        Message asEngineSaw(Instant when) {
            if ((deletedAt != null && !deletedAt.isAfter(when)) || kind.asTriageAuthor().isEmpty()) {
                return null;
            }
            String visible = Invisible.strip(textAt(when)).strip();
            return visible.isEmpty() ? null : new Message(kind.asTriageAuthor().get(), visible, at, null, null);
        }
    }

    private final List<Line> lines;

    Transcript(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    List<Line> lines() {
        return lines;
    }

    /** The engine's view of lines {@code 0..upTo} as they stood at {@code when}; null when it holds no customer message. */
    Conversation engineView(int upTo, Instant when) {
        List<Message> view = new ArrayList<>();
        for (int i = 0; i <= upTo && i < lines.size(); i++) {
            Message m = lines.get(i).asEngineSaw(when);
            if (m != null) {
                view.add(m);
            }
        }
        boolean hasCustomer = view.stream().anyMatch(m -> m.author() == Author.CUSTOMER);
        return hasCustomer ? new Conversation(view) : null;
    }
}
