package dev.baton.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aftercare.AfterCareNotices;
import dev.baton.desk.StaffReplies;
import dev.baton.discord.RelayCodec.Answer;
import dev.baton.discord.RelayCodec.Kind;
import dev.baton.discord.RelayCodec.Request;
import dev.baton.fanout.PostgresWire;
import dev.baton.pickup.PickupNotices;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelayCodecTest {

    @Test
    void everyKindOfRequestComesBackAsItWasSent() {
        for (Kind kind : Kind.values()) {
            Request request = new Request("r1", "inst-a", kind, 42, "alex", "Alex \"A\" Ünal", "123456789012345678",
                    "line one\nline two ✓", "987654321098765432", "for staff <@&987654321098765432>", 7);
            assertEquals(Optional.of(request), RelayCodec.decode(RelayCodec.encode(request)), kind.wire());
        }
    }

    @Test
    void aRequestWithoutPersonRoleOrHandoffLeavesThemOutAndReadsThemBackAsUnset() {
        Request request = new Request("r2", "inst-a", Kind.AFTERCARE_CLOSE, 9, null, null, null, "Thanks!", null, null, 0);
        String payload = RelayCodec.encode(request);

        assertTrue(!payload.contains("person") && !payload.contains("role") && !payload.contains("handoff"), payload);
        assertEquals(Optional.of(request), RelayCodec.decode(payload));
    }

    @Test
    void anAnswerCarriesADeliveryAndBothKindsOfPostedWithoutLoss() {
        StaffReplies.Delivery delivery = new StaffReplies.Delivery(true, "webhook", "111", "222", "hi", "by webhook");
        PickupNotices.Posted pickup = new PickupNotices.Posted(true, "333", "444", "<@1> ping", "in the thread");
        AfterCareNotices.Posted aftercare = new AfterCareNotices.Posted(false, null, null, "not posted: gone");

        assertEquals(delivery, roundTrip(Answer.of("a", delivery)).delivery());
        assertEquals(pickup, roundTrip(Answer.of("b", pickup)).pickup());
        assertEquals(aftercare, roundTrip(Answer.of("c", aftercare)).aftercare());
    }

    @Test
    void aFailedDeliveryKeepsItsNoneVia() {
        StaffReplies.Delivery failed = StaffReplies.Delivery.failed("why");
        assertEquals(failed, roundTrip(Answer.of("a", failed)).delivery());
    }

    @Test
    void payloadsThatAreNotTheRelaysAreIgnored() {
        for (String payload : new String[]{"", "not json", "[]", "{\"id\":1}", "{\"id\":\"x\",\"t\":\"ask\"}",
                "{\"id\":\"x\",\"t\":\"ask\",\"from\":\"a\",\"conversation\":1,\"kind\":\"dance\"}",
                "{\"id\":\"x\",\"t\":\"answer\"}", "{\"from\":\"a\",\"changes\":[]}"}) {
            assertEquals(Optional.empty(), RelayCodec.decode(payload), payload);
        }
    }

    @Test
    void theLongestStaffReplyDiscordTakesFitsInOneNoticeEvenInThreeByteCharacters() {
        String longest = "語".repeat(2000);
        Request request = new Request("3f1c0a4e-0000-4000-8000-000000000000", "123456-abcdef12", Kind.STAFF_REPLY,
                Long.MAX_VALUE, "some-person-id", "A Long Display Name", "123456789012345678", longest, null, null, 0);

        assertTrue(RelayCodec.bytes(RelayCodec.encode(request)) <= PostgresWire.MAX_BYTES);
    }

    private static Answer roundTrip(Answer answer) {
        return (Answer) RelayCodec.decode(RelayCodec.encode(answer)).orElseThrow();
    }
}
