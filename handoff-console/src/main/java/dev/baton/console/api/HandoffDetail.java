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
 * @param aftercare  what Baton asked the customer once it was resolved, and the answer; null when it asked nothing
 * @param repeat     whether anyone had to repeat themselves after pickup; null when not checked (yet)
 */
public record HandoffDetail(QueueEntry entry, Customer customer, List<Line> transcript, List<Cue> cues,
                            List<Line> elsewhere, List<Event> events, Aftercare aftercare, RepeatCheck repeat) {

    public HandoffDetail {
        transcript = List.copyOf(transcript);
        cues = List.copyOf(cues);
        elsewhere = List.copyOf(elsewhere);
        events = List.copyOf(events);
    }

    /** Without after-care or a repeat check: a handoff not resolved yet, or from before either existed. */
    public HandoffDetail(QueueEntry entry, Customer customer, List<Line> transcript, List<Cue> cues,
                         List<Line> elsewhere, List<Event> events) {
        this(entry, customer, transcript, cues, elsewhere, events, null, null);
    }

    /**
     * After-care: the rating prompt (or closing line) Baton posted when a person resolved it.
     *
     * @param kind       {@code rating} (👍/👎 buttons) or {@code closing_line} (nothing to answer)
     * @param resolvedBy the roster id named in the prompt
     * @param verdict    {@code up}, {@code down}, or null when not answered (yet)
     * @param comment    what the customer added; empty when nothing
     */
    public record Aftercare(String kind, String resolvedBy, String resolvedByName, Instant askedAt, String verdict,
                            Instant answeredAt, String comment) {
    }

    /**
     * The repeat check of a handoff.
     *
     * @param kind        {@code customer_restated} or {@code staff_reasked}; null when checked and no repeat was found
     * @param earlier     what was already said before pickup; null without a repeat
     * @param repeated    the message after pickup that said (or asked) it again; null without a repeat
     * @param earlierLine {@code earlier}'s index in the transcript, or -1 when it is not in it
     * @param repeatedLine {@code repeated}'s index in the transcript, or -1
     */
    public record RepeatCheck(Instant checkedAt, String kind, Double score, Line earlier, Line repeated,
                              int earlierLine, int repeatedLine) {
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
