package dev.baton.knowledge;

/**
 * The knowledge-base entry closest to a question, the phrasing that matched it best, and how sure
 * the matcher is that the entry really answers it ({@code confidence}, a calibrated probability).
 */
public record Match(KnowledgeEntry entry, double confidence, String matchedQuestion) {
}
