package dev.baton.repeats;

import java.util.List;

/** A handed-off conversation and the index of its first message after a person picked it up. */
public record Transcript(List<Turn> messages, int pickedUpAt) {

    public Transcript {
        messages = List.copyOf(messages);
    }
}
