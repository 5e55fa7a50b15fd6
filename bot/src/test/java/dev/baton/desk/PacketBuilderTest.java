package dev.baton.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore.Customer;
import dev.baton.conversation.PlaceKind;
import dev.baton.conversation.StoredMessage;
import dev.baton.handoff.HandoffPacket;
import dev.baton.handoff.HandoffPacket.CueEvidence;
import dev.baton.routing.Person;
import dev.baton.routing.RosterLoader;
import dev.baton.routing.Routing;
import dev.baton.rules.Priority;
import dev.baton.rules.RuleBook;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.CueSetting;
import dev.baton.triage.CueSettings;
import dev.baton.triage.Decision;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packet's cue evidence: which transcript line each cue points at, and whether its kind fired. */
class PacketBuilderTest {

    private static final Instant NOW = Instant.parse("2024-06-12T12:00:00Z");
    private static final Person SAM = RosterLoader.parse("team.yaml", new StringReader("""
            people:
              - id: sam
                name: Sam
                discord_user_id: "100000000000000099"
                hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
                sensitive: true
            """)).people().get(0);
    private static final Routing ROUTING = new Routing(SAM, true, NOW, false, "on shift");

    /** Customer, other member, customer: the engine read lines 0 and 2 as its messages 0 and 1. */
    private static final Reading READING = new Reading(List.of(
            line(1, AuthorKind.CUSTOMER, "my print fails halfway"),
            line(2, AuthorKind.OTHER, "same here"),
            line(3, AuthorKind.CUSTOMER, "this is ridiculous")), null, new int[] {0, 2});

    @Test
    void eachCuePointsAtItsTranscriptLineAndAWholeConversationCueAtNone() {
        HandoffPacket packet = build(new Cue(CueKind.ANGER, 0.9, 1, "\"ridiculous\""),
                new Cue(CueKind.FRUSTRATION, 0.45, 0, "asks again"),
                new Cue(CueKind.URGENCY, 0.2, -1, "the whole conversation"),
                new Cue(CueKind.ANXIETY, 0.1, 7, "an index the engine never had"));

        assertEquals(List.of(2, 0, -1, -1), packet.cues().stream().map(CueEvidence::line).toList());
        assertEquals("anger", packet.reason());
        assertEquals(3, packet.transcript().size(), "the other member's line is kept for the people helping");
    }

    @Test
    void cuesFireByTheirKindsCombinedScoreNotEachOnItsOwn() {
        HandoffPacket packet = build(new Cue(CueKind.ANGER, 0.9, 1, "\"ridiculous\""),
                new Cue(CueKind.FRUSTRATION, 0.3, 0, "first hint"),
                new Cue(CueKind.FRUSTRATION, 0.3, 1, "second hint"),
                new Cue(CueKind.URGENCY, 0.3, 1, "a lone hint"));

        // Frustration: 1 - 0.7 * 0.7 = 0.51 reaches the firing line; urgency at 0.3 alone does not.
        assertEquals(List.of(true, true, true, false), packet.cues().stream().map(CueEvidence::fired).toList());
    }

    @Test
    void cuesFireByTheThresholdsTheDecisionWasMadeUnderNotTheBuiltInOnes() {
        CueSettings settings = CueSettings.standard().with(Map.of(
                CueKind.URGENCY, new CueSetting(true, CueSetting.HIGH),
                CueKind.FRUSTRATION, new CueSetting(false, CueSetting.NORMAL)));

        HandoffPacket packet = build(settings, new Cue(CueKind.URGENCY, 0.4, 1, "\"asap\""),
                new Cue(CueKind.FRUSTRATION, 0.8, 0, "asks again"),
                new Cue(CueKind.ANGER, 0.4, 1, "\"ugh\""));

        assertEquals(List.of(true, false, false), packet.cues().stream().map(CueEvidence::fired).toList(),
                "urgency at 0.4 fires when sensitive; disabled frustration never fires; anger at 0.4 is below 0.5");
    }

    @Test
    void theAssignmentSaysWhichRuleMatchedItsPriorityAndWhetherTheThreadIsPrivate() {
        HandoffPacket packet = build(CueSettings.standard(), new PacketBuilder.Routed(ROUTING, "grief to community",
                Priority.HIGH, true), new Cue(CueKind.SADNESS_GRIEF, 0.9, 1, "\"passed away\""));

        HandoffPacket.Assignment assignment = packet.assignment();
        assertEquals("sam", assignment.personId());
        assertEquals("grief to community", assignment.rule());
        assertEquals("high", assignment.priority());
        assertTrue(assignment.privateThread());
        assertEquals("rule \u201cgrief to community\u201d; on shift", assignment.why(), "the timeline names the rule");
    }

    @Test
    void theDefaultRouteIsNotMentionedInTheWhy() {
        assertEquals("on shift", build(new Cue(CueKind.ANGER, 0.9, 1, "\"ridiculous\"")).assignment().why());
    }

    private static HandoffPacket build(Cue... cues) {
        return build(CueSettings.standard(), cues);
    }

    private static HandoffPacket build(CueSettings settings, Cue... cues) {
        return build(settings, new PacketBuilder.Routed(ROUTING, RuleBook.DEFAULT_ROUTE, Priority.NORMAL, false), cues);
    }

    private static HandoffPacket build(CueSettings settings, PacketBuilder.Routed routed, Cue... cues) {
        ConversationRecord conversation = new ConversationRecord(7, "ann-id", PlaceKind.CHANNEL, "support", "t-1",
                ConversationState.BOT, NOW, NOW);
        Customer ann = new Customer("ann-id", "ann", List.of("member"), null, NOW, NOW);
        Decision.Handoff decision = new Decision.Handoff(List.of(cues[0].kind()), cues[0].score(), List.of(cues));
        return PacketBuilder.build(conversation, READING, List.of(), ann, List.of(), decision, settings, routed, "", NOW);
    }

    private static StoredMessage line(long id, AuthorKind kind, String text) {
        return new StoredMessage(id, "m" + id, 7L, "t-1", kind == AuthorKind.CUSTOMER ? "ann-id" : "bob-id",
                kind == AuthorKind.CUSTOMER ? "ann" : "bob", kind, text, List.of(), null, null, NOW, null, null);
    }
}
