package dev.baton.console.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** The playground: what Baton would decide for a conversation, and practice handoffs made from one. */
public interface Playground {

    /**
     * Decides a conversation with the real engine and routing, storing nothing and sending nothing:
     * the same JSON object the {@code triage} command prints, plus {@code "assignee"} (the chosen
     * person's name) when it is a handoff.
     */
    ObjectNode playground(List<PlaygroundMessage> messages);

    /**
     * A knowledge-base entry by id (as named in a decision's {@code entry}), so the playground can show
     * the answer Baton would give. Empty when the knowledge base has no such entry.
     */
    Optional<KnowledgeEntryView> knowledgeEntry(String id);

    /**
     * Turns a playground conversation into a practice handoff in the queue, marked as practice, so a
     * newcomer can claim, reply and resolve it. Nothing about it ever reaches Discord. Throws
     * {@link ActionRejected} if the engine would not hand this conversation off.
     */
    HandoffDetail practice(String actorId, List<PlaygroundMessage> messages);
}
