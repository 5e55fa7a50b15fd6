package dev.baton.desk;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore.Customer;
import dev.baton.conversation.StoredMessage;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffPacket.Assignment;
import dev.baton.handoff.HandoffPacket.BotAnswer;
import dev.baton.handoff.HandoffPacket.CueEvidence;
import dev.baton.handoff.HandoffPacket.EarlierConversation;
import dev.baton.handoff.HandoffPacket.Line;
import dev.baton.handoff.HandoffPacket.Profile;
import dev.baton.routing.Routing;
import dev.baton.rules.Priority;
import dev.baton.rules.RuleBook;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import dev.baton.triage.TriageEngine;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Assembles the handoff packet from what is stored and what was decided. Pure. */
final class PacketBuilder {

    private PacketBuilder() {
    }

    /** Who it went to, and what the routing rules said: the rule's name, its priority, a private thread or not. */
    record Routed(Routing routing, String rule, Priority priority, boolean privateThread) {
    }

    /** @param settings the cue settings the decision was made under: a cue "fired" when it reached its own threshold */
    static HandoffPacket build(ConversationRecord conversation, Reading reading, List<StoredMessage> elsewhere,
                               Customer customer, List<EarlierConversation> earlier, Decision.Handoff decision,
                               CueSettings settings, Routed routed, String summary, Instant now) {
        List<Line> transcript = reading.transcript().stream().map(PacketBuilder::line).toList();
        List<BotAnswer> answers = reading.transcript().stream()
                .filter(m -> m.authorKind() == AuthorKind.BOT && m.kbId() != null)
                .map(m -> new BotAnswer(m.kbId(), m.text(), m.createdAt()))
                .toList();
        Map<CueKind, Double> combined = TriageEngine.combine(decision.cues());
        List<CueEvidence> cues = decision.cues().stream()
                .map(cue -> evidence(cue, reading, combined, settings))
                .toList();
        Profile profile = new Profile(customer.id(), customer.name(), customer.roles(), customer.joinedAt(),
                customer.firstSeen(), earlier);
        Routing routing = routed.routing();
        // The timeline names the rule that chose the pool; the default route needs no mention.
        String why = routed.rule().equals(RuleBook.DEFAULT_ROUTE) ? routing.why()
                : "rule \u201c" + routed.rule() + "\u201d; " + routing.why();
        Assignment assignment = new Assignment(routing.person().id(), routing.person().name(), routing.person().team(),
                why, routing.onShift(), routing.availableAt(), routed.rule(), routed.priority().wireName(),
                routed.privateThread());
        List<String> reasons = decision.reasons().stream().map(CueKind::wireName).toList();
        return new HandoffPacket(conversation.id(), reasons.get(0), reasons, summary, profile, transcript,
                elsewhere.stream().map(PacketBuilder::line).toList(), answers, cues, assignment, now);
    }

    private static CueEvidence evidence(Cue cue, Reading reading, Map<CueKind, Double> combined,
                                        CueSettings settings) {
        int[] map = reading.engineToTranscript();
        int line = cue.message() >= 0 && cue.message() < map.length ? map[cue.message()] : -1;
        boolean fired = settings.of(cue.kind()).fires(combined.getOrDefault(cue.kind(), 0.0));
        return new CueEvidence(cue.kind().wireName(), cue.score(), fired, line, cue.evidence());
    }

    static Line line(StoredMessage m) {
        return new Line(m.discordId(), m.channelId(), m.authorKind().wireName(), m.authorName(), m.text(),
                m.attachments(), m.createdAt(), m.editedAt() != null, m.isDeleted(), m.kbId());
    }
}
