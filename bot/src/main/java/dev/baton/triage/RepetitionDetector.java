package dev.baton.triage;

import dev.baton.text.TextEmbedder;
import dev.baton.text.Words;
import java.util.List;

/**
 * Going round in circles. The customer asks again what they asked before Baton's last answer, or
 * Baton has given the same answer twice running and the customer is still writing: either way the
 * answer did not help. On its own this stays below the firing line, because re-asking to
 * double-check is ordinary; together with "I did that" or any other sign of frustration it fires.
 */
final class RepetitionDetector implements CueDetector {

    static final double SAME_QUESTION = 0.8;
    static final double SCORE = 0.45;

    private final TextEmbedder embedder;

    RepetitionDetector(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public List<Cue> detect(Conversation conversation) {
        int lastBot = Turns.lastBotMessage(conversation);
        if (lastBot < 0) {
            return List.of();
        }
        int focus = conversation.focus();
        int previousBot = previousBotMessage(conversation, lastBot);
        if (previousBot >= 0 && sameText(conversation.get(previousBot).text(), conversation.get(lastBot).text())) {
            return List.of(new Cue(CueKind.FRUSTRATION, SCORE, focus,
                    "the bot gave the same answer twice (messages " + previousBot + " and " + lastBot + ")"));
        }
        float[] now = embedder.embed(conversation.get(focus).text());
        for (int index : Turns.earlierCustomerMessages(conversation)) {
            if (index > lastBot) {
                continue;
            }
            double similarity = TextEmbedder.cosine(now, embedder.embed(conversation.get(index).text()));
            if (similarity >= SAME_QUESTION) {
                return List.of(new Cue(CueKind.FRUSTRATION, SCORE, focus,
                        "asks again what message " + index + " asked before the bot's answer"));
            }
        }
        return List.of();
    }

    private static int previousBotMessage(Conversation conversation, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (conversation.get(i).author() == Author.BOT) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameText(String a, String b) {
        return Words.normalise(a).equals(Words.normalise(b));
    }
}
