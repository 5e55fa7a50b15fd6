package dev.baton.triage;

import dev.baton.text.TextEmbedder;
import java.util.List;

/**
 * Going back: the customer's current message is about what an earlier message of theirs raised, not about
 * what they asked just before it. After "my card never came" and "ok, different q, what's the ATM
 * limit", "but about the card, it's been three weeks" returns to an issue the conversation had moved
 * away from, which a person should pick up with the whole story.
 *
 * <p>A hint, not a verdict: asking something new about an earlier topic is an ordinary follow-up, so
 * this needs another sign (the learned head's reading of "back to…", "about the…", a frustrated
 * tone) to fire. "About the same thing" is the similarity {@link QuestionBundleDetector} uses to tell
 * one request from two.
 */
final class ReturnDetector implements CueDetector {

    static final double SCORE = 0.35;

    private final TextEmbedder embedder;

    ReturnDetector(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public List<Cue> detect(Conversation conversation) {
        List<Integer> earlier = Turns.earlierCustomerMessages(conversation);
        if (earlier.size() < 2) {
            return List.of();
        }
        int focus = conversation.focus();
        float[] now = embedder.embed(conversation.get(focus).text());
        int latest = earlier.get(earlier.size() - 1);
        if (TextEmbedder.cosine(now, embedder.embed(conversation.get(latest).text())) >= QuestionBundleDetector.SAME_TOPIC) {
            return List.of();
        }
        for (int index : earlier.subList(0, earlier.size() - 1)) {
            if (!answeredBetween(conversation, index, latest)) {
                continue;
            }
            double similarity = TextEmbedder.cosine(now, embedder.embed(conversation.get(index).text()));
            if (similarity >= QuestionBundleDetector.SAME_TOPIC) {
                return List.of(new Cue(CueKind.NONLINEAR, SCORE, focus, String.format(java.util.Locale.ROOT,
                        "goes back to message %d after the conversation moved on (similarity %.2f)", index, similarity)));
            }
        }
        return List.of();
    }

    /** Whether Baton or a person spoke after {@code earlier} and before {@code later}: the topic was left. */
    private static boolean answeredBetween(Conversation conversation, int earlier, int later) {
        for (int i = earlier + 1; i < later; i++) {
            if (conversation.get(i).author() != Author.CUSTOMER) {
                return true;
            }
        }
        return false;
    }
}
