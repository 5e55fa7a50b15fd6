package dev.baton.triage;

import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;
import dev.baton.text.TextMemo;

/**
 * How much the customer's current message is small talk only: a greeting, an introduction, thanks or
 * chit-chat with no question in it. Read by the learned "smalltalk" head (docs/models.md) on the whole
 * message, on the scale where 0.5 is the head's firing threshold.
 */
public interface SmallTalkDetector {

    /** Never small talk: for engines and tests that keep to answer or hand off. */
    SmallTalkDetector NEVER = conversation -> 0;

    double score(Conversation conversation);

    /** Read once per message text: a message decided again as its conversation goes on is not read again. */
    static SmallTalkDetector learned(TextEmbedder embedder, Heads heads) {
        int head = heads.index("smalltalk");
        TextMemo<Double> memo = new TextMemo<>();
        return conversation -> memo.get(conversation.focusMessage().text(), text -> heads.score(head, embedder.embed(text)));
    }
}
