package dev.baton.knowledge;

/**
 * The knowledge-base entry closest to a question, and how sure the matcher is that the entry really
 * answers it ({@code confidence}, a calibrated probability). {@code covered} is the share of the
 * question's meaningful words (weighted by rarity) that the entry itself uses.
 */
public record Match(KnowledgeEntry entry, double confidence, String matchedQuestion, double similarity,
                    double covered) {
}
