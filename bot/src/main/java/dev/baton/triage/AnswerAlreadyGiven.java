package dev.baton.triage;

import dev.baton.knowledge.Match;
import dev.baton.text.Words;
import java.util.List;

/**
 * Baton never sends an answer the customer has already read. When the entry that best fits a follow-up is
 * one Baton gave earlier in the conversation, the follow-up asks for more than that answer says ("does the
 * nether reset along with it?" after the reset schedule; "i already used one, can i get another?" after the
 * trial terms), or goes back to an issue the answer did not settle ("back to the transcript thing, i did set
 * spanish and it's still english"). The same words again cannot help, so the knowledge base does not cover
 * it: it is out of scope, and a person takes it. Baton's message gave the entry when it says so
 * ({@link Message#entry()}, kept by the desk even when the language model worded the answer) or when it
 * contains the entry's answer (a transcript without that note). Pure.
 */
final class AnswerAlreadyGiven {

    private AnswerAlreadyGiven() {
    }

    /**
     * The out-of-scope cue when {@code nearest} is an answer Baton gave before the customer's turn, scoring the
     * match's confidence: it fires where Baton would otherwise have answered with those same words again.
     */
    static List<Cue> check(Conversation conversation, Match nearest) {
        if (nearest == null) {
            return List.of();
        }
        String answer = Words.normalise(nearest.entry().answer());
        for (int i = Turns.lastBotMessage(conversation); i >= 0; i--) {
            Message said = conversation.get(i);
            if (said.author() == Author.BOT && gave(said, nearest.entry().id(), answer)) {
                // As strong as Baton's wish to give that answer again: a "thanks!" whose nearest entry is the answer
                // just given, at a confidence of 0.1, is small talk, not a question the answer left open.
                return List.of(new Cue(CueKind.OUT_OF_SCOPE, nearest.confidence(), conversation.focus(),
                        "the closest entry, " + nearest.entry().id() + ", is the answer Baton gave in message " + i
                                + "; the follow-up asks for more than it says"));
            }
        }
        return List.of();
    }

    /** Whether {@code said} gave the entry {@code entry}, whose answer reads {@code answer} once normalised. */
    private static boolean gave(Message said, String entry, String answer) {
        if (said.entry() != null) {
            return said.entry().equals(entry);
        }
        return !answer.isEmpty() && Words.normalise(said.text()).contains(answer);
    }
}
