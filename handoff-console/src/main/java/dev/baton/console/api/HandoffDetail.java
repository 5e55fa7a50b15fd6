package dev.baton.console.api;

import java.time.Instant;
import java.util.List;

/**
 * Everything needed to help without asking the customer to repeat anything.
 *
 * @param transcript the whole conversation, oldest first, including messages since the handoff
 * @param cues       every cue scored at handoff time, strongest first; {@link Cue#line()} indexes transcript
 * @param elsewhere  what the customer wrote lately in other channels
 * @param events     the timeline, oldest first (created/routed, notified, claimed, replied, noted, …)
 */
public record HandoffDetail(QueueEntry entry, Customer customer, List<Line> transcript, List<Cue> cues,
                            List<Line> elsewhere, List<Event> events) {

    public HandoffDetail {
        transcript = List.copyOf(transcript);
        cues = List.copyOf(cues);
        elsewhere = List.copyOf(elsewhere);
        events = List.copyOf(events);
    }

    /** @param joinedAt null when unknown (a DM from outside the server) */
    public record Customer(String id, String name, List<String> roles, Instant joinedAt, Instant firstSeen,
                           List<EarlierConversation> earlier) {
        public Customer {
            roles = List.copyOf(roles);
            earlier = List.copyOf(earlier);
        }
    }

    /** @param handoffReason null when Baton handled that conversation alone */
    public record EarlierConversation(long id, Instant startedAt, String state, String handoffReason) {
    }

    /**
     * One message.
     *
     * @param author customer, bot, staff or other
     * @param kbId   the knowledge-base entry a bot answer came from, else null
     */
    public record Line(String author, String authorName, String text, Instant at, boolean edited, boolean deleted,
                       String kbId, List<String> attachments) {
        public Line {
            attachments = List.copyOf(attachments);
        }
    }

    /**
     * A cue with its quoted evidence.
     *
     * @param line index into the transcript, or -1 when it is about the conversation as a whole
     */
    public record Cue(String kind, double score, boolean fired, int line, String evidence) {
    }

    /**
     * One row of the timeline.
     *
     * @param actor     {@code baton} or a roster id
     * @param from      the state before, or null for events that change none (a note, a notification)
     */
    public record Event(Instant at, String actor, String actorName, String kind, String from, String to,
                        String detail) {
    }
}
