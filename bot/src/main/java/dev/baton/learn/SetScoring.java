package dev.baton.learn;

import dev.baton.text.Heads;
import dev.baton.text.TextEmbedder;

/**
 * Decides a labelled conversation set as the bench does, with cue heads that never learned from it, and says
 * how that went. The engine sits in a layer above this package, so the caller supplies it (the bench's
 * {@code LeftOutSets}); training keeps what it returns in the weight file.
 */
@FunctionalInterface
public interface SetScoring {

    /**
     * @param set   the conversation set, as {@link ConversationRows#find} found it
     * @param heads cue heads fitted on every training row but the set's own, at the shipped thresholds
     * @return the set's numbers in words, or null when the set cannot be decided here (no knowledge base)
     */
    String score(ConversationRows.Set set, Heads heads, TextEmbedder embedder);
}
