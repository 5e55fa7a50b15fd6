package dev.baton.triage;

import dev.baton.knowledge.Match;
import dev.baton.text.Words;
import java.util.List;

/**
 * Baton never sends the answer the customer has just read. When the entry that best fits a follow-up is
 * the one Baton's last message gave, the follow-up asks for more than that answer says ("does the nether
 * reset along with it?" after the reset schedule; "i already used one, can i get another?" after the trial
 * terms). The same words again cannot help, so the knowledge base does not cover the follow-up: it is out
 * of scope, and a person takes it. Pure.
 */
final class AnswerJustGiven {

    private AnswerJustGiven() {
    }

    /** The out-of-scope cue when {@code nearest} is the answer Baton gave just before the customer's turn. */
    static List<Cue> check(Conversation conversation, Match nearest) {
        int lastBot = Turns.lastBotMessage(conversation);
        if (lastBot < 0 || nearest == null) {
            return List.of();
        }
        String said = Words.normalise(conversation.get(lastBot).text());
        String answer = Words.normalise(nearest.entry().answer());
        if (answer.isEmpty() || !said.contains(answer)) {
            return List.of();
        }
        return List.of(new Cue(CueKind.OUT_OF_SCOPE, 1.0, conversation.focus(), "the closest entry, "
                + nearest.entry().id() + ", is the answer Baton gave in message " + lastBot
                + "; the follow-up asks for more than it says"));
    }
}
