package dev.baton.bench;

import static dev.baton.text.Jackson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.triage.Conversation;
import dev.baton.triage.Cue;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import java.util.List;

/** Gold labels and the engine's evidence on a one-message conversation, for the tests of what bench counts. */
final class Evidence {

    static final Conversation CONVERSATION = Conversation.of(Message.customer("can i get my money back"));

    private Evidence() {
    }

    static JsonNode answer(String entry) {
        return JSON.createObjectNode().put("action", "answer").put("entry", entry);
    }

    static JsonNode handoff(String reason) {
        var expect = JSON.createObjectNode().put("action", "handoff");
        expect.putArray("reasons").add(reason);
        return expect;
    }

    /** The evidence on {@link #CONVERSATION}, with the engine's own verdict at {@code answerAt}. */
    static TriageEngine.Assessment assessment(String nearest, double confidence, double answerAt, Cue... cues) {
        KnowledgeEntry entry = new KnowledgeEntry(nearest, "billing", List.of("a question about " + nearest),
                "An answer about " + nearest + ".", null);
        Match match = new Match(entry, confidence, entry.questions().get(0));
        List<Cue> evidence = List.of(cues);
        return new TriageEngine.Assessment(TriageEngine.verdict(evidence, match, CONVERSATION.focus(),
                CueSettings.standard(), answerAt), match, 0, evidence, CONVERSATION.focus());
    }
}
