package dev.baton.cli;

import dev.baton.handoff.HandoffWording;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.triage.Conversation;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.Decision;
import dev.baton.triage.Message;
import dev.baton.triage.TriageEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A conversation with the engine in the terminal: each line is a customer message; Baton answers from
 * the knowledge base or says it would hand off, and why. An empty line starts a new conversation.
 */
final class ChatCommand {

    private final TriageEngine engine;
    private final KnowledgeBase knowledgeBase;

    ChatCommand(TriageEngine engine, KnowledgeBase knowledgeBase) {
        this.engine = engine;
        this.knowledgeBase = knowledgeBase;
    }

    void run(BufferedReader in, PrintStream out) throws IOException {
        out.printf("Baton: %d knowledge entries from %s. Type as a customer; an empty line starts over, Ctrl-D quits.%n",
                knowledgeBase.size(), knowledgeBase.origin());
        List<Message> messages = new ArrayList<>();
        String line;
        out.print("> ");
        out.flush();
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                messages.clear();
                out.println("(new conversation)");
            } else {
                messages.add(Message.customer(line));
                Decision decision = engine.decide(new Conversation(messages));
                if (decision instanceof Decision.Answer answer) {
                    String text = knowledgeBase.find(answer.entry()).orElseThrow().answer();
                    out.printf("baton [%s, %.2f]: %s%n", answer.entry(), answer.confidence(), text);
                    messages.add(Message.answer(text, answer.entry()));
                } else if (decision instanceof Decision.SmallTalk smallTalk) {
                    out.printf(Locale.ROOT, "baton [small talk, %.2f]: %s%n", smallTalk.confidence(),
                            HandoffWording.defaults().smallTalk());
                } else if (decision instanceof Decision.Handoff handoff) {
                    out.printf("baton: handing off to a person (%s)%n", handoff.reasons().stream()
                            .map(CueKind::wireName).collect(Collectors.joining(", ")));
                    for (Cue cue : handoff.cues()) {
                        if (cue.score() >= TriageEngine.FIRE || handoff.reasons().contains(cue.kind())) {
                            out.printf(Locale.ROOT, "  %s %.2f at message %d: %s%n", cue.kind().wireName(),
                                    cue.score(), cue.message(), cue.evidence());
                        }
                    }
                }
            }
            out.print("> ");
            out.flush();
        }
        out.println();
    }
}
