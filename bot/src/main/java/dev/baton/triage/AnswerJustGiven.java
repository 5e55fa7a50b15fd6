package dev.baton.triage;

import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.text.Words;
import java.util.List;

/**
 * Baton never sends the answer the customer has just read. When the entry that best fits a follow-up is
 * the one Baton's last message gave, the follow-up asks for more than that answer says ("does the nether
 * reset along with it?" after the reset schedule; "i already used one, can i get another?" after the trial
 * terms). The same words again cannot help, so the knowledge base does not cover the follow-up: it is out
 * of scope, and a person takes it. Baton's message gave the entry when it says so ({@link Message#entry()},
 * kept by the desk even when the language model worded the answer) or when it contains the entry's answer
 * (a transcript without that note). Pure.
 */
final class AnswerJustGiven {

    private AnswerJustGiven() {
    }

    /**
     * The out-of-scope cue when {@code nearest} is the answer Baton gave just before the customer's turn, scoring
     * the match's confidence: it fires where Baton would otherwise have answered with those same words.
     */
    static List<Cue> check(Conversation conversation, Match nearest) {
        int lastBot = Turns.lastBotMessage(conversation);
        if (lastBot < 0 || nearest == null) {
            return List.of();
        }
        Message said = conversation.get(lastBot);
        if (!gave(said, nearest.entry())) {
            return List.of();
        }
        // As strong as Baton's wish to give that answer again: a "thanks!" whose nearest entry is the answer just
        // given, at a confidence of 0.1, is small talk, not a question the answer left open.
        return List.of(new Cue(CueKind.OUT_OF_SCOPE, nearest.confidence(), conversation.focus(), "the closest entry, "
                + nearest.entry().id() + ", is the answer Baton gave in message " + lastBot
                + "; the follow-up asks for more than it says"));
    }

    private static boolean gave(Message said, KnowledgeEntry entry) {
        if (said.entry() != null) {
            return said.entry().equals(entry.id());
        }
        String answer = Words.normalise(entry.answer());
        return !answer.isEmpty() && Words.normalise(said.text()).contains(answer);
    }
}
