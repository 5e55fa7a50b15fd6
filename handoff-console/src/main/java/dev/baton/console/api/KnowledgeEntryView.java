package dev.baton.console.api;

/**
 * A knowledge-base entry as the playground shows it: what Baton would say when it answers from it.
 *
 * @param source where the answer comes from (a URL or document name), or null
 */
public record KnowledgeEntryView(String id, String topic, String question, String answer, String source) {
}
