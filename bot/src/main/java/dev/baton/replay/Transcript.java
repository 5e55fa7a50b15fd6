package dev.baton.replay;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.EngineView;
import dev.baton.text.Words;
import dev.baton.triage.Author;
import dev.baton.triage.Conversation;
import dev.baton.triage.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.Optional;

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
        Optional<Message> asEngineSaw(Instant when) {
            boolean deleted = deletedAt != null && !deletedAt.isAfter(when);
            return EngineView.of(kind, textAt(when), deleted, at, null, null, kbId);
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
            lines.get(i).asEngineSaw(when).ifPresent(view::add);
        }
        return EngineView.conversationOf(view).orElse(null);
    }

    /** The last line stored by {@code at}; -1 when none was. */
    int lastLineBy(Instant at) {
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).at().isAfter(at)) {
                last = i;
            }
        }
        return last;
    }

    Line lastCustomerLine(int upTo, Instant at) {
        for (int i = upTo; i >= 0; i--) {
            Message seen = lines.get(i).asEngineSaw(at).orElse(null);
            if (seen != null && seen.author() == Author.CUSTOMER) {
                return lines.get(i);
            }
        }
        return null;
    }

    /** The index of line {@code line} in the engine's view at {@code at}: how many lines before it it read. */
    int focus(int line, Instant at) {
        int read = 0;
        for (int i = 0; i < line; i++) {
            if (lines.get(i).asEngineSaw(at).isPresent()) {
                read++;
            }
        }
        return read;
    }

    Set<String> customerWords(int upTo, Instant at) {
        Set<String> words = new HashSet<>();
        for (int i = 0; i <= upTo; i++) {
            Message seen = lines.get(i).asEngineSaw(at).orElse(null);
            if (seen != null && seen.author() == Author.CUSTOMER) {
                words.addAll(Words.words(seen.text()));
            }
        }
        return words;
    }

    /** Entries Baton had answered with, as the desk collects them from the transcript at handoff time. */
    List<String> answered(int upTo) {
        Set<String> answered = new LinkedHashSet<>();
        for (int i = 0; i <= upTo; i++) {
            String kbId = lines.get(i).kbId();
            if (kbId != null) {
                answered.add(kbId);
            }
        }
        return List.copyOf(answered);
    }
}
