package dev.baton.triage;

import java.util.List;

/** An ordered conversation. The decision is made for its last customer message. */
public record Conversation(List<Message> messages) {

    public Conversation {
        messages = List.copyOf(messages);
        if (messages.stream().noneMatch(m -> m.author() == Author.CUSTOMER)) {
            throw new IllegalArgumentException("a conversation needs at least one customer message");
        }
    }

    public static Conversation of(Message... messages) {
        return new Conversation(List.of(messages));
    }

    /** Index of the message the decision is about. */
    public int focus() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).author() == Author.CUSTOMER) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: checked in the constructor");
    }

    public Message focusMessage() {
        return messages.get(focus());
    }

    public Message get(int index) {
        return messages.get(index);
    }

    public int size() {
        return messages.size();
    }
}
