package dev.baton.discord;

import dev.baton.aftercare.AfterCareNotices;
import dev.baton.conversation.ConversationRecord;
import dev.baton.desk.StaffReplies;
import dev.baton.discord.RelayCodec.Answer;
import dev.baton.discord.RelayCodec.Request;
import dev.baton.pickup.PickupNotices;
import dev.baton.routing.Person;
import dev.baton.routing.Shift;
import dev.baton.routing.WorkingHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** On the instance holding the shard: posts what another instance asked for, through this instance's posters. */
final class RelayedPosts {

    /**
     * Posting reads only a person's id, name and Discord id, which the request carries; the hours are a stand-in
     * that {@link Person} requires and nothing here reads.
     */
    private static final WorkingHours UNUSED_HOURS = new WorkingHours(ZoneOffset.UTC,
            List.of(new Shift(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.of(23, 59))));

    private RelayedPosts() {
    }

    static Answer post(Request request, ConversationRecord conversation, StaffReplies staff, PickupNotices pickup,
                       AfterCareNotices aftercare) {
        String id = request.id();
        switch (request.kind()) {
            case STAFF_REPLY:
                return Answer.of(id, staff.send(conversation, person(request), request.text()));
            case REMIND:
                return Answer.of(id, pickup.remind(conversation, person(request), request.text()));
            case REROUTE:
                return Answer.of(id, pickup.reroute(conversation, person(request), request.text()));
            case ESCALATE:
                return Answer.of(id, pickup.escalate(conversation, request.roleId(), request.text(), request.forStaff()));
            case AFTERCARE_ASK:
                return Answer.of(id, aftercare.ask(conversation, request.handoffId(), request.text()));
            case AFTERCARE_CLOSE:
                return Answer.of(id, aftercare.close(conversation, request.text()));
            default:
                throw new IllegalArgumentException("no relayed post of kind " + request.kind());
        }
    }

    static Person person(Request request) {
        return new Person(request.personId(), request.personName(), request.personDiscordId(), null, Set.of(),
                UNUSED_HOURS, 1, false);
    }
}
